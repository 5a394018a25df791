import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "../blueprint/client";
import { getScorecard, listScorecards, replaceScorecard } from "./client";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { scorecardLogic } from "./provider";

// The Scorecard provider's logic against the emulator over real HTTP.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

beforeEach(async () => {
  for (const identifier of ["service", "api"]) {
    await createBlueprint(client, { identifier, title: identifier, schema: { properties: { readme: { type: "string" }, tier: { type: "string" } } } });
  }
  emulator.resetStats();
});

const readmeRule = {
  identifier: "has_readme",
  title: "Has a README",
  level: "Bronze",
  query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] },
};
const tierRule = {
  identifier: "stable_tier",
  title: "Stable tier",
  level: "Gold",
  query: {
    combinator: "or",
    conditions: [
      { property: "tier", operator: "=", value: "critical" },
      { property: "tier", operator: "in", value: ["standard", "core"] },
    ],
  },
};
const spec = { identifier: "readiness", title: "Readiness", blueprint: "service", rules: [readmeRule, tierRule] };

async function checked(value: Record<string, unknown>) {
  const result = await scorecardLogic.check({}, value);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("Scorecard provider", () => {
  it("creates the scorecard on its blueprint, with id <blueprint>/<identifier>", async () => {
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    expect(id).toBe("service/readiness");
    expect(outs.managedKeys).toEqual(["blueprint", "identifier", "rules", "title"]);
    expect(outs.blueprint).toBe("service");
    const inPort = await getScorecard(client, "service", "readiness");
    expect(inPort?.rules).toEqual(spec.rules);
    expect(inPort).not.toHaveProperty("managedKeys");
  });

  it("finds no change when the spec matches Port, Port's default levels included", async () => {
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    expect(await scorecardLogic.diff(id, outs, await checked(spec))).toEqual({ changes: false });
    const defaults = [
      { title: "Basic", color: "paleBlue" },
      { title: "Bronze", color: "bronze" },
      { title: "Silver", color: "silver" },
      { title: "Gold", color: "gold" },
    ];
    const withDefaults = await checked({ ...spec, levels: defaults });
    expect(await scorecardLogic.diff(id, outs, withDefaults)).toEqual({ changes: true }); // levels become managed ...
    const { outs: after } = await scorecardLogic.update(client, id, outs, withDefaults);
    expect(await scorecardLogic.diff(id, after, withDefaults)).toEqual({ changes: false }); // ... and then match
  });

  it("finds no change when rules, and conditions within a query, are reordered", async () => {
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    const reordered = {
      ...spec,
      rules: [{ ...tierRule, query: { ...tierRule.query, conditions: [...tierRule.query.conditions].reverse() } }, readmeRule],
    };
    expect(await scorecardLogic.diff(id, outs, await checked(reordered))).toEqual({ changes: false });
  });

  it("finds a change when levels are reordered, since their order is their rank", async () => {
    const levels = [
      { title: "Low", color: "red" },
      { title: "Bronze", color: "bronze" },
      { title: "Gold", color: "gold" },
    ];
    const { id, outs } = await scorecardLogic.create(client, await checked({ ...spec, levels }));
    const swapped = [levels[0], levels[2], levels[1]];
    expect(await scorecardLogic.diff(id, outs, await checked({ ...spec, levels: swapped }))).toEqual({ changes: true });
  });

  it("replaces on a new identifier or a new blueprint, and updates in place otherwise", async () => {
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    expect(await scorecardLogic.diff(id, outs, await checked({ ...spec, identifier: "ready" }))).toEqual({ changes: true, replaces: ["identifier"] });
    expect(await scorecardLogic.diff(id, outs, await checked({ ...spec, blueprint: "api" }))).toEqual({ changes: true, replaces: ["identifier"] });
    expect(await scorecardLogic.diff(id, outs, await checked({ ...spec, title: "Ready?" }))).toEqual({ changes: true });
  });

  it("updates the rules with one PUT and keeps a filter added in Port's UI", async () => {
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    const filter = { combinator: "and", conditions: [{ property: "tier", operator: "!=", value: "experimental" }] };
    await replaceScorecard(client, "service", "readiness", { ...(await getScorecard(client, "service", "readiness"))!, filter });
    const { props } = await scorecardLogic.read(client, id, outs);
    const changed = await checked({ ...spec, rules: [{ ...readmeRule, level: "Silver" }] });
    expect(await scorecardLogic.diff(id, props!, changed)).toEqual({ changes: true });
    emulator.resetStats();
    await scorecardLogic.update(client, id, props!, changed);
    expect(emulator.stats().byRoute["PUT /v1/blueprints/:bp/scorecards/:id"]).toBe(1);
    const inPort = await getScorecard(client, "service", "readiness");
    expect(inPort?.rules).toEqual([{ ...readmeRule, level: "Silver" }]);
    expect(inPort?.filter).toEqual(filter);
  });

  it("removes custom levels the code stopped declaring, returning to Port's defaults", async () => {
    const levels = [
      { title: "Low", color: "red" },
      { title: "Bronze", color: "bronze" },
      { title: "Gold", color: "gold" },
    ];
    const { id, outs } = await scorecardLogic.create(client, await checked({ ...spec, levels }));
    expect(await scorecardLogic.diff(id, outs, await checked(spec))).toEqual({ changes: true });
    const { outs: after } = await scorecardLogic.update(client, id, outs, await checked(spec));
    expect((await getScorecard(client, "service", "readiness"))?.levels).toHaveLength(4);
    expect(await scorecardLogic.diff(id, after, await checked(spec))).toEqual({ changes: false });
  });

  it("reads what Port holds, so refresh sees drift, and reports a deleted scorecard as gone", async () => {
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    await replaceScorecard(client, "service", "readiness", { ...(await getScorecard(client, "service", "readiness"))!, title: "Edited in Port" });
    const read = await scorecardLogic.read(client, id, outs);
    expect(read.id).toBe("service/readiness");
    expect(read.props?.title).toBe("Edited in Port");
    expect(read.props?.managedKeys).toEqual(outs.managedKeys);
    expect(await scorecardLogic.diff(id, read.props!, await checked(spec))).toEqual({ changes: true });
    await scorecardLogic.delete(client, id, outs);
    expect(await scorecardLogic.read(client, id, outs)).toEqual({});
  });

  it("reads by id alone, splitting <blueprint>/<identifier>", async () => {
    await scorecardLogic.create(client, await checked(spec));
    const read = await scorecardLogic.read(client, "service/readiness", {});
    expect(read.props).toMatchObject({ identifier: "readiness", blueprint: "service", title: "Readiness" });
  });

  it("treats deleting a scorecard that is already gone, or whose blueprint is gone, as done", async () => {
    await expect(scorecardLogic.delete(client, "service/never-existed", {})).resolves.toBeUndefined();
    await expect(scorecardLogic.delete(client, "no_such_blueprint/readiness", {})).resolves.toBeUndefined();
  });

  it("sends a create answered 500 again once Port, read back, does not hold it, and retries an update answered 500", async () => {
    emulator.setFaults({ failNext: { count: 2, status: 500, method: "POST" } });
    const { id, outs } = await scorecardLogic.create(client, await checked(spec));
    expect(emulator.stats().byRoute["POST /v1/blueprints/:bp/scorecards"]).toBe(3); // two injected 500s (each read back: not there), then the create
    expect((await listScorecards(client, "service")).map((s) => s.identifier)).toEqual(["readiness"]);
    emulator.setFaults({ failNext: { count: 1, status: 500, method: "PUT" } });
    await scorecardLogic.update(client, id, outs, await checked({ ...spec, title: "Retried" }));
    expect((await getScorecard(client, "service", "readiness"))?.title).toBe("Retried");
  });

  it("gives a clear error when Port refuses the scorecard (unknown blueprint)", async () => {
    const error = await scorecardLogic.create(client, await checked({ ...spec, blueprint: "nowhere" })).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.status).toBe(404);
    expect(error.message).toBe('Port API POST /v1/blueprints/nowhere/scorecards failed with 404 (not_found): Blueprint with identifier "nowhere" was not found');
  });

  it("fails check for bad input with the field and the fix, without any request", async () => {
    const result = await scorecardLogic.check({}, { ...spec, rules: [{ ...readmeRule, level: "Basic" }] });
    expect(result.failures).toEqual([
      {
        property: "rules",
        reason: 'Scorecard "readiness": field rules[0].level: "Basic" is the first level, which every entity reaches; a rule cannot require it. Use one of Bronze, Silver, Gold.',
      },
    ]);
    expect(emulator.stats().requests).toBe(0);
  });
});
