#!/usr/bin/env node
/**
 * `port-export --out <dir> [--kinds a,b] [--blueprints a,b] [--entities <blueprint>] [--name N] [--release]`:
 * reads the org of PORT_BASE_URL / PORT_CLIENT_ID / PORT_CLIENT_SECRET (the providers' resolution,
 * without a stack) with GETs only, and writes a Pulumi program that declares it, adopting every object.
 */
import * as fs from "fs";
import { type PortConnection, resolveConnection } from "../core/providers/port-connection";
import { EXPORTERS, ExportOptions, ReadOnlyPortClient, exportOrg } from "./export-org";

export interface ExportCommand extends ExportOptions {
  out: string;
}

const FLAGS = ["--out", "--kinds", "--blueprints", "--entities", "--name", "--release"];

export function parseExportArgs(argv: string[]): ExportCommand {
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!FLAGS.includes(flag)) throw new Error(`Unknown argument ${argv[i]}; the arguments are ${FLAGS.join(", ")}.`);
    if (flag === "--release") {
      values.set(flag, ["true"]);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value.`);
    values.set(flag, [...(values.get(flag) ?? []), ...value.split(",").filter(Boolean)]);
  }
  const out = values.get("--out")?.[0];
  if (!out) throw new Error("Give the directory to write the program to: --out <dir>.");
  const kinds = values.get("--kinds");
  const unknown = kinds?.filter((k) => !(k in EXPORTERS));
  if (unknown?.length) throw new Error(`Unknown kind ${unknown.join(", ")} in --kinds; the kinds are ${Object.keys(EXPORTERS).join(", ")}.`);
  return {
    out,
    kinds: kinds && new Set(kinds),
    blueprints: values.has("--blueprints") ? new Set(values.get("--blueprints")) : undefined,
    entities: values.get("--entities"),
    name: values.get("--name")?.[0] ?? "port-portal",
    release: values.has("--release"),
    libraryVersion: `^${(JSON.parse(fs.readFileSync(require.resolve("@port-portal/pulumi/package.json"), "utf8")) as { version: string }).version}`,
    source: "",
  };
}

export async function runExport(argv: string[], connection: PortConnection = resolveConnection(undefined, process.env)): Promise<void> {
  const command = parseExportArgs(argv);
  const client = new ReadOnlyPortClient({ ...connection, userAgent: "port-portal-export" });
  const { files, leftOut } = await exportOrg(client, command.out, { ...command, source: connection.baseUrl });
  console.log(`Wrote ${files.length} files to ${command.out}: ${files.join(", ")}`);
  for (const line of leftOut) console.error(`Not exported: ${line}`);
}

if (require.main === module) {
  runExport(process.argv.slice(2)).catch((error: Error) => {
    console.error(`port-export: ${error.message}`);
    process.exit(1);
  });
}
