/**
 * Canonical JSON for diffs: object keys sorted, `undefined` dropped, so two documents that Port
 * treats as the same compare equal whatever order their keys were written in.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonical(value: unknown): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value as Json;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A sorted copy of a list whose order Port ignores (e.g. `schema.required`). */
export function asSet(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}
