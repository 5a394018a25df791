import type { PortClient } from "../../core/client/port-client";
import type { RunningEmulator } from "../../emulator/server";
import { userLogic } from "../../kinds/user/provider";
import { KIND_CASES, checked, useCaseOrg } from "../support/kind-cases";

// Every kind's create, update and delete when Port's answer is lost or Port already holds the
// object, over real HTTP against the emulator: what a CI run meets when the network drops an
// answer or a killed run left objects behind.

let emulator: RunningEmulator;
let client: PortClient;
useCaseOrg((e, c) => {
  emulator = e;
  client = c;
});

describe.each(KIND_CASES)("$kind create, update and delete through lost answers", ({ logic, spec, changed, createPath, updateMethod = "PUT" }) => {
  it("adopts the object when the create's answer is lost after Port applied it, and leaves exactly one", async () => {
    const inputs = await checked(logic, spec);
    emulator.setFaults({ loseAnswerNext: { count: 1, method: "POST", pathPrefix: createPath } });
    const { id, outs } = await logic.create(client, inputs);
    expect(emulator.faultCounts().lostAnswer).toBe(1);
    expect((await logic.read(client, id, outs)).id).toBe(id);
    expect(await logic.diff(id, outs, inputs, () => client)).toMatchObject({ changes: false });
  });

  it("sends the create again when Port answered 500 without applying it", async () => {
    const inputs = await checked(logic, spec);
    emulator.setFaults({ failNext: { count: 1, status: 500, method: "POST", pathPrefix: createPath } });
    const { id, outs } = await logic.create(client, inputs);
    expect(await logic.diff(id, outs, inputs, () => client)).toMatchObject({ changes: false });
  });

  it("adopts the object a killed run created, when Port answers that it exists", async () => {
    const inputs = await checked(logic, spec);
    await logic.create(client, inputs);
    const { id, outs } = await logic.create(client, inputs);
    expect(await logic.diff(id, outs, inputs, () => client)).toMatchObject({ changes: false });
  });

  it("fails naming the field when the object Port holds under that identifier is someone else's", async () => {
    await logic.create(client, await checked(logic, changed.spec));
    await expect(logic.create(client, await checked(logic, spec))).rejects.toThrow(new RegExp(`already exists in Port and differs from the code in ${changed.field}\\b`));
  });

  it("completes an update whose write's answer is lost after Port applied it, and a delete of what is already gone", async () => {
    const { id, outs } = await logic.create(client, await checked(logic, spec));
    const updated = await checked(logic, changed.spec);
    emulator.setFaults({ loseAnswerNext: { count: 1, method: updateMethod } });
    const { outs: after } = await logic.update(client, id, outs, updated);
    expect(emulator.faultCounts().lostAnswer).toBe(1);
    expect(await logic.diff(id, after, updated, () => client)).toMatchObject({ changes: false });
    await logic.delete(client, id, after);
    await expect(logic.delete(client, id, after)).resolves.toBeUndefined();
  });
});

describe("User invitation through a lost answer", () => {
  it("adopts the invited user when the invitation's answer is lost, as created by this stack", async () => {
    const inputs = await checked(userLogic, { email: "ana@example.com", roles: ["Member"], teams: [] });
    emulator.setFaults({ loseAnswerNext: { count: 1, method: "POST", pathPrefix: "/v1/users/invite" } });
    const { outs } = await userLogic.create(client, inputs);
    expect(emulator.faultCounts().lostAnswer).toBe(1);
    expect(outs.previous).toBeUndefined();
    expect(outs.roles).toEqual(["Member"]);
  });
});
