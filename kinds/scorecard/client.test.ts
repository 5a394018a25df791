import { createScorecard, deleteScorecard, getScorecard, listScorecards, replaceScorecard } from "./client";
import { useScriptedClient } from "../../tests/support/scripted-port-server";

const clientWith = useScriptedClient();

const scorecard = { identifier: "ready/v2", title: "Ready", rules: [] };
const notFound = { status: 404, body: { ok: false, error: "not_found", message: 'Scorecard with identifier "x" was not found' } };

describe("scorecards client", () => {
  it("addresses a scorecard under its blueprint, each identifier one encoded path segment", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, scorecard } }));
    await expect(getScorecard(client, "team/svc", "ready/v2")).resolves.toEqual(scorecard);
    await replaceScorecard(client, "team/svc", "ready/v2", scorecard);
    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([
      ["GET", "/v1/blueprints/team%2Fsvc/scorecards/ready%2Fv2"],
      ["PUT", "/v1/blueprints/team%2Fsvc/scorecards/ready%2Fv2"],
    ]);
    expect(s.apiRequests()[1].body).toEqual(scorecard);
  });

  it("creates with a POST to the blueprint's scorecards and reads the `scorecard` key", async () => {
    const { client, s } = await clientWith(() => ({ status: 201, body: { ok: true, scorecard: { ...scorecard, blueprint: "svc" } } }));
    await expect(createScorecard(client, "svc", scorecard)).resolves.toEqual({ ...scorecard, blueprint: "svc" });
    expect(s.apiRequests().map((r) => [r.method, r.path, r.body])).toEqual([["POST", "/v1/blueprints/svc/scorecards", scorecard]]);
  });

  it("lists a blueprint's scorecards from the `scorecards` key", async () => {
    const { client } = await clientWith(() => ({ status: 200, body: { ok: true, scorecards: [scorecard] } }));
    await expect(listScorecards(client, "svc")).resolves.toEqual([scorecard]);
  });

  it("returns undefined for a scorecard Port does not have, and false when deleting one", async () => {
    const { client } = await clientWith(() => notFound);
    await expect(getScorecard(client, "svc", "x")).resolves.toBeUndefined();
    await expect(deleteScorecard(client, "svc", "x")).resolves.toBe(false);
  });

  it("throws when a success response lacks the `scorecard` key", async () => {
    const { client } = await clientWith(() => ({ status: 200, body: { ok: true, Scorecard: scorecard } }));
    await expect(getScorecard(client, "svc", "x")).rejects.toThrow('Port API GET /v1/blueprints/svc/scorecards/x succeeded but its response has no "scorecard" field.');
  });

  it("refuses dot-segment identifiers before any request", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true } }));
    await expect(deleteScorecard(client, "svc", "..")).rejects.toThrow('Invalid scorecard identifier ".."');
    expect(s.requests).toHaveLength(0);
  });
});
