/** Variable and resource names for exported objects: readable, valid, and unique within a program. */
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of portal options blueprints people actions pages".split(
    " ",
  ),
);

/** `service_catalog` -> `serviceCatalog`, `_team` -> `team`, `3scale` -> `_3scale`. */
export function camelCase(identifier: string): string {
  const words = identifier.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("") || "object";
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Hands out names, never the same twice and never a reserved word. */
export class NamePool {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    let name = RESERVED.has(wanted) ? `${wanted}Object` : wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }
}
