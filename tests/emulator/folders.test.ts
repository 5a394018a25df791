import { Harness, problemPaths } from "./emulator-harness";

// The catalog sidebar and its folders over HTTP (port-api.md §11).
let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.reset();
});

const FOLDERS = "/v1/sidebars/catalog/folders";

describe("Folders", () => {
  it("creates a folder and lists it in the sidebar with the dashboards", async () => {
    const created = await h.post(FOLDERS, { identifier: "engineering", title: "Engineering" });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ ok: true, folder: { identifier: "engineering", title: "Engineering", sidebar: "catalog", sidebarType: "folder" } });
    await h.post("/v1/pages", { identifier: "dev", type: "dashboard", title: "Dev", parent: "engineering" });
    const sidebar = (await h.get("/v1/sidebars/catalog")).body.sidebar;
    expect(sidebar).toEqual({
      identifier: "catalog",
      items: [
        { identifier: "engineering", title: "Engineering", sidebar: "catalog", sidebarType: "folder" },
        { identifier: "dev", title: "Dev", parent: "engineering", sidebar: "catalog", sidebarType: "page" },
      ],
    });
  });

  it("makes the identifier from the title when none is given, and refuses a taken one", async () => {
    expect((await h.post(FOLDERS, { title: "Platform Dashboards" })).body.folder.identifier).toBe("platform_dashboards");
    const again = await h.post(FOLDERS, { identifier: "platform_dashboards" });
    expect(again.status).toBe(409);
    const nothing = await h.post(FOLDERS, { after: "x" });
    expect(problemPaths(nothing.body)).toEqual(["/identifier"]);
  });

  it("nests folders up to 3 levels under existing folders", async () => {
    await h.post(FOLDERS, { identifier: "a" });
    await h.post(FOLDERS, { identifier: "b", parent: "a" });
    expect((await h.post(FOLDERS, { identifier: "c", parent: "b" })).status).toBe(200);
    const tooDeep = await h.post(FOLDERS, { identifier: "d", parent: "c" });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.body.details.errors).toEqual([{ path: "/parent", message: "nests folders 4 levels deep; at most 3 are allowed" }]);
    const orphan = await h.post(FOLDERS, { identifier: "e", parent: "missing" });
    expect(orphan.body.details.errors).toEqual([{ path: "/parent", message: 'must be an existing folder (got "missing")' }]);
  });

  it("moves and reorders with PATCH, where null clears, and refuses a cycle or a move too deep", async () => {
    await h.post(FOLDERS, { identifier: "a" });
    await h.post(FOLDERS, { identifier: "b", parent: "a", after: "x" });
    await h.post(FOLDERS, { identifier: "c", parent: "b" });
    const moved = await h.patch(`${FOLDERS}/b`, { parent: null, after: null, title: "B" });
    expect(moved.body.folder).toEqual({ identifier: "b", title: "B", sidebar: "catalog", sidebarType: "folder" });
    expect((await h.patch(`${FOLDERS}/b`, { parent: "c" })).body.details.errors).toEqual([
      { path: "/parent", message: 'must not be the folder itself or a folder inside it (got "c")' },
    ]);
    await h.post(FOLDERS, { identifier: "top" });
    await h.post(FOLDERS, { identifier: "mid", parent: "top" });
    expect((await h.patch(`${FOLDERS}/b`, { parent: "mid" })).body.details.errors).toEqual([{ path: "/parent", message: "nests folders 4 levels deep; at most 3 are allowed" }]);
  });

  it("refuses to delete a folder that still holds folders or pages, then deletes it", async () => {
    await h.post(FOLDERS, { identifier: "a" });
    await h.post(FOLDERS, { identifier: "b", parent: "a" });
    await h.post("/v1/pages", { identifier: "dev", type: "dashboard", title: "Dev", parent: "a" });
    const refused = await h.delete(`${FOLDERS}/a`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: "has_dependents", details: { folder: "a", children: ["folder b", "page dev"] } });
    await h.delete(`${FOLDERS}/b`);
    await h.delete("/v1/pages/dev");
    expect((await h.delete(`${FOLDERS}/a`)).body).toEqual({ ok: true });
    expect((await h.delete(`${FOLDERS}/a`)).status).toBe(404);
    expect((await h.get("/v1/sidebars/catalog")).body.sidebar.items).toEqual([]);
  });

  it("knows only the catalog sidebar", async () => {
    expect((await h.get("/v1/sidebars/other")).body).toMatchObject({ error: "not_found", details: { resource: "Sidebar", withValue: "other" } });
  });
});
