import { asSet, sameJson } from "../../core/providers/canonical-json";
import { type KeyedMap, managedKeysOf as sharedManagedKeysOf, withUnmanagedEntries } from "../../core/providers/managed-keys";
import { PORT_META_FIELDS, withoutMeta } from "../../core/providers/resource-logic";

/**
 * How a blueprint spec from code meets the blueprint Port holds.
 *
 * Port's PUT replaces the whole document, so a naive update would wipe whatever was added in
 * Port's UI. We remember which keys the code managed when it last applied (`managedKeys`) and
 * build the document to send as: the spec, plus everything in Port that the code never managed.
 * A key the code managed last time and no longer declares is removed; a key the code never knew
 * is kept.
 */
export type PortDocument = Record<string, unknown>;

/** The keyed maps whose entries are managed one by one. `schema.properties` is addressed as "properties". */
const MAP_NAMES = ["properties", "relations", "mirrorProperties", "calculationProperties", "aggregationProperties"] as const;

export type ManagedKeys = { topLevel: string[] } & Partial<Record<(typeof MAP_NAMES)[number], string[]>>;

/** A property kept from Port stays required when Port has it required. */
function keepRequired(out: PortDocument, key: string, held: PortDocument): void {
  const schema = out.schema as PortDocument;
  const required = ((held.schema as PortDocument).required as string[] | undefined) ?? [];
  if (required.includes(key)) schema.required = asSet([...((schema.required as string[]) ?? []), key]);
}

const KEYED_MAPS: KeyedMap[] = MAP_NAMES.map((name) => (name === "properties" ? { name, path: ["schema", "properties"], onKept: keepRequired } : { name }));

/** The keys a spec manages; empty lists are left out to keep state small. */
export function managedKeysOf(spec: PortDocument): ManagedKeys {
  return sharedManagedKeysOf(spec, KEYED_MAPS) as ManagedKeys;
}

/** The document to PUT: the spec, plus what Port holds that the code has never managed. `schema` is merged by its properties. */
export function desiredDocument(spec: PortDocument, current?: PortDocument, lastManaged?: ManagedKeys): PortDocument {
  return withUnmanagedEntries(spec, current, lastManaged, { maps: KEYED_MAPS, ignore: [...PORT_META_FIELDS, "identifier", "schema"] });
}

/** Normal form for comparing documents: no meta, `schema.required` as a set, empty maps as absent. */
export function comparable(doc: PortDocument): PortDocument {
  const out = withoutMeta(doc);
  const schema = { ...((out.schema as PortDocument) ?? {}) };
  const required = asSet(schema.required as string[] | undefined);
  if (required.length > 0) schema.required = required;
  else delete schema.required;
  out.schema = schema;
  for (const map of MAP_NAMES) {
    if (map !== "properties" && out[map] !== undefined && Object.keys(out[map] as object).length === 0) delete out[map];
  }
  if (out.aggregationProperties) out.aggregationProperties = withAggregationTypes(out.aggregationProperties as Record<string, PortDocument>);
  return out;
}

/** Aggregation properties with Port's default type written out (apispec.yaml, /v1/blueprints: `type` is `number` by default), so absent and "number" compare equal. */
export function withAggregationTypes(aggregations: Record<string, PortDocument>): Record<string, PortDocument> {
  return Object.fromEntries(Object.entries(aggregations).map(([key, a]) => [key, { type: "number", ...a }]));
}

export function sameDocument(a: PortDocument, b: PortDocument): boolean {
  return sameJson(comparable(a), comparable(b));
}
