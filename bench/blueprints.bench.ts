import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../emulator/server";
import { pulumiEnv, runPulumi } from "../scripts/pulumi-env";

/**
 * N blueprints through the real CLI against the emulator, side by side with N no-op dynamic
 * resources carrying the same inputs (the engine floor). Reports `up` time, no-change `preview`
 * time, state bytes per resource and HTTP requests per resource. Usage: npm run bench [-- 50 200]
 */
const COUNTS = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const credentials = { clientId: "bench", clientSecret: "bench-secret" };

interface Measured {
  program: string;
  count: number;
  upSeconds: number;
  previewSeconds: number;
  stateBytesPerResource: number;
  overheadBytesPerResource: number;
  requestsPerResourceUp: number;
  writesInPreview: number;
}

async function measure(program: string, count: number): Promise<Measured> {
  const emulator = await startEmulator({ port: 0, credentials: [credentials], rateLimit: { limit: 1_000_000, periodSeconds: 300 } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${program}-`));
  const env = pulumiEnv({
    stateDir: path.join(tmp, "state"),
    pulumiHome: path.join(tmp, "home"),
    extra: {
      PULUMI_BACKEND_URL: `file://${path.join(tmp, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "bench",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      PORT_BASE_URL: emulator.url,
      PORT_CLIENT_ID: credentials.clientId,
      PORT_CLIENT_SECRET: credentials.clientSecret,
    },
  });
  const cwd = path.join(__dirname, "programs", program);
  const pulumi = async (args: string[]) => {
    const started = process.hrtime.bigint();
    const run = await runPulumi([...args, "--stack", "bench", "--non-interactive"], { cwd, env });
    if (run.code !== 0) throw new Error(`${program}: pulumi ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  try {
    await pulumi(["stack", "init"]);
    await pulumi(["config", "set", "count", String(count)]);
    emulator.resetStats();
    const upSeconds = await pulumi(["up", "--yes", "--skip-preview"]);
    const upRequests = emulator.stats().requests;
    emulator.resetStats();
    const previewSeconds = await pulumi(["preview"]);
    const writesInPreview = emulator.stats().writes;
    const state = stateOf(path.join(tmp, "state"));
    await pulumi(["destroy", "--yes", "--skip-preview"]);
    return {
      program,
      count,
      upSeconds,
      previewSeconds,
      stateBytesPerResource: state.bytesPerResource,
      overheadBytesPerResource: state.overheadPerResource,
      requestsPerResourceUp: upRequests / count,
      writesInPreview,
    };
  } finally {
    await emulator.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.join(cwd, "Pulumi.bench.yaml"), { force: true });
  }
}

/** Bytes of each custom resource's state entry, and what it adds beyond its own inputs' spec. */
function stateOf(stateDir: string): { bytesPerResource: number; overheadPerResource: number } {
  const file = findFile(stateDir, (f) => f.endsWith("bench.json"));
  const resources = JSON.parse(fs.readFileSync(file, "utf8")).checkpoint.latest.resources as any[];
  // Everything but the stack and default providers: the dynamic resources and, for our program, their components.
  const counted = resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"));
  const custom = counted.filter((r) => r.custom);
  let total = 0;
  let specs = 0;
  for (const r of counted) {
    total += Buffer.byteLength(JSON.stringify(r));
    if (r.custom) {
      const { __provider, ...spec } = r.inputs;
      specs += Buffer.byteLength(JSON.stringify(spec));
    }
  }
  const overhead = total - specs;
  return { bytesPerResource: Math.round(total / custom.length), overheadPerResource: Math.round(overhead / custom.length) };
}

function findFile(dir: string, match: (f: string) => boolean): string {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, match);
      if (found) return found;
    } else if (match(full) && !full.includes(".bak")) return full;
  }
  return "";
}

async function main() {
  const rows: Measured[] = [];
  for (const count of COUNTS.length > 0 ? COUNTS : [50, 200]) {
    for (const program of ["noop", "blueprints"]) {
      console.error(`measuring ${program} x ${count} ...`);
      rows.push(await measure(program, count));
    }
  }
  const table = [
    "| resources | program | up (s) | up / floor | no-change preview (s) | writes in preview | state bytes/resource | beyond spec bytes/resource | HTTP requests/resource (up) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const floor = rows.find((f) => f.count === r.count && f.program === "noop")!;
      return `| ${r.count} | ${r.program} | ${r.upSeconds.toFixed(1)} | ${(r.upSeconds / floor.upSeconds).toFixed(2)}x | ${r.previewSeconds.toFixed(1)} | ${r.writesInPreview} | ${r.stateBytesPerResource} | ${r.overheadBytesPerResource} | ${r.requestsPerResourceUp.toFixed(2)} |`;
    }),
  ].join("\n");
  console.log(table);
  fs.mkdirSync(path.join(__dirname, "results"), { recursive: true });
  const mode = process.env.PULUMI_SKIP_CHECKPOINTS === "true" ? "skip-checkpoints" : "default";
  fs.writeFileSync(
    path.join(__dirname, "results", `blueprints-${mode}.md`),
    `${table}\n\nMeasured on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; PULUMI_SKIP_CHECKPOINTS=${process.env.PULUMI_SKIP_CHECKPOINTS ?? "unset"}.\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
