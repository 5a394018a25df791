import * as fs from "fs";
import * as path from "path";
import { KINDS, type ProviderKind, stubFileOf } from "../kinds/registry";

/**
 * Writes, for every kind of kinds/registry.ts, the module of its provider object
 * (core/providers/objects/<kind>.ts, exported as `@port-portal/pulumi/providers/<kind>`) and the
 * forwarding module that keeps state written before the package existed working
 * (packages/provider-stub/<kind>.js), and removes those of kinds that are gone. `npm run stubs`
 * runs it; a test fails when the committed files are stale.
 */
export const STUB_DIRS = {
  objects: path.resolve(__dirname, "../core/providers/objects"),
  legacy: path.resolve(__dirname, "../packages/provider-stub"),
};
/** Files of the legacy package that are not generated. */
const FIXED_FILES = ["package.json", "README.md"];

export function expectedStubs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of Object.keys(KINDS) as ProviderKind[]) {
    const file = stubFileOf(kind);
    files.set(
      path.join(STUB_DIRS.objects, `${file}.ts`),
      `// Generated from kinds/registry.ts by \`npm run stubs\`. This module's exports is exactly the provider\n// object, which is what makes Pulumi store it in state as require("@port-portal/pulumi/providers/${file}").\nimport { providerObject } from "../provider-object";\n\nexport = providerObject(${JSON.stringify(kind)});\n`,
    );
    files.set(
      path.join(STUB_DIRS.legacy, `${file}.js`),
      `"use strict";\n// Generated from kinds/registry.ts by \`npm run stubs\`: state written before 0.2 requires this name.\nmodule.exports = require("@port-portal/pulumi/providers/${file}");\n`,
    );
  }
  return files;
}

/** The generated files now in the two folders. */
export function presentStubs(): string[] {
  return Object.values(STUB_DIRS).flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => !FIXED_FILES.includes(f))
      .map((f) => path.join(dir, f)),
  );
}

export function writeStubs(): void {
  const expected = expectedStubs();
  for (const file of presentStubs()) if (!expected.has(file)) fs.rmSync(file);
  for (const [file, text] of expected) fs.writeFileSync(file, text);
}

if (require.main === module) writeStubs();
