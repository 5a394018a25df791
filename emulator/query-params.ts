/** Boolean query flags (`upsert`, `merge`, `delete_dependents`, ...), refused unless true/false. */
import { Problems } from "./validation-problems";

export function booleanParams<K extends string>(query: URLSearchParams, names: readonly K[]): Record<K, boolean> {
  const problems = new Problems();
  const out = {} as Record<K, boolean>;
  for (const name of names) {
    const raw = query.get(name);
    out[name] = raw === "true";
    if (raw !== null && raw !== "true" && raw !== "false") {
      problems.add(`/querystring/${name}`, "must be boolean (true or false)");
    }
  }
  problems.throwIfAny();
  return out;
}
