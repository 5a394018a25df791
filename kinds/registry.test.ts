import * as fs from "fs";
import { expectedStubs, presentStubs } from "../scripts/provider-stubs";
import { KINDS, type ProviderKind, stubFileOf } from "./registry";

describe("the kind registry", () => {
  it("has the committed provider modules of each kind, exactly as `npm run stubs` writes them, and none of a kind it lacks", () => {
    expect(presentStubs().sort()).toEqual([...expectedStubs().keys()].sort());
    for (const [file, text] of expectedStubs()) expect([file, fs.readFileSync(file, "utf8")]).toEqual([file, text]);
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
