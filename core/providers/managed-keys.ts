/**
 * What to write when Port replaces a whole document (PUT, an entity's upsert, an integration's
 * config): a naive update would wipe what was set in Port's UI or by integrations. So outputs
 * remember the keys the code managed when it last applied (`managedKeys`), and the document
 * written is the spec plus every key Port holds that the code neither declares now nor managed
 * last time: a key the code stopped declaring is removed, a key it never knew is kept.
 */
type Doc = Record<string, unknown>;

/**
 * `spec` plus each top-level key of `held` (what Port holds) that is not in `spec`, not in
 * `lastManaged` and not in `ignore` (Port's own fields, or keys a caller merges itself).
 * The result shares no objects with the arguments.
 */
export function withUnmanagedKeys(spec: Doc, held: Doc | undefined, lastManaged: readonly string[] | undefined, ignore: readonly string[] = []): Doc {
  const out = structuredClone(spec);
  for (const [key, value] of Object.entries(held ?? {})) {
    if (!Object.hasOwn(spec, key) && !lastManaged?.includes(key) && !ignore.includes(key)) out[key] = structuredClone(value);
  }
  return out;
}

/** A map whose entries are managed one by one, e.g. an entity's `properties` or a blueprint's `relations`. */
export interface KeyedMap {
  /** Its name in `ManagedKeys`. */
  name: string;
  /** Where it sits in a document; `[name]` when left out (a blueprint's properties: `["schema", "properties"]`). */
  path?: readonly string[];
  /** Hook called after the entry `key` of `held` was kept in `out`, to carry along what belongs to it elsewhere. */
  onKept?(out: Doc, key: string, held: Doc): void;
}

/** The keys a spec manages: its top-level keys, and per keyed map its entries (left out when none). */
export type ManagedKeys = { topLevel: string[]; [map: string]: string[] | undefined };

function entriesAt(doc: Doc | undefined, map: KeyedMap): Doc {
  let node: unknown = doc;
  for (const key of map.path ?? [map.name]) node = (node as Doc | null | undefined)?.[key];
  return (node as Doc | null | undefined) ?? {};
}

function mapIn(doc: Doc, map: KeyedMap): Doc {
  let node = doc;
  for (const key of map.path ?? [map.name]) node = (node[key] ??= {}) as Doc;
  return node;
}

export function managedKeysOf(spec: Doc, maps: readonly KeyedMap[] = []): ManagedKeys {
  const keys: ManagedKeys = { topLevel: Object.keys(spec).sort() };
  for (const map of maps) {
    const names = Object.keys(entriesAt(spec, map)).sort();
    if (names.length > 0) keys[map.name] = names;
  }
  return keys;
}

/**
 * `withUnmanagedKeys` at the top level (with `lastManaged.topLevel`), then the same rule for the
 * entries of each keyed map (with `lastManaged[map.name]`). List a map in `ignore` when a map Port
 * holds but the code never declared must be kept entry by entry only.
 */
export function withUnmanagedEntries(
  spec: Doc,
  held: Doc | undefined,
  lastManaged: ManagedKeys | undefined,
  options: { maps: readonly KeyedMap[]; ignore?: readonly string[] },
): Doc {
  const out = withUnmanagedKeys(spec, held, lastManaged?.topLevel, options.ignore);
  if (!held) return out;
  for (const map of options.maps) {
    const declared = entriesAt(spec, map);
    for (const [key, value] of Object.entries(entriesAt(held, map))) {
      if (Object.hasOwn(declared, key) || lastManaged?.[map.name]?.includes(key)) continue;
      mapIn(out, map)[key] = structuredClone(value);
      map.onKept?.(out, key, held);
    }
  }
  return out;
}
