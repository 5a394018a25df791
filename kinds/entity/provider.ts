import { createEntity, deleteEntity, getEntity, type PortEntityBody } from "./client";
import { teamEntityIdentifiers } from "../team/client";
import { type PortClient } from "../../core/client/port-client";
import { PollWait, pollUntil } from "../../core/client/poll";
import { adoptExisting, differingKeys, reconciledCreate } from "../../core/providers/reconcile";
import { EntitySpec } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { asSet, sameJson } from "../../core/providers/canonical-json";
import { type KeyedMap, managedKeysOf as sharedManagedKeysOf, withUnmanagedEntries } from "../../core/providers/managed-keys";
import {
  ADOPTED_FROM_KEY,
  PORT_META_FIELDS,
  ResourceLogic,
  checkFailures,
  containsUnknown,
  updatedBookkeeping,
  withBookkeeping,
  withoutPulumiKeys,
} from "../../core/providers/resource-logic";

/**
 * Entities written in code (seed data). Id `<blueprint>/<identifier>`: a new identifier replaces
 * the entity, and so does a new blueprint, unless the blueprint was renamed in place (Port moves
 * its entities with it), which the diff sees as the entity already being under the new name. Port's upsert replaces the whole entity, and integrations or users may
 * fill in properties the code never set, so like blueprints (blueprint-document.ts) an entity
 * remembers which top-level keys, properties and relations the code managed: on update, values
 * in Port the code never managed are kept, and those the code stopped declaring are removed.
 *
 * `team` holds `_team` entity identifiers where the org keeps teams as `_team` entities (docs:
 * manage-users-teams, "an array of the owning teams' identifiers"). The code may name a team by
 * name: on write it is resolved to its identifier by searching `_team` (as terraform-provider-port-labs
 * finds a team's identifier), and the names resolved are remembered (`teamIdentifiers`) so the
 * identifiers Port answers compare equal to them. Values that match no `_team` entity, and every
 * value in orgs without `_team`, are sent as written.
 */
type Doc = Record<string, any>;

const ENTITY_DELETION_WAIT: PollWait = { timeoutMs: 60_000, firstDelayMs: 50, maxDelayMs: 2_000 };

/** Written by Port; never compared, never sent. */
const SERVER_FIELDS = [...PORT_META_FIELDS, "scorecards"];
const KEYED_MAPS = ["properties", "relations"] as const;

export type EntityManagedKeys = { topLevel: string[]; properties?: string[]; relations?: string[] };

/** The blueprint and identifier of an entity: from its own fields, else from the id (blueprint up to the first "/"). */
function addressOf(id: string, doc: Doc): { blueprint: string; identifier: string } {
  if (typeof doc.blueprint === "string" && typeof doc.identifier === "string") return { blueprint: doc.blueprint, identifier: doc.identifier };
  const slash = id.indexOf("/");
  return { blueprint: id.slice(0, slash), identifier: id.slice(slash + 1) };
}

function withoutServerFields(doc: Doc): Doc {
  const out = { ...doc };
  for (const key of SERVER_FIELDS) delete out[key];
  return out;
}

/** The body Port takes: everything but `blueprint`, which goes in the path. */
function bodyOf(doc: Doc): PortEntityBody {
  const { blueprint: _blueprint, ...body } = doc;
  return body;
}

const MAPS: KeyedMap[] = KEYED_MAPS.map((name) => ({ name }));

export function managedKeysOf(spec: Doc): EntityManagedKeys {
  return sharedManagedKeysOf(spec, MAPS) as EntityManagedKeys;
}

/** The entity to write: the spec, plus what Port holds that the code has never managed (maps entry by entry). */
export function desiredEntity(spec: Doc, current: Doc | undefined, lastManaged: EntityManagedKeys | undefined): Doc {
  return withUnmanagedEntries(spec, current, lastManaged, { maps: MAPS, ignore: [...SERVER_FIELDS, ...KEYED_MAPS] });
}

/** Without nulls (unset), with teams and many-relations as sets, and empty maps as absent. */
export function comparableEntity(doc: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(withoutServerFields(doc))) {
    if (value === null || value === undefined) continue;
    if (key === "team" && Array.isArray(value)) {
      if (value.length > 0) out.team = asSet(value);
    } else if ((KEYED_MAPS as readonly string[]).includes(key)) {
      const entries = Object.entries(value as Doc)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, key === "relations" && Array.isArray(v) ? asSet(v) : v]);
      if (entries.length > 0) out[key] = Object.fromEntries(entries);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function portPart(outputs: Doc): Doc {
  const { managedKeys: _managed, teamIdentifiers: _teams, ...doc } = withoutPulumiKeys(outputs);
  return doc;
}

type TeamIdentifiers = Record<string, string>;

/** `spec` with each team named in `resolved` replaced by its `_team` identifier. */
function withTeamIdentifiers(spec: Doc, resolved: TeamIdentifiers | undefined): Doc {
  const team = spec.team;
  if (!resolved || team === undefined || team === null) return spec;
  const one = (value: unknown) => (typeof value === "string" ? (resolved[value] ?? value) : value);
  return { ...spec, team: Array.isArray(team) ? team.map(one) : one(team) };
}

/** The `_team` identifiers of the spec's team values that name a team by name (empty where nothing is to resolve). */
async function resolveTeams(client: PortClient, spec: Doc): Promise<TeamIdentifiers> {
  const values = (Array.isArray(spec.team) ? spec.team : [spec.team]).filter((value): value is string => typeof value === "string");
  if (values.length === 0) return {};
  const found = (await teamEntityIdentifiers(client, values)) ?? new Map<string, string>();
  return Object.fromEntries([...found].filter(([value, identifier]) => value !== identifier));
}

