import * as pulumi from "@pulumi/pulumi";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "./client";
import { RunningEmulator, startEmulator } from "../../emulator/server";

// References the stack does not declare are looked up, read-only, in the org (the emulator, over HTTP).
pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }, "portal", "test", false);

type Components = typeof import("..");
let c: Components;
let emulator: RunningEmulator;
let client: PortClient;
const credentials = { clientId: "lookup", clientSecret: "lookup-secret" };

beforeAll(async () => {
  c = await import("..");
  emulator = await startEmulator({ port: 0, credentials: [credentials] });
  client = new PortClient({ baseUrl: emulator.url, ...credentials });
  await createBlueprint(client, { identifier: "k8s_cluster", title: "Cluster", schema: { properties: {} } });
});

afterAll(async () => {
  await new Promise((r) => setTimeout(r, 100));
  await emulator.close();
});

/** A portal checked against the org (the emulator), declaring team and service related to `targets`. */
function checkServiceRelatedTo(...targets: string[]): Promise<void> {
  return new c.Portal({ lookup: c.orgLookup(client) }).declare(() => serviceRelatedTo(...targets));
}

function serviceRelatedTo(...targets: string[]) {
  const relations = Object.fromEntries(targets.map((t, i) => [`r${i}`, { target: t, required: false, many: false }]));
  new c.Blueprint("team", { identifier: "team", title: "Team", schema: { properties: {} } });
  new c.Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} }, relations });
}

describe("Checking against the org", () => {
  it("resolves a blueprint that exists in the org, asking only about undeclared ones and writing nothing", async () => {
    emulator.resetStats();
    await expect(checkServiceRelatedTo("k8s_cluster", "team", "_user")).resolves.toBeUndefined();
    expect(emulator.stats().byRoute).toEqual({ "GET /v1/blueprints/:id": 1 });
    expect(emulator.stats().writes).toBe(0);
  });

  it("reports a blueprint neither declared nor in the org", async () => {
    const error = await checkServiceRelatedTo("k8s_clustr").catch((e) => e);
    expect(error.problems).toEqual([
      'Blueprint "service": field relations.r0.target: blueprint "k8s_clustr" is not declared in this stack, nor found in the Port org. ' +
        "Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.",
    ]);
  });
});
