import { asSet, sameJson } from "../../core/providers/canonical-json";
import { withoutMeta } from "../../core/providers/resource-logic";

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
const KEYED_MAPS = ["properties", "relations", "mirrorProperties", "calculationProperties", "aggregationProperties"] as const;
type KeyedMap = (typeof KEYED_MAPS)[number];

export type ManagedKeys = { topLevel: string[] } & Partial<Record<KeyedMap, string[]>>;

function mapOf(doc: PortDocument | undefined, map: KeyedMap): Record<string, unknown> {
  const value = map === "properties" ? (doc?.schema as PortDocument | undefined)?.properties : doc?.[map];
  return (value as Record<string, unknown> | undefined) ?? {};
}

/** The keys a spec manages; empty lists are left out to keep state small. */
export function managedKeysOf(spec: PortDocument): ManagedKeys {
  const keys = { topLevel: Object.keys(spec).sort() } as ManagedKeys;
  for (const map of KEYED_MAPS) {
    const names = Object.keys(mapOf(spec, map)).sort();
    if (names.length > 0) keys[map] = names;
  }
  return keys;
}

/** The document to PUT: the spec, plus what Port holds that the code has never managed. */
export function desiredDocument(spec: PortDocument, current?: PortDocument, lastManaged?: ManagedKeys): PortDocument {
  const desired: PortDocument = structuredClone(spec);
  if (!current) return desired;
  const managedNow = managedKeysOf(spec);
  const unmanaged = (list: string[] | undefined, nowList: string[] | undefined, key: string) =>
    !(nowList ?? []).includes(key) && !(list ?? []).includes(key);

  for (const [key, value] of Object.entries(withoutMeta(current))) {
    if (key === "identifier" || key === "schema") continue;
    if (unmanaged(lastManaged?.topLevel, managedNow.topLevel, key)) desired[key] = structuredClone(value);
  }
  for (const map of KEYED_MAPS) {
    for (const [key, value] of Object.entries(mapOf(current, map))) {
      if (!unmanaged(lastManaged?.[map], managedNow[map], key)) continue;
      const target = map === "properties" ? (desired.schema as PortDocument) : ((desired[map] ??= {}) as PortDocument);
      if (map === "properties") {
        (target.properties as PortDocument)[key] = structuredClone(value);
        const required = ((current.schema as PortDocument).required as string[] | undefined) ?? [];
        if (required.includes(key)) target.required = asSet([...((target.required as string[]) ?? []), key]);
      } else {
        target[key] = structuredClone(value);
      }
    }
  }
  return desired;
}

/** Normal form for comparing documents: no meta, `schema.required` as a set, empty maps as absent. */
export function comparable(doc: PortDocument): PortDocument {
  const out = withoutMeta(doc);
  const schema = { ...((out.schema as PortDocument) ?? {}) };
  const required = asSet(schema.required as string[] | undefined);
  if (required.length > 0) schema.required = required;
  else delete schema.required;
  out.schema = schema;
  for (const map of KEYED_MAPS) {
    if (map !== "properties" && out[map] !== undefined && Object.keys(out[map] as object).length === 0) delete out[map];
  }
  return out;
}

export function sameDocument(a: PortDocument, b: PortDocument): boolean {
  return sameJson(comparable(a), comparable(b));
}
