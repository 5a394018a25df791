import type { PortClient } from "../../core/client/port-client";
import { ADOPTED_FROM_KEY, ADOPT_KEY } from "../../core/providers/resource-logic";
import type { RunningEmulator } from "../../emulator/server";
import { providerFor } from "../../core/providers/runtime";
import { actionLogic } from "../../kinds/action/provider";
import type { ProviderKind } from "../../kinds/registry";
import { KIND_CASES, checked, useCaseOrg } from "../support/kind-cases";

// `adopt`: a create that takes over the object Port already holds with the identifier, over real
// HTTP against the emulator, for every kind whose create would otherwise make a new object.

let emulator: RunningEmulator;
let client: PortClient;
useCaseOrg((e, c) => {
  emulator = e;
  client = c;
});

const ADOPTABLE = KIND_CASES.filter((c) => c.logic.adopt !== undefined);

it("covers every kind of the reconciled-create cases", () => {
  expect(ADOPTABLE.map((c) => c.kind)).toEqual(KIND_CASES.map((c) => c.kind));
});

describe.each(ADOPTABLE)("$kind with adopt", ({ kind, logic, spec, changed }) => {
  it("keeps the adopt flag through the provider's check, for create and the preview to see", async () => {
    expect((await providerFor(kind as ProviderKind).check({}, { ...spec, [ADOPT_KEY]: true })).inputs?.[ADOPT_KEY]).toBe(true);
  });

  it("takes over the object Port holds without a write when it matches the code, recording it", async () => {
    const made = await logic.create(client, await checked(logic, spec));
    emulator.resetStats();
    const inputs = await checked(logic, spec);
    const { id, outs } = await logic.adopt!(client, inputs);
    expect([id, emulator.stats().writes]).toEqual([made.id, 0]);
    expect(outs[ADOPTED_FROM_KEY]).toMatchObject(spec);
    expect(await logic.diff(id, outs, inputs, () => client)).toMatchObject({ changes: false });
  });

  it("applies the code with one write when the object Port holds differs, keeping what it held", async () => {
    await logic.create(client, await checked(logic, changed.spec));
    emulator.resetStats();
    const inputs = await checked(logic, spec);
    const { id, outs } = await logic.adopt!(client, inputs);
    expect(emulator.stats().writes).toBe(1);
    expect(outs[ADOPTED_FROM_KEY][changed.field]).toEqual(changed.spec[changed.field]);
    expect(outs[changed.field]).toEqual(spec[changed.field]);
    const refreshed = await logic.read(client, id, outs);
    expect(refreshed.props![ADOPTED_FROM_KEY]).toEqual(outs[ADOPTED_FROM_KEY]);
    expect(await logic.diff(id, refreshed.props!, inputs, () => client)).toMatchObject({ changes: false });
  });

  it("fails naming the object when Port holds none, and writes nothing", async () => {
    await expect(logic.adopt!(client, await checked(logic, spec))).rejects.toThrow(/is to be adopted, but Port holds no such object\. Nothing was changed in Port/);
    expect(emulator.stats().writes).toBe(0);
  });
});

describe("adopting an object of another shape", () => {
  it("refuses an automation where the code declares a self-service action, and writes nothing", async () => {
    const automation = {
      identifier: "deploy",
      title: "Deploy",
      trigger: { type: "automation", event: { type: "ENTITY_CREATED", blueprintIdentifier: "service" } },
      invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com" },
    };
    await actionLogic.create(client, await checked(actionLogic, automation));
    emulator.resetStats();
    const selfService = KIND_CASES.find((c) => c.kind === "Action")!.spec;
    await expect(actionLogic.adopt!(client, await checked(actionLogic, selfService))).rejects.toThrow(
      'Action "deploy" is to be adopted, but the object Port holds with that identifier is an automation, where the code declares a self-service action. Nothing was changed in Port.',
    );
    expect(emulator.stats().writes).toBe(0);
  });
});
