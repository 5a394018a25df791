import { PortClient } from "../../core/client/port-client";
import { getFolder, updateFolder } from "./client";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { folderLogic } from "./provider";

// The folder provider against the emulator over real HTTP.

let client: PortClient;

useProviderEmulator((_emulator, c) => {
  client = c;
});

async function checked(logic: typeof folderLogic, spec: Record<string, unknown>) {
  const result = await logic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("Folder provider", () => {
  it("creates a nested folder, finds no change on a second diff, and deletes it", async () => {
    await folderLogic.create(client, await checked(folderLogic, { identifier: "engineering", title: "Engineering" }));
    const spec = await checked(folderLogic, { identifier: "personas", title: "Personas", parent: "engineering" });
    const { id, outs } = await folderLogic.create(client, spec);
    expect(id).toBe("personas");
    expect(outs).toMatchObject({ identifier: "personas", title: "Personas", parent: "engineering" });
    expect(await folderLogic.diff(id, outs, spec)).toEqual({ changes: false });
    await folderLogic.delete(client, id, outs);
    expect(await getFolder(client, "personas")).toBeUndefined();
    await expect(folderLogic.delete(client, id, outs)).resolves.toBeUndefined();
  });

  it("moves a folder to the top level when the code drops its parent, and keeps a place set in Port", async () => {
    await folderLogic.create(client, await checked(folderLogic, { identifier: "engineering" }));
    const { outs } = await folderLogic.create(client, await checked(folderLogic, { identifier: "personas", parent: "engineering" }));
    await updateFolder(client, "personas", { after: "engineering" });
    const { props } = await folderLogic.read(client, "personas", outs);
    expect(props?.after).toBe("engineering");
    const topLevel = await checked(folderLogic, { identifier: "personas", title: "Personas" });
    expect(await folderLogic.diff("personas", props!, topLevel)).toEqual({ changes: true });
    await folderLogic.update(client, "personas", props!, topLevel);
    const folder = await getFolder(client, "personas");
    expect(folder).toMatchObject({ identifier: "personas", title: "Personas", after: "engineering" });
    expect(folder?.parent).toBeUndefined();
  });

  it("replaces a folder whose identifier changes", async () => {
    const { outs } = await folderLogic.create(client, await checked(folderLogic, { identifier: "a" }));
    expect(await folderLogic.diff("a", outs, await checked(folderLogic, { identifier: "b" }))).toEqual({ changes: true, replaces: ["identifier"] });
  });
});
