/**
 * Port wraps objects under a named key (`{ok, blueprint}`, `{ok, entities}`); the typed helpers read that key.
 * Why check: a missing key would otherwise surface later as "cannot read property of undefined" in a provider.
 */
export function envelopeField<T>(envelope: Record<string, unknown>, key: string, method: string, path: string): T {
  const value = envelope[key];
  if (value === undefined || value === null) {
    throw new Error(`Port API ${method} ${path} succeeded but its response has no "${key}" field.`);
  }
  return value as T;
}
