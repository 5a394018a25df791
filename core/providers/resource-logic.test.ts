import { checkFailures } from "./resource-logic";

describe("checkFailures", () => {
  it("names the top-level key of dotted and bracketed fields and keeps the message as the reason", () => {
    const problems = [
      { field: "schema.properties.port.type", message: "bad type" },
      { field: 'relations["odd key"].target', message: "bad key" },
      { field: "mappings[0].entity", message: "bad mapping" },
      { field: "title", message: "bad title" },
    ];
    expect(checkFailures(problems)).toEqual([
      { property: "schema", reason: "bad type" },
      { property: "relations", reason: "bad key" },
      { property: "mappings", reason: "bad mapping" },
      { property: "title", reason: "bad title" },
    ]);
  });

  it("uses the fallback property for a problem with the whole spec, and an empty one without a fallback", () => {
    const problems = [{ field: "", message: "not an object" }];
    expect(checkFailures(problems, "identifier")).toEqual([{ property: "identifier", reason: "not an object" }]);
    expect(checkFailures(problems)).toEqual([{ property: "", reason: "not an object" }]);
  });

  it("uses the fallback for a field that starts with a bracket", () => {
    expect(checkFailures([{ field: '["odd key"]', message: "m" }], "email")).toEqual([{ property: "email", reason: "m" }]);
  });
});
