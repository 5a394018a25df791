import { PortClient } from "../../core/client/port-client";
import { orgBlueprints } from "../support/org-blueprints";
import { getBlueprint } from "../../kinds/blueprint/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// Blueprints that refer to each other come up in one `pulumi up` and go away in one destroy.
jest.setTimeout(240_000);

const credentials = { clientId: "cycles", clientSecret: "cycles-secret" };

describe("Blueprint cycles end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials] });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    stack = new PulumiStack("cycles");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": credentials.clientId }, { "port:clientSecret": credentials.clientSecret });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("creates a cycle of two and a cycle of three in one up", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const identifiers = await orgBlueprints(client);
    expect(identifiers).toEqual(["cy_cluster", "cy_namespace", "cy_region", "cy_service", "cy_team"]);
    const targets = async (id: string) => Object.values(((await getBlueprint(client, id))!.relations ?? {}) as Record<string, { target: string }>).map((r) => r.target);
    expect(await targets("cy_service")).toEqual(["cy_team"]);
    expect(await targets("cy_team")).toEqual(["cy_service"]);
    expect(await targets("cy_region")).toEqual(["cy_cluster"]);
    expect(await targets("cy_cluster")).toEqual(["cy_namespace"]);
    expect(await targets("cy_namespace")).toEqual(["cy_region"]);
    expect((await getBlueprint(client, "cy_service"))!.mirrorProperties).toEqual({ teamName: { title: "Team name", path: "team.name" } });
    expect(Object.keys((await getBlueprint(client, "cy_namespace"))!.aggregationProperties as object)).toEqual(["regions"]);
  });

  it("previews no changes afterwards", async () => {
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("destroys everything, cyclic relations first", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await orgBlueprints(client)).toEqual([]);
  });
});
