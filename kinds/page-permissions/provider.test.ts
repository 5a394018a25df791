import { PortClient } from "../../core/client/port-client";
import { createPage, getPagePermissions, updatePagePermissions } from "../page/client";
import { createTeam } from "../team/client";
import { inviteUser } from "../user/client";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { pagePermissionsLogic } from "./provider";

// The page-permissions provider against the emulator over real HTTP.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

async function checked(logic: typeof pagePermissionsLogic, spec: Record<string, unknown>) {
  const result = await logic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("PagePermissions provider", () => {
  beforeEach(async () => {
    await createPage(client, { identifier: "security", type: "dashboard", title: "Security" });
    // Permissions may only name teams and users the organization has.
    for (const name of ["security", "a-team", "b-team", "platform"]) await createTeam(client, { name });
    await inviteUser(client, { email: "intruder@example.com" });
  });

  it("sets the read permission of a page and leaves update as Port has it", async () => {
    const spec = await checked(pagePermissionsLogic, { page: "security", read: { roles: ["Admin"], teams: ["security"] } });
    const { id, outs } = await pagePermissionsLogic.create(client, spec);
    expect(id).toBe("security");
    expect(await getPagePermissions(client, "security")).toEqual({
      read: { users: [], roles: ["Admin"], teams: ["security"] },
      update: { users: [], roles: ["Admin"], teams: [] },
    });
    expect(outs.managedKeys).toEqual(["page", "read"]);
  });

  it("finds no change when users, roles or teams are listed in another order", async () => {
    const { outs } = await pagePermissionsLogic.create(
      client,
      await checked(pagePermissionsLogic, { page: "security", read: { roles: ["Admin", "Member"], teams: ["a-team", "b-team"] } }),
    );
    const reordered = await checked(pagePermissionsLogic, { page: "security", read: { teams: ["b-team", "a-team"], roles: ["Member", "Admin"] } });
    expect(await pagePermissionsLogic.diff("security", outs, reordered)).toEqual({ changes: false });
  });

  it("sees a list changed in Port as drift and puts it back", async () => {
    const spec = await checked(pagePermissionsLogic, { page: "security", read: { roles: ["Admin"] } });
    const { outs } = await pagePermissionsLogic.create(client, spec);
    await updatePagePermissions(client, "security", { read: { users: ["intruder@example.com"] } });
    const { props } = await pagePermissionsLogic.read(client, "security", outs);
    expect(await pagePermissionsLogic.diff("security", props!, spec)).toEqual({ changes: true });
    await pagePermissionsLogic.update(client, "security", props!, spec);
    expect((await getPagePermissions(client, "security"))?.read).toEqual({ users: [], roles: ["Admin"], teams: [] });
  });

  it("resets the managed permission to Port's default on delete, with no API delete", async () => {
    const { outs } = await pagePermissionsLogic.create(client, await checked(pagePermissionsLogic, { page: "security", read: { roles: ["Admin"] } }));
    await updatePagePermissions(client, "security", { update: { teams: ["platform"] } });
    await pagePermissionsLogic.delete(client, "security", outs);
    expect(await getPagePermissions(client, "security")).toEqual({
      read: { users: [], roles: ["Admin", "Member"], teams: [] },
      update: { users: [], roles: ["Admin"], teams: ["platform"] },
    });
    expect(Object.keys(emulator.stats().byRoute).filter((route) => route.startsWith("DELETE"))).toEqual([]);
  });

  it("is done on delete when the page is gone", async () => {
    const { outs } = await pagePermissionsLogic.create(client, await checked(pagePermissionsLogic, { page: "security", read: { roles: ["Admin"] } }));
    await client.request("DELETE", "/v1/pages/security");
    await expect(pagePermissionsLogic.delete(client, "security", outs)).resolves.toBeUndefined();
    expect(await pagePermissionsLogic.read(client, "security", outs)).toEqual({});
  });
});
