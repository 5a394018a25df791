import { createAction, deleteAction, getAction, getActionRun, listActions, replaceAction, runAction, updateActionRun } from "./client";
import { useScriptedClient } from "../../tests/support/scripted-port-server";

// The typed /v1/actions calls: paths, query parameters, bodies and the envelope keys they read.
const clientWith = useScriptedClient();

const deploy = { identifier: "deploy", trigger: { type: "self-service", operation: "CREATE" }, invocationMethod: { type: "KAFKA" } };
const notFound = { status: 404, body: { ok: false, error: "not_found", message: 'Action with identifier "x" was not found' } };

describe("actions client", () => {
  it("creates, reads, replaces and lists actions under the `action` / `actions` keys", async () => {
    const { client, s } = await clientWith((req) =>
      req.method === "GET" && req.path === "/v1/actions" ? { status: 200, body: { ok: true, actions: [deploy] } } : { status: 200, body: { ok: true, action: deploy } },
    );
    await expect(createAction(client, deploy)).resolves.toEqual(deploy);
    await expect(getAction(client, "deploy")).resolves.toEqual(deploy);
    await expect(replaceAction(client, "a:b", deploy)).resolves.toEqual(deploy);
    await expect(listActions(client, { triggerType: "automation" })).resolves.toEqual([deploy]);
    expect(s.apiRequests().map((r) => [r.method, r.path, r.query.toString()])).toEqual([
      ["POST", "/v1/actions", ""],
      ["GET", "/v1/actions/deploy", ""],
      ["PUT", "/v1/actions/a%3Ab", ""],
      ["GET", "/v1/actions", "trigger_type=automation"],
    ]);
    expect(s.apiRequests()[0].body).toEqual(deploy);
  });

  it("treats Port's not_found as absent on read and as done on delete", async () => {
    const { client } = await clientWith(() => notFound);
    await expect(getAction(client, "x")).resolves.toBeUndefined();
    await expect(deleteAction(client, "x")).resolves.toBe(false);
    await expect(getActionRun(client, "r_1")).resolves.toBeUndefined();
  });

  it("sends `properties` on every run, empty when the form has no values, as Port requires", async () => {
    const { client, s } = await clientWith(() => ({ status: 202, body: { ok: true, run: { id: "r_2", status: "IN_PROGRESS" } } }));
    await runAction(client, "restart", { entity: "checkout" });
    await runAction(client, "notify", {});
    expect(s.apiRequests().map((r) => r.body)).toEqual([{ properties: {}, entity: "checkout" }, { properties: {} }]);
  });

  it("starts a run (with run_as), reads it and reports its result, under the `run` key", async () => {
    const run = { id: "r_1", status: "IN_PROGRESS" };
    const { client, s } = await clientWith(() => ({ status: 202, body: { ok: true, run } }));
    await expect(runAction(client, "deploy", { properties: { version: "1" }, entity: "checkout" }, { runAs: "jane@example.com" })).resolves.toEqual(run);
    await getActionRun(client, "r_1");
    await updateActionRun(client, "r_1", { status: "SUCCESS", link: "https://ci/1" });
    expect(s.apiRequests().map((r) => [r.method, r.path, r.query.toString(), r.body])).toEqual([
      ["POST", "/v1/actions/deploy/runs", "run_as=jane%40example.com", { properties: { version: "1" }, entity: "checkout" }],
      ["GET", "/v1/actions/runs/r_1", "", undefined],
      ["PATCH", "/v1/actions/runs/r_1", "", { status: "SUCCESS", link: "https://ci/1" }],
    ]);
  });
});
