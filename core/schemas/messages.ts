/**
 * Text helpers shared by the schemas' own error messages and by `problems.ts`,
 * so every message shows values, allowed sets and suggestions the same way.
 */

/** Longest rendering of a user value inside a message; longer values are cut with an ellipsis. */
const MAX_SHOWN = 60;

/** Renders a user-supplied value for a message: strings quoted, objects as compact JSON, cut when long. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = "undefined";
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "bigint") text = `${value}n`;
  else if (typeof value === "function") text = "a function";
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** "a string", "a number", "an array", "null", ... for the JSON kind of a value. */
export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return Number.isNaN(value) ? "NaN" : "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    case "undefined":
      return "missing";
    default:
      return `a ${typeof value}`;
  }
}

/** Joins allowed values for an "allowed: ..." clause: `string, number, boolean`. */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : showValue(v))).join(", ");
}

/** Quotes each name and joins them: `"a", "b"`. */
export function quoteAll(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * Whether `a` becomes `b` by one edit (a character inserted, deleted or replaced, or two neighbours
 * swapped), letter case aside, or by letter case alone: `"maximun"`/`"maximum"`, `"Title"`/`"title"`.
 * Identical strings are not one edit apart.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= 1;
}

/**
 * The closest candidate to a misspelt value ("requried" → "required", "formt" → "format"),
 * or undefined when nothing is close enough to be a plausible typo.
 */
export function closestMatch(value: unknown, candidates: readonly unknown[]): string | undefined {
  // Values under 3 characters ("c", "3") resemble everything: suggesting would be noise.
  if (typeof value !== "string" || value.length < 3) return undefined;
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(value.length, best.length) / 3))) return best;
  // Truncations and inflections ("prod" for "production", "entity" for "entities") share a long prefix.
  let byPrefix: string | undefined;
  let longest = 0;
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const other = candidate.toLowerCase();
    let shared = 0;
    while (shared < lower.length && shared < other.length && lower[shared] === other[shared]) shared++;
    if (shared > longest && shared >= 4 && shared >= 0.6 * Math.min(lower.length, other.length)) {
      byPrefix = candidate;
      longest = shared;
    }
  }
  return byPrefix;
}

/** ` Did you mean "x"?` (leading space) when a close candidate exists, else the empty string. */
export function didYouMean(value: unknown, candidates: readonly unknown[]): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? "" : ` Did you mean ${JSON.stringify(match)}?`;
}
