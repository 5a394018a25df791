type Doc = Record<string, any>;

/**
 * `items` (by `identifier`) with what each depends on first (a relation's target, a folder's
 * parent, the sibling it comes after), so those are referred to by variable. Items that depend on
 * each other in a cycle keep the order found; the one closing the cycle names the other by
 * identifier.
 */
export function dependenciesFirst(items: Doc[], dependsOn: (item: Doc) => (string | undefined)[]): Doc[] {
  const byId = new Map(items.map((item) => [String(item.identifier), item]));
  const ordered: Doc[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string) => {
    if (state.has(id)) return;
    state.set(id, "visiting");
    for (const dep of dependsOn(byId.get(id)!)) if (dep !== undefined && byId.has(dep)) visit(dep);
    state.set(id, "done");
    ordered.push(byId.get(id)!);
  };
  for (const id of [...byId.keys()].sort()) visit(id);
  return ordered;
}
