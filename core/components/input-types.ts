import type * as pulumi from "@pulumi/pulumi";

/**
 * A schema's type with every field accepting a Pulumi Input, however deep: component args are
 * derived from the zod schemas, never written by hand. Unions distribute, so each variant of a
 * discriminated union stays a distinct, checked shape.
 */
export type DeepInput<T> = T extends string | number | boolean | null | undefined
  ? pulumi.Input<T>
  : T extends readonly (infer U)[]
    ? pulumi.Input<DeepInput<U>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;
