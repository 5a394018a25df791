import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../emulator/server";
import { REPO_ROOT } from "../scripts/pulumi-env";

/**
 * The default portal's `npm run up` against the emulator while a share of the calls fail (rate
 * limits, 5xx, resets, slow answers, answers lost after the write; emulator/faults.ts `chaos`):
 * time, requests, faults injected, and whether the org and a following preview came out the same.
 * Usage: npm run bench:faults [-- 0 0.1 0.2]   (rates; default 0, 0.1 and 0.2)
 */
const RATES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n >= 0 && n <= 1);
const credentials = { clientId: "bench-faults", clientSecret: "bench-faults-secret" };

interface Measured {
  rate: number;
  seconds: number;
  code: number;
  requests: number;
  writes: number;
  faults: Record<string, number>;
}

/** Runs `npm run up`; a failed run's output is printed, so a row with a non-zero exit code can be read. */
function npmRunUp(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "up"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => {
      if (code !== 0) console.error(out.split("\n").slice(-40).join("\n"));
      resolve(code ?? 1);
    });
  });
}

async function measure(rate: number): Promise<Measured> {
  const emulator = await startEmulator({
    port: 0,
    credentials: [credentials],
    integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
  });
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "bench-faults-"));
  try {
    if (rate > 0) emulator.setFaults({ chaos: { rate, seed: 20261130 } });
    emulator.resetStats();
    const started = process.hrtime.bigint();
    const code = await npmRunUp({
      ...process.env,
      PULUMI_BACKEND_URL: `file://${state}`,
      PORTAL_STACK: "dev",
      PORT_BASE_URL: emulator.url,
      PORT_CLIENT_ID: credentials.clientId,
      PORT_CLIENT_SECRET: credentials.clientSecret,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const stats = emulator.stats();
    return { rate, seconds, code, requests: stats.requests, writes: stats.writes, faults: emulator.faultCounts() };
  } finally {
    await emulator.close();
    fs.rmSync(state, { recursive: true, force: true });
  }
}

async function main() {
  const rows: Measured[] = [];
  for (const rate of RATES.length > 0 ? RATES : [0, 0.1, 0.2]) {
    console.error(`measuring npm run up at ${rate * 100}% faults ...`);
    rows.push(await measure(rate));
  }
  const table = [
    "| faults | up (s) | exit code | requests | writes | faults injected | by kind |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const injected = Object.values(r.faults).reduce((a, b) => a + b, 0);
      const kinds = Object.entries(r.faults)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ");
      return `| ${Math.round(r.rate * 100)}% | ${r.seconds.toFixed(1)} | ${r.code} | ${r.requests} | ${r.writes} | ${injected} | ${kinds || "none"} |`;
    }),
  ].join("\n");
  console.log(table);
  fs.mkdirSync(path.join(__dirname, "results"), { recursive: true });
  fs.writeFileSync(
    path.join(__dirname, "results", "faults.md"),
    `${table}\n\nThe default portal's \`npm run up\` (a preview, then the up), seed 20261130, 3 s delays. Measured on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
