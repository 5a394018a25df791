import { useScriptedClient } from "../../tests/support/scripted-port-server";
import { teamEntityIdentifiers, waitForTeamEntityIdentifier } from "./client";

// Finding teams' `_team` entities through Port's search route (apispec.yaml:
// POST /v1/blueprints/{blueprint_identifier}/entities/search), against a scripted server.
const clientWith = useScriptedClient();

const page = (entities: unknown[], next?: string) => ({ status: 200, body: { ok: true, entities, ...(next ? { next } : {}) } });
const noTeamBlueprint = { status: 404, body: { ok: false, error: "not_found", message: 'Blueprint with identifier "_team" was not found' } };

describe("team entities", () => {
  it("maps team names to their _team identifiers and identifiers to themselves, following Port's pages", async () => {
    const { client, s } = await clientWith((req) =>
      (req.body as { from?: string }).from === undefined ? page([{ identifier: "team_1", title: "platform" }], "page-2") : page([{ identifier: "team_2", title: "payments" }]),
    );
    const found = await teamEntityIdentifiers(client, ["platform", "team_2", "ghosts"]);
    expect(found).toEqual(
      new Map([
        ["platform", "team_1"],
        ["team_2", "team_2"],
      ]),
    );
    const [first, second] = s.apiRequests();
    expect([first.method, first.path]).toEqual(["POST", "/v1/blueprints/_team/entities/search"]);
    expect(first.body).toEqual({
      query: {
        combinator: "or",
        rules: [
          { property: "$identifier", operator: "in", value: ["platform", "team_2", "ghosts"] },
          { property: "$title", operator: "in", value: ["platform", "team_2", "ghosts"] },
        ],
      },
      include: ["$identifier", "$title"],
    });
    expect(second.body).toMatchObject({ from: "page-2" });
  });

  it("answers undefined where the org has no _team blueprint", async () => {
    const { client } = await clientWith(() => noTeamBlueprint);
    await expect(teamEntityIdentifiers(client, ["platform"])).resolves.toBeUndefined();
    await expect(waitForTeamEntityIdentifier(client, "platform")).resolves.toBeUndefined();
  });

  it("searches again until Port has created the team's _team entity", async () => {
    let searches = 0;
    const { client } = await clientWith(() => (++searches < 3 ? page([]) : page([{ identifier: "team_1", title: "platform" }])));
    await expect(waitForTeamEntityIdentifier(client, "platform", { delayMs: 1 })).resolves.toBe("team_1");
    expect(searches).toBe(3);
  });

  it("gives up after the attempts, naming the team", async () => {
    const { client, s } = await clientWith(() => page([]));
    await expect(waitForTeamEntityIdentifier(client, "platform", { attempts: 2, delayMs: 1 })).rejects.toThrow(
      'Team "platform": Port has not created its _team entity after 2 searches.',
    );
    expect(s.apiRequests()).toHaveLength(2);
  });
});
