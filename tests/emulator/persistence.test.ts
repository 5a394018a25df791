import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator/server";
import { eventually } from "../support/eventually";
import { blueprintBody, Harness } from "./emulator-harness";

describe("Port emulator persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "port-emulator-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("round-trips blueprints and entities through the state file; tokens do not survive", async () => {
    const stateFile = path.join(dir, "nested", "state.json");
    const first = await Harness.start({ stateFile });
    const oldToken = await first.token();
    const bp = (await first.post("/v1/blueprints", blueprintBody("svc"))).body.blueprint;
    const entity = (await first.post("/v1/blueprints/svc/entities", { identifier: "api", properties: { name: "API" } })).body.entity;
    await first.close();

    expect(fs.readdirSync(path.dirname(stateFile))).toEqual(["state.json"]);
    const second = await Harness.start({ stateFile });
    try {
      expect((await second.get("/v1/blueprints", { token: oldToken })).status).toBe(401);
      expect((await second.get("/v1/blueprints")).body.blueprints.at(-1)).toEqual(bp);
      expect((await second.get("/v1/blueprints/svc/entities/api")).body.entity).toEqual(entity);
      expect((await second.post("/v1/blueprints", blueprintBody("svc"))).status).toBe(409);
    } finally {
      await second.close();
    }
  });

  it("writes the file after every mutation, before answering", async () => {
    const stateFile = path.join(dir, "state.json");
    const h = await Harness.start({ stateFile });
    try {
      expect(fs.existsSync(stateFile)).toBe(false);
      await h.post("/v1/blueprints", blueprintBody("svc"));
      const afterCreate = JSON.parse(fs.readFileSync(stateFile, "utf8"));
      expect(afterCreate.blueprints.map((b: { identifier: string }) => b.identifier)).toEqual(["_user", "_team", "svc"]);
      await h.post("/v1/blueprints/svc/entities", { identifier: "api" });
      expect(JSON.parse(fs.readFileSync(stateFile, "utf8")).entities).toHaveLength(1);
      await h.delete("/v1/blueprints/svc/entities/api");
      await eventually("the deleted entity leaves the state file", async () => JSON.parse(fs.readFileSync(stateFile, "utf8")).entities.length === 0);
      h.emulator.reset();
      expect(JSON.parse(fs.readFileSync(stateFile, "utf8")).blueprints.map((b: { identifier: string }) => b.identifier)).toEqual(["_user", "_team"]);
    } finally {
      await h.close();
    }
  });

  it("refuses to start on a state file that is not valid JSON", async () => {
    const stateFile = path.join(dir, "state.json");
    fs.writeFileSync(stateFile, "{broken");
    await expect(startEmulator({ port: 0, stateFile })).rejects.toThrow(/not valid JSON/);
  });

  it("refuses a second emulator on a state file another live emulator holds, naming the first one's URL", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await startEmulator({ port: 0, stateFile });
    try {
      await expect(startEmulator({ port: 0, stateFile })).rejects.toThrow(`in use by another Port emulator (pid ${process.pid} at ${first.url})`);
    } finally {
      await first.close();
    }
    const again = await startEmulator({ port: 0, stateFile });
    await again.close();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("takes over the lock of an emulator whose process is gone", async () => {
    const stateFile = path.join(dir, "state.json");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(`${stateFile}.lock`, JSON.stringify({ pid: Number(gone.stdout), url: "http://127.0.0.1:1" }));
    const emulator = await startEmulator({ port: 0, stateFile });
    try {
      expect(JSON.parse(fs.readFileSync(`${stateFile}.lock`, "utf8"))).toEqual({ pid: process.pid, url: emulator.url });
    } finally {
      await emulator.close();
    }
  });
});
