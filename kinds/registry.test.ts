import * as fs from "fs";
import * as path from "path";
import { STUB_DIR, expectedStubs } from "../scripts/provider-stubs";
import { KINDS, type ProviderKind, stubFileOf } from "./registry";

describe("the kind registry", () => {
  it("has a committed provider stub for each kind, exactly as `npm run stubs` writes it, and no stub of a kind it lacks", () => {
    const generated = [...fs.readdirSync(STUB_DIR)].filter((f) => !["index.js", "package.json"].includes(f)).sort();
    expect(generated).toEqual([...expectedStubs().keys()].sort());
    for (const [file, text] of expectedStubs()) expect(fs.readFileSync(path.join(STUB_DIR, file), "utf8")).toBe(text);
  });

  it("loads a provider logic with every dynamic-provider operation for each kind", () => {
    for (const kind of Object.keys(KINDS) as ProviderKind[]) {
      const logic = KINDS[kind].logic();
      for (const op of ["check", "diff", "create", "read", "update", "delete"] as const) expect([kind, op, typeof logic[op]]).toEqual([kind, op, "function"]);
    }
  });

  it("names stub files in kebab case", () => {
    expect(stubFileOf("BlueprintRelations")).toBe("blueprint-relations");
    expect(stubFileOf("Scorecard")).toBe("scorecard");
  });
});
