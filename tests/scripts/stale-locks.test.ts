import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { clearStaleLocks, removeTornAttributes } from "../../scripts/stale-locks";
import { eventually } from "../support/eventually";

// Locks as Pulumi's file backend writes them (pkg/backend/diy/lock.go: `.pulumi/locks/<org>/<project>/<stack>/<id>.json`).
describe("clearStaleLocks", () => {
  let backend: string;
  const lockDir = () => path.join(backend, ".pulumi", "locks", "organization", "port-portal", "dev");
  const writeLock = (name: string, content: object) => {
    fs.mkdirSync(lockDir(), { recursive: true });
    fs.writeFileSync(path.join(lockDir(), name), JSON.stringify(content));
  };
  const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

  beforeEach(() => {
    backend = fs.mkdtempSync(path.join(os.tmpdir(), "stale-locks-"));
  });
  afterEach(() => fs.rmSync(backend, { recursive: true, force: true }));

  it("removes the lock of a killed run on this host and says which", () => {
    const pid = deadPid();
    writeLock("a.json", { pid, username: "ci", hostname: os.hostname(), timestamp: "2026-11-30T10:00:00Z" });
    expect(clearStaleLocks(`file://${backend}`, "port-portal", "dev")).toEqual([`Removed the lock of a run of stack dev that is gone (pid ${pid}, taken 2026-11-30T10:00:00Z).`]);
    expect(fs.readdirSync(lockDir())).toEqual([]);
  });

  it("removes the lock of a killed process that is a zombie nobody reaped (its parent died with it)", async () => {
    // `sleep 0` exits at once; its parent becomes `sleep 5`, which never reaps it.
    const parent = spawn("bash", ["-c", "sleep 0 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (chunk) => resolve(String(chunk).trim()))));
    try {
      await eventually("the child is a zombie", async () => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].startsWith("Z"));
      writeLock("zombie.json", { pid, hostname: os.hostname() });
      expect(clearStaleLocks(`file://${backend}`, "port-portal", "dev")).toHaveLength(1);
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("keeps the lock of a live process, of another host, and of another stack", () => {
    writeLock("live.json", { pid: process.pid, hostname: os.hostname() });
    writeLock("elsewhere.json", { pid: deadPid(), hostname: "another-runner" });
    fs.mkdirSync(path.join(backend, ".pulumi", "locks", "organization", "port-portal", "prod"), { recursive: true });
    fs.writeFileSync(path.join(backend, ".pulumi", "locks", "organization", "port-portal", "prod", "x.json"), JSON.stringify({ pid: deadPid(), hostname: os.hostname() }));
    expect(clearStaleLocks(`file://${backend}`, "port-portal", "dev")).toEqual([]);
    expect(fs.readdirSync(lockDir()).sort()).toEqual(["elsewhere.json", "live.json"]);
  });

  it("leaves backends other than files to Pulumi", () => {
    expect(clearStaleLocks("s3://bucket/state", "port-portal", "dev")).toEqual([]);
    expect(clearStaleLocks(undefined, "port-portal", "dev")).toEqual([]);
  });
});

// Metadata sidecars as gocloud.dev's fileblob writes them for Pulumi's file backend (`<file>.attrs`, JSON).
describe("removeTornAttributes", () => {
  let backend: string;
  const stacks = () => path.join(backend, ".pulumi", "stacks", "port-portal");

  beforeEach(() => {
    backend = fs.mkdtempSync(path.join(os.tmpdir(), "torn-attrs-"));
    fs.mkdirSync(stacks(), { recursive: true });
  });
  afterEach(() => fs.rmSync(backend, { recursive: true, force: true }));

  it("removes an empty or cut-off .attrs a killed run left, says which, and keeps whole ones and the state", () => {
    fs.writeFileSync(path.join(stacks(), "dev.json"), "{}");
    fs.writeFileSync(path.join(stacks(), "dev.json.attrs"), "");
    fs.writeFileSync(path.join(stacks(), "dev.json.bak.attrs"), '{"user.content_type":');
    fs.writeFileSync(path.join(stacks(), "prod.json.attrs"), '{"user.content_type":"application/json"}\n');
    expect(removeTornAttributes(`file://${backend}`)).toEqual([
      "Removed stacks/port-portal/dev.json.attrs, which a killed run left half-written (Pulumi reads a missing one as no metadata).",
      "Removed stacks/port-portal/dev.json.bak.attrs, which a killed run left half-written (Pulumi reads a missing one as no metadata).",
    ]);
    expect(fs.readdirSync(stacks()).sort()).toEqual(["dev.json", "prod.json.attrs"]);
  });

  it("leaves backends other than files to Pulumi", () => {
    expect(removeTornAttributes("s3://bucket/state")).toEqual([]);
  });
});
