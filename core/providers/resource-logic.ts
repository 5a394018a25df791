import type { PortClient } from "../client/port-client";

/**
 * What each Port object kind implements, in plain data: the same operations Pulumi's dynamic
 * provider interface has, with the Port client handed in (so tests can drive it over HTTP).
 */
export interface CheckFailure {
  property: string;
  reason: string;
}

/**
 * Problems as Pulumi check failures: each names the top-level input its field sits in
 * (`schema.properties.x` and `relations["a b"]` both point at their first key), or
 * `fallbackProperty` when the field is the whole spec.
 */
export function checkFailures(problems: readonly { field: string; message: string }[], fallbackProperty = ""): CheckFailure[] {
  return problems.map((p) => ({ property: p.field.split(/[.[]/)[0] || fallbackProperty, reason: p.message }));
}

export interface ResourceLogic {
  check(olds: Record<string, any>, news: Record<string, any>): Promise<{ inputs?: Record<string, any>; failures?: CheckFailure[] }>;
  /** `connect` gives read-only access to Port during preview, for checks that need the org's data. */
  diff(
    id: string,
    olds: Record<string, any>,
    news: Record<string, any>,
    connect?: () => PortClient,
  ): Promise<{ changes: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }>;
  create(client: PortClient, inputs: Record<string, any>): Promise<{ id: string; outs: Record<string, any> }>;
  read(client: PortClient, id: string, props: Record<string, any>): Promise<{ id?: string; props?: Record<string, any> }>;
  update(client: PortClient, id: string, olds: Record<string, any>, news: Record<string, any>): Promise<{ outs: Record<string, any> }>;
  delete(client: PortClient, id: string, props: Record<string, any>): Promise<void>;
  /**
   * Create for a component with `adopt`: take over the object Port holds instead (reconcile.ts's
   * adoptExisting). Kinds whose create always takes over what Port holds (users, permissions,
   * integration mappings) have none: their create is the adoption.
   */
  adopt?(client: PortClient, inputs: Record<string, any>): Promise<{ id: string; outs: Record<string, any> }>;
}

/** The placeholder Pulumi sends during preview for values that are not known yet. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** The fields Port writes on every object: never compared, never sent back. */
export const PORT_META_FIELDS = ["createdAt", "createdBy", "updatedAt", "updatedBy"];

/** A copy of a Port document without the fields Port writes. */
export function withoutMeta<T extends Record<string, unknown>>(doc: T): T {
  const out = { ...doc };
  for (const key of PORT_META_FIELDS) delete out[key];
  return out;
}

/**
 * Where a component's `allowDataLoss` flags travel: a `__` key, which Pulumi keeps in state (so a
 * delete reads the flags last applied) and which is never sent to Port.
 */
export const ALLOW_DATA_LOSS_KEY = "__allowDataLoss";

/** Where a component's `adopt` option travels (core/components/port-component.ts): create takes over the object Port holds. */
export const ADOPT_KEY = "__adopt";

/** What an adopted object was in Port before the code was applied to it, kept in state for the record. */
export const ADOPTED_FROM_KEY = "__adoptedFrom";

/** The bookkeeping a provider carries from its inputs (or last outputs) into its outputs. */
const CARRIED_KEYS = [ALLOW_DATA_LOSS_KEY, ADOPTED_FROM_KEY];

/** `doc` with the bookkeeping keys `from` has (never sent to Port: they start with `__`). */
export function withBookkeeping(doc: Record<string, any>, from: Record<string, any>): Record<string, any> {
  const out = { ...doc };
  for (const key of CARRIED_KEYS) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

/** What an update's outputs carry: the new inputs' flags, and what the object was when it was adopted. */
export function updatedBookkeeping(olds: Record<string, any>, news: Record<string, any>): Record<string, any> {
  return { ...news, [ADOPTED_FROM_KEY]: olds[ADOPTED_FROM_KEY] };
}

/** Inputs without Pulumi's own bookkeeping keys (`__provider`) and ours. */
export function withoutPulumiKeys(props: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(props)) if (!key.startsWith("__")) out[key] = value;
  return out;
}
