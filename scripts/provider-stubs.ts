import * as fs from "fs";
import * as path from "path";
import { KINDS, type ProviderKind, stubFileOf } from "../kinds/registry";

/**
 * Writes tools/provider-stub/<kind>.js for every kind of kinds/registry.ts and removes stubs of
 * kinds that are gone. `npm run stubs` runs it; a test fails when the committed stubs are stale.
 */
export const STUB_DIR = path.resolve(__dirname, "../tools/provider-stub");
/** Files of the stub package that are not generated. */
const FIXED_FILES = ["index.js", "package.json"];

export function expectedStubs(): Map<string, string> {
  return new Map(
    (Object.keys(KINDS) as ProviderKind[]).map((kind) => [
      `${stubFileOf(kind)}.js`,
      `"use strict";\n// Generated from kinds/registry.ts by \`npm run stubs\`. Exactly this module's exports is the provider\n// object, which is what makes Pulumi serialize it as a require().\nmodule.exports = require("./index").providerFor(${JSON.stringify(kind)});\n`,
    ]),
  );
}

export function writeStubs(): void {
  const expected = expectedStubs();
  for (const file of fs.readdirSync(STUB_DIR)) {
    if (!FIXED_FILES.includes(file) && !expected.has(file)) fs.rmSync(path.join(STUB_DIR, file));
  }
  for (const [file, text] of expected) fs.writeFileSync(path.join(STUB_DIR, file), text);
}

if (require.main === module) writeStubs();
