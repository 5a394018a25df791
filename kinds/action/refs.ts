/**
 * What Action and Automation share: args where Port names a blueprint by identifier accept a
 * `Blueprint` object instead (which orders creation and lets the portal check the reference), the
 * conversion of those args into Port's document, and messages that name the fields as written.
 */
import * as pulumi from "@pulumi/pulumi";
import type { InvocationMethodInput } from "./invocation-method-schema";
import { Blueprint } from "../blueprint/component";
import type { DeepInput } from "../../core/components/input-types";
import type { Portal } from "../../core/components/portal";
import type { RefMode } from "../../core/components/references";
import { type BlueprintRef, ExistingBlueprint, type WithBlueprintRefs, resolveBlueprint } from "../blueprint/refs";

/** A blueprint: a `Blueprint`, `Blueprint.existing(...)`, or an identifier (see kinds/blueprint/refs.ts). */
export type ActionBlueprint = BlueprintRef;

export type { WithBlueprintRefs };

/** An UPSERT_ENTITY invocation names its blueprint `blueprint` (a `Blueprint` or identifier) instead of `blueprintIdentifier`. */
type InvocationArgsOf<M> = M extends { type: "UPSERT_ENTITY"; blueprintIdentifier: string }
  ? { [K in keyof Omit<M, "blueprintIdentifier">]: DeepInput<M[K]> } & { blueprint: ActionBlueprint }
  : DeepInput<M>;

/** `invocationMethod` as args: Port's variants, with `blueprint` for UPSERT_ENTITY. */
export type InvocationMethodArgs = InvocationArgsOf<InvocationMethodInput>;

/** A blueprint reference as a value for `mode` (see kinds/blueprint/refs.ts). */
export function blueprintValue(ref: unknown, portal: Portal, mode: RefMode): unknown {
  if (!(ref instanceof Blueprint) && !(ref instanceof ExistingBlueprint) && typeof ref !== "string") return ref;
  const resolved = resolveBlueprint(ref, portal);
  return mode === "inputs" ? resolved.input : resolved.known;
}

/** `value` with every `blueprint` key, however deep, resolved (inside Outputs too, for inputs). */
export function withBlueprintValues(value: unknown, portal: Portal, mode: RefMode): unknown {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    return mode === "inputs" ? pulumi.output(value).apply((inner) => withBlueprintValues(inner, portal, mode)) : value;
  }
  if (Array.isArray(value)) return value.map((item) => withBlueprintValues(item, portal, mode));
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key === "blueprint" ? blueprintValue(item, portal, mode) : withBlueprintValues(item, portal, mode);
  }
  return out;
}

/** Port's `invocationMethod` from the args: UPSERT_ENTITY's `blueprint` becomes `blueprintIdentifier`. */
export function invocationMethodValue(method: unknown, portal: Portal, mode: RefMode): unknown {
  if (pulumi.Output.isInstance(method) || method instanceof Promise) {
    return mode === "inputs" ? pulumi.output(method).apply((inner) => invocationMethodValue(inner, portal, mode)) : method;
  }
  if (method === null || typeof method !== "object" || !("blueprint" in method)) return method;
  const { blueprint, ...rest } = method as Record<string, unknown>;
  return { ...rest, blueprintIdentifier: blueprintValue(blueprint, portal, mode) };
}

/** Every plain-string blueprint reference in the args, with the field as the user wrote it. */
export function blueprintReferences(value: unknown, path: string): { field: string; identifier: string }[] {
  if (value === null || typeof value !== "object" || pulumi.Output.isInstance(value) || pulumi.Resource.isInstance(value)) return [];
  const out: { field: string; identifier: string }[] = [];
  for (const [key, item] of Object.entries(value)) {
    const field = path === "" ? key : Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (key === "blueprint" && typeof item === "string") out.push({ field, identifier: item });
    else out.push(...blueprintReferences(item, field));
  }
  return out;
}

/**
 * Schema messages name Port's fields; where the args name a field differently (`blueprint` for
 * `trigger.blueprintIdentifier`), the message names the field as the user wrote it.
 */
export function renameFields(messages: string[], renames: Record<string, string>): string[] {
  return messages.map((message) => {
    for (const [portField, argField] of Object.entries(renames)) {
      const marker = `: field ${portField}:`;
      if (message.includes(marker)) return message.replace(marker, `: field ${argField}:`);
    }
    return message;
  });
}