function outputsOf(portDoc: Doc, blueprint: string, spec: Doc, teamIdentifiers: TeamIdentifiers): Doc {
  const outs: Doc = { ...withoutServerFields(portDoc), blueprint: portDoc.blueprint ?? blueprint, managedKeys: managedKeysOf(spec) };
  if (Object.keys(teamIdentifiers).length > 0) outs.teamIdentifiers = teamIdentifiers;
  return outs;
}

/** What Port holds, without the values it computes (they cannot be written back). */
function readEntity(client: PortClient, blueprint: string, identifier: string) {
  return getEntity(client, blueprint, identifier, { excludeCalculatedProperties: true });
}

export const entityLogic: ResourceLogic = {
  async check(_olds, news) {
    const spec = withoutPulumiKeys(news);
    const result = validateSpec(EntitySpec, "Entity", String(spec.identifier ?? "(no identifier)"), spec);
    if (!result.ok) return { failures: checkFailures(result.problems) };
    return { inputs: result.value as Doc };
  },

  async diff(id, olds, news, connect) {
    const spec = withTeamIdentifiers(withoutPulumiKeys(news), olds.teamIdentifiers as TeamIdentifiers | undefined);
    const current = portPart(olds);
    const address = addressOf(id, current);
    const replaces = (["blueprint", "identifier"] as const).filter((key) => !containsUnknown(spec[key]) && spec[key] !== address[key]);
    if (replaces.length === 1 && replaces[0] === "blueprint" && connect && (await getEntity(connect(), spec.blueprint, address.identifier))) {
      return { changes: true }; // its blueprint was renamed in place and took it along
    }
    if (replaces.length > 0) return { changes: true, replaces: [...replaces] };
    if (containsUnknown(spec)) return { changes: true };
    const lastManaged = olds.managedKeys as EntityManagedKeys | undefined;
    const changes = !sameJson(comparableEntity(desiredEntity(spec, current, lastManaged)), comparableEntity(current)) || !sameJson(lastManaged, managedKeysOf(spec));
    return { changes };
  },

  async create(client, inputs) {
    const spec = withoutPulumiKeys(inputs);
    const teams = await resolveTeams(client, spec);
    const body = withTeamIdentifiers(spec, teams);
    const created = await reconciledCreate({
      what: `Entity "${spec.blueprint}/${spec.identifier}"`,
      create: () => createEntity(client, spec.blueprint, bodyOf(body)),
      read: () => getEntity(client, spec.blueprint, spec.identifier),
      differences: (existing) => differingKeys(comparableEntity(desiredEntity(body, existing, undefined)), comparableEntity(existing)),
    });
    return { id: `${spec.blueprint}/${spec.identifier}`, outs: outputsOf(created, spec.blueprint, spec, teams) };
  },

  async adopt(client, inputs) {
    const spec = withoutPulumiKeys(inputs);
    const teams = await resolveTeams(client, spec);
    const body = withTeamIdentifiers(spec, teams);
    const { held, result } = await adoptExisting({
      what: `Entity "${spec.blueprint}/${spec.identifier}"`,
      read: () => readEntity(client, spec.blueprint, spec.identifier),
      differences: (existing) => differingKeys(comparableEntity(desiredEntity(body, existing, undefined)), comparableEntity(existing)),
      // Port's upsert replaces the whole entity with the body: what Port held beside the code's keys goes in it.
      write: (existing) => createEntity(client, spec.blueprint, bodyOf(desiredEntity(body, existing, undefined)), { upsert: true }),
    });
    return { id: `${spec.blueprint}/${spec.identifier}`, outs: { ...outputsOf(result, spec.blueprint, spec, teams), [ADOPTED_FROM_KEY]: held } };
  },

  async read(client, id, props) {
    const { blueprint, identifier } = addressOf(id, props);
    const current = await readEntity(client, blueprint, identifier);
    if (!current) return {}; // gone from Port: the engine drops it from state
    const teams = props.teamIdentifiers === undefined ? {} : { teamIdentifiers: props.teamIdentifiers };
    return { id, props: withBookkeeping({ ...withoutServerFields(current), blueprint: current.blueprint ?? blueprint, managedKeys: props.managedKeys, ...teams }, props) };
  },

  async update(client, id, olds, news) {
    const spec = withoutPulumiKeys(news);
    // Where it is now: under the spec's blueprint also when that blueprint was renamed in place.
    const { blueprint, identifier } = { blueprint: spec.blueprint as string, identifier: spec.identifier as string };
    // Read Port again rather than trusting state: keep what was set in Port since the last refresh.
    const current = (await readEntity(client, blueprint, identifier)) ?? portPart(olds);
    const teams = await resolveTeams(client, spec);
    const body = desiredEntity(withTeamIdentifiers(spec, teams), current, olds.managedKeys as EntityManagedKeys | undefined);
    // Port's upsert replaces the whole entity with the body.
    const updated = await createEntity(client, blueprint, bodyOf(body), { upsert: true });
    return { outs: withBookkeeping(outputsOf(updated, blueprint, spec, teams), updatedBookkeeping(olds, news)) };
  },

  async delete(client, id, props) {
    const { blueprint, identifier } = addressOf(id, props);
    await deleteEntity(client, blueprint, identifier); // already gone counts as done
    // Port deletes entities in the background (docs: deletion "may take a few seconds"): wait until it
    // is gone, so that deleting its blueprint next in the same run does not find it still there.
    const gone = await pollUntil(async () => ((await getEntity(client, blueprint, identifier)) ? undefined : true), ENTITY_DELETION_WAIT);
    if (!gone)
      throw new Error(`Entity "${blueprint}/${identifier}": Port accepted deleting it but still holds it after ${ENTITY_DELETION_WAIT.timeoutMs / 1000} s. Run the command again.`);
  },
};
