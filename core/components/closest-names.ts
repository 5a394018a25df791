import { editDistance } from "../schemas/messages";

/** Up to three known names closest to a misspelled one, for "did you mean" hints. */
export function closestNames(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const scored = [...new Set(known)]
    .map((name) => ({ name, distance: editDistance(wanted.toLowerCase(), name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= Math.max(2, Math.floor(Math.max(wanted.length, name.length) / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
