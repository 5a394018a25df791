/**
 * Identifiers go into URL paths. Why not just encodeURIComponent: URL parsing resolves "." and ".." (and their
 * %2e spellings) as dot segments, so `blueprints/..` would address a different route. Port forbids those
 * identifiers anyway (pattern `^(?!\.{1,2}$)...`), so reject them before any request.
 */
export function pathSegment(kind: string, identifier: string): string {
  if (identifier === "" || identifier === "." || identifier === "..") {
    throw new Error(`Invalid ${kind} identifier ${JSON.stringify(identifier)}: it must be non-empty and not "." or "..".`);
  }
  return encodeURIComponent(identifier);
}
