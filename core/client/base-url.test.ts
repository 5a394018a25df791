import { resolvePortBaseUrl } from "./base-url";

describe("resolvePortBaseUrl", () => {
  it("defaults to the EU API when no region is given", () => {
    expect(resolvePortBaseUrl()).toBe("https://api.port.io");
    expect(resolvePortBaseUrl("  ")).toBe("https://api.port.io");
  });

  it("maps region names to Port's API hosts", () => {
    expect(resolvePortBaseUrl("eu")).toBe("https://api.port.io");
    expect(resolvePortBaseUrl("us")).toBe("https://api.us.port.io");
    expect(resolvePortBaseUrl("US")).toBe("https://api.us.port.io");
  });

  it("accepts http(s) URLs and drops trailing slashes", () => {
    expect(resolvePortBaseUrl("http://127.0.0.1:5555/")).toBe("http://127.0.0.1:5555");
    expect(resolvePortBaseUrl("https://api.getport.io")).toBe("https://api.getport.io");
    expect(resolvePortBaseUrl("https://proxy.example.com/port//")).toBe("https://proxy.example.com/port");
  });

  it("rejects anything else, naming the value and the allowed forms", () => {
    const allowed = /expected "eu" \(https:\/\/api\.port\.io, the default\), "us" \(https:\/\/api\.us\.port\.io\), or an http\(s\) URL/;
    for (const bad of ["asia", "ftp://api.port.io", "api.port.io", "https://api.port.io/?x=1", "https://api.port.io/#top"]) {
      expect(() => resolvePortBaseUrl(bad)).toThrow(`Invalid Port region or base URL ${JSON.stringify(bad)}`);
      expect(() => resolvePortBaseUrl(bad)).toThrow(allowed);
    }
  });
});
