import { stackArguments } from "../../scripts/run-stack";

describe("npm run <command> -- <arguments>", () => {
  it("targets the stack named by --stack, -s or --stack=, instead of silently running dev", () => {
    expect(stackArguments(["--stack", "acme"], {}).stack).toBe("acme");
    expect(stackArguments(["-s", "staging"], {}).stack).toBe("staging");
    expect(stackArguments(["--stack=prod"], {}).stack).toBe("prod");
  });

  it("falls back to PORTAL_STACK, then dev, and passes every other argument to Pulumi as written", () => {
    expect(stackArguments(["--target", "urn:x", "--diff"], { PORTAL_STACK: "staging" })).toEqual({ stack: "staging", passThrough: ["--target", "urn:x", "--diff"] });
    expect(stackArguments([], {})).toEqual({ stack: "dev", passThrough: [] });
  });

  it("refuses PORTAL_STACK and --stack naming different stacks, and --stack without a name", () => {
    expect(() => stackArguments(["--stack", "prod"], { PORTAL_STACK: "dev" })).toThrow("PORTAL_STACK=dev and --stack prod name different stacks; give one.");
    expect(() => stackArguments(["--stack"], {})).toThrow("--stack needs a stack name, e.g. --stack staging.");
  });
});
