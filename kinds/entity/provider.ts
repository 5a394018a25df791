import { createEntity, deleteEntity, getEntity, type PortEntityBody } from "./client";
import { type PortClient } from "../../core/client/port-client";
import { EntitySpec } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { asSet, sameJson } from "../../core/providers/canonical-json";
import { type KeyedMap, managedKeysOf as sharedManagedKeysOf, withUnmanagedEntries } from "../../core/providers/managed-keys";
import { PORT_META_FIELDS, ResourceLogic, checkFailures, containsUnknown, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * Entities written in code (seed data). Id `<blueprint>/<identifier>`: a change of either
 * replaces the entity. Port's upsert replaces the whole entity, and integrations or users may
 * fill in properties the code never set, so like blueprints (blueprint-document.ts) an entity
 * remembers which top-level keys, properties and relations the code managed: on update, values
 * in Port the code never managed are kept, and those the code stopped declaring are removed.
 */
type Doc = Record<string, any>;

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
  const { managedKeys: _managed, ...doc } = withoutPulumiKeys(outputs);
  return doc;
}

function outputsOf(portDoc: Doc, blueprint: string, spec: Doc): Doc {
  return { ...withoutServerFields(portDoc), blueprint: portDoc.blueprint ?? blueprint, managedKeys: managedKeysOf(spec) };
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

  async diff(id, olds, news) {
    const spec = withoutPulumiKeys(news);
    const current = portPart(olds);
    const address = addressOf(id, current);
    const replaces = (["blueprint", "identifier"] as const).filter((key) => !containsUnknown(spec[key]) && spec[key] !== address[key]);
    if (replaces.length > 0) return { changes: true, replaces: [...replaces] };
    if (containsUnknown(spec)) return { changes: true };
    const lastManaged = olds.managedKeys as EntityManagedKeys | undefined;
    const changes = !sameJson(comparableEntity(desiredEntity(spec, current, lastManaged)), comparableEntity(current)) || !sameJson(lastManaged, managedKeysOf(spec));
    return { changes };
  },

  async create(client, inputs) {
    const spec = withoutPulumiKeys(inputs);
    const created = await createEntity(client, spec.blueprint, bodyOf(spec));
    return { id: `${spec.blueprint}/${spec.identifier}`, outs: outputsOf(created, spec.blueprint, spec) };
  },

  async read(client, id, props) {
    const { blueprint, identifier } = addressOf(id, props);
    const current = await readEntity(client, blueprint, identifier);
    if (!current) return {}; // gone from Port: the engine drops it from state
    return { id, props: { ...withoutServerFields(current), blueprint: current.blueprint ?? blueprint, managedKeys: props.managedKeys } };
  },

  async update(client, id, olds, news) {
    const spec = withoutPulumiKeys(news);
    const { blueprint, identifier } = addressOf(id, olds);
    // Read Port again rather than trusting state: keep what was set in Port since the last refresh.
    const current = (await readEntity(client, blueprint, identifier)) ?? portPart(olds);
    const body = desiredEntity(spec, current, olds.managedKeys as EntityManagedKeys | undefined);
    // Port's upsert replaces the whole entity with the body.
    const updated = await createEntity(client, blueprint, bodyOf(body), { upsert: true });
    return { outs: outputsOf(updated, blueprint, spec) };
  },

  async delete(client, id, props) {
    const { blueprint, identifier } = addressOf(id, props);
    await deleteEntity(client, blueprint, identifier); // already gone counts as done
  },
};
