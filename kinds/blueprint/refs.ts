import * as pulumi from "@pulumi/pulumi";
import { ExistingObject, PLACEHOLDER_IDENTIFIER } from "../../core/components/references";
import type { Portal } from "../../core/components/portal";
import { Blueprint } from "./component";

/**
 * How every component names a blueprint: a `Blueprint` of this program (which orders creation),
 * `Blueprint.existing("k8s_cluster")` for one managed elsewhere (sent as written, never prefixed),
 * or a plain identifier, which is the stack's own when the stack declares it (and then gets the
 * stack's prefix and suffix) and otherwise must exist in the org.
 */
export class ExistingBlueprint extends ExistingObject {}

export type BlueprintRef = Blueprint | ExistingBlueprint | pulumi.Input<string>;

/**
 * A schema's type as component args: every value may be a Pulumi Input, and every `blueprint` key,
 * however deep, also takes a {@link BlueprintRef}. Unions distribute, so each variant stays a distinct shape.
 */
export type WithBlueprintRefs<T> = T extends string | number | boolean | null | undefined
  ? pulumi.Input<T>
  : T extends readonly (infer U)[]
    ? pulumi.Input<WithBlueprintRefs<U>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: K extends "blueprint" ? BlueprintRef : WithBlueprintRefs<T[K]> }>
      : pulumi.Input<T>;

export interface ResolvedBlueprint {
  /** What goes to Port: a `Blueprint`'s identifier output (which orders creation), else the identifier as Port knows it. */
  input: pulumi.Input<string>;
  /** The identifier in the code's terms, when the stack declares it (or may) and it is known now: what the portal's checks use. */
  declared: string | undefined;
  /** A value for validating the spec now: the identifier as far as it is known, else {@link PLACEHOLDER_IDENTIFIER}. */
  known: string;
  /** The `Blueprint`, when one was given. */
  component?: Blueprint;
}

/**
 * Resolves a blueprint reference; a plain identifier is recorded with `at` (the component and
 * field) so the portal's check reports it if it names nothing.
 */
export function resolveBlueprint(ref: unknown, portal: Portal, at?: { from: string; field: string }): ResolvedBlueprint {
  if (ref instanceof Blueprint) {
    const declared = ref.declaredIdentifier;
    return { input: ref.identifier, declared, known: declared === undefined ? PLACEHOLDER_IDENTIFIER : portal.qualify(declared), component: ref };
  }
  if (ref instanceof ExistingBlueprint) return { input: ref.identifier, declared: undefined, known: ref.identifier };
  if (typeof ref === "string") {
    if (at) portal.model.referBlueprint({ ...at, identifier: ref });
    return { input: portal.blueprintIdentifier(ref), declared: ref, known: ref };
  }
  return { input: ref as pulumi.Input<string>, declared: undefined, known: PLACEHOLDER_IDENTIFIER };
}
