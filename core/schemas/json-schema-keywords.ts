import { z } from "zod";

/**
 * The JSON-schema keywords Port takes on blueprint properties, array items and action inputs
 * (docs: setup-blueprint/properties/number.md and object.md, user-inputs/number.md and object.md),
 * shared so both kinds type them alike. Their cross-field checks are in value-checks.ts.
 */

/** A JSON-schema definition (of an object's key), kept as written. */
export const JsonSchemaDefinition = z.record(z.string(), z.json());

/** Bounds of a number. */
export const numberValidations = {
  /** Smallest value allowed (inclusive). */
  minimum: z.number().optional(),
  /** Largest value allowed (inclusive). */
  maximum: z.number().optional(),
  /** Values must be greater than this. */
  exclusiveMinimum: z.number().optional(),
  /** Values must be less than this. */
  exclusiveMaximum: z.number().optional(),
};

/** Validations of an object. */
export const objectValidations = {
  /** The schema of each named key, e.g. `{"port": {"type": "number"}}`. */
  properties: z.record(z.string(), JsonSchemaDefinition).optional(),
  /** Keys every value must have (JSON-schema `required` of the object; a blueprint's required properties are in `schema.required`). */
  required: z.array(z.string()).optional(),
  /** Whether keys outside `properties` are allowed (`true`/`false`), or the schema they must match. */
  additionalProperties: z.union([z.boolean(), JsonSchemaDefinition]).optional(),
  /** The schema of the keys matching each regular expression, e.g. `{"^S_": {"type": "string"}}`. */
  patternProperties: z.record(z.string(), JsonSchemaDefinition).optional(),
};
