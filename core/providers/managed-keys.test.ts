import { KeyedMap, managedKeysOf, withUnmanagedEntries, withUnmanagedKeys } from "./managed-keys";

describe("withUnmanagedKeys", () => {
  it("keeps the keys Port holds that the code never managed, and drops those it managed last time", () => {
    const held = { title: "Old", icon: "Git", description: "from the UI", color: "red" };
    expect(withUnmanagedKeys({ title: "New" }, held, ["title", "icon"])).toEqual({ title: "New", description: "from the UI", color: "red" });
  });

  it("leaves out ignored keys and returns the spec when Port holds nothing", () => {
    expect(withUnmanagedKeys({ title: "T" }, { updatedAt: "x", extra: 1 }, undefined, ["updatedAt"])).toEqual({ title: "T", extra: 1 });
    expect(withUnmanagedKeys({ title: "T" }, undefined, ["icon"])).toEqual({ title: "T" });
  });

  it("shares no objects with the spec or with what Port holds", () => {
    const spec = { config: { a: 1 } };
    const held = { extra: { b: 2 } };
    const out = withUnmanagedKeys(spec, held, undefined);
    expect(out.config).not.toBe(spec.config);
    expect(out.extra).not.toBe(held.extra);
  });
});

const maps: KeyedMap[] = [{ name: "properties" }, { name: "nested", path: ["schema", "properties"] }];

describe("managedKeysOf", () => {
  it("lists the top-level keys and each map's entries, sorted, leaving out empty maps", () => {
    const spec = { title: "T", properties: { b: 1, a: 2 }, schema: { properties: {} } };
    expect(managedKeysOf(spec, maps)).toEqual({ topLevel: ["properties", "schema", "title"], properties: ["a", "b"] });
    expect(managedKeysOf({ schema: { properties: { x: 1 } } }, maps)).toEqual({ topLevel: ["schema"], nested: ["x"] });
  });
});

describe("withUnmanagedEntries", () => {
  it("keeps the entries of each map that the code never managed, also where the map sits at a path", () => {
    const spec = { properties: { a: 1 }, schema: { properties: { p: "new" } } };
    const held = { properties: { a: 0, b: 2, gone: 3 }, schema: { properties: { p: "old", q: "ui", dropped: "x" } } };
    const last = { topLevel: ["properties", "schema"], properties: ["a", "gone"], nested: ["p", "dropped"] };
    expect(withUnmanagedEntries(spec, held, last, { maps, ignore: ["schema"] })).toEqual({
      properties: { a: 1, b: 2 },
      schema: { properties: { p: "new", q: "ui" } },
    });
  });

  it("creates a map the spec leaves out when Port holds an unmanaged entry of it", () => {
    const out = withUnmanagedEntries({ title: "T" }, { properties: { a: 1 } }, { topLevel: ["title"] }, { maps, ignore: ["properties"] });
    expect(out).toEqual({ title: "T", properties: { a: 1 } });
  });

  it("calls onKept with each kept entry's key and what Port holds", () => {
    const kept: string[] = [];
    const map: KeyedMap = { name: "relations", onKept: (out, key, held) => kept.push(`${key}:${String(held.id)}:${Object.keys(out.relations as object)}`) };
    withUnmanagedEntries({ relations: { mine: 1 } }, { id: "bp", relations: { mine: 0, theirs: 2 } }, undefined, { maps: [map] });
    expect(kept).toEqual(["theirs:bp:mine,theirs"]);
  });

  it("returns a copy of the spec when Port holds nothing", () => {
    const spec = { properties: { a: 1 } };
    const out = withUnmanagedEntries(spec, undefined, undefined, { maps });
    expect(out).toEqual(spec);
    expect(out.properties).not.toBe(spec.properties);
  });
});
