/**
 * A blueprint property (an entry of `schema.properties`), exactly as Port's blueprint JSON
 * holds it: one variant per `type`. A property is a JSON schema: Port keeps keys it does not
 * list (apispec.yaml: a property has no `additionalProperties: false`), so any other JSON-schema
 * keyword passes through, while a key of another type or one edit away from a known key is refused.
 */
import { z } from "zod";
import { numberValidations, objectValidations } from "../../core/schemas/json-schema-keywords";
import { asRecord, closedEnum, closedObject, closedUnion, crossCheck, keysOf, openObject } from "../../core/schemas/closed";
import { PortColor } from "../../core/schemas/identifiers";
import { showValue } from "../../core/schemas/messages";
import { checkEnumColors, checkInEnum, checkNumberValidations, checkPattern, checkPatternKeys, checkRange, checkStringValidations } from "../../core/schemas/value-checks";

/** Port's property types. */
export const PROPERTY_TYPES = ["string", "number", "boolean", "object", "array"] as const;
/** Port has no `integer` type (apispec.yaml: string, number, boolean, object, array). */
function integerHint(input: unknown): string | undefined {
  return input === "integer" ? `Port has no "integer" type: use "number".` : undefined;
}

/** A property `type`: `string`, `number`, `boolean`, `object` or `array`. Port cannot change it once created. */
export const PropertyType = closedEnum(PROPERTY_TYPES, { noun: "a property type", field: "type", hint: integerHint });
export type PropertyType = z.output<typeof PropertyType>;

/** Formats of a `string` property. */
export const STRING_PROPERTY_FORMATS = ["date-time", "url", "email", "idn-email", "ipv4", "ipv6", "markdown", "yaml", "user", "team", "timer", "proto", "blueprints"] as const;

/** Formats of an `object` property. */
export const OBJECT_PROPERTY_FORMATS = ["labeled-url"] as const;

/** Every property format Port knows, whatever the type (for `propertySchema` query rules). */
export const PROPERTY_FORMATS = [...STRING_PROPERTY_FORMATS, ...OBJECT_PROPERTY_FORMATS] as const;

/**
 * A string property's `format`, which changes how Port validates and shows the value:
 * `date-time` (ISO 8601), `url`, `email`, `idn-email`, `ipv4`, `ipv6`, `markdown` (rendered in
 * its own tab), `yaml`, `user` (a user's email), `team` (a team identifier), `timer` (a
 * date-time after which the value expires), `proto`, `blueprints` (a blueprint identifier).
 */
export const StringPropertyFormat = closedEnum(STRING_PROPERTY_FORMATS, {
  noun: "a string property format",
  field: "format",
  hint: (input) => (input === "labeled-url" ? `"labeled-url" is an object format: use type "object".` : undefined),
});
export type StringPropertyFormat = z.output<typeof StringPropertyFormat>;

/** An object property's `format`: `labeled-url` stores `{url, displayText?}` and shows the label as a link. */
export const ObjectPropertyFormat = closedEnum(OBJECT_PROPERTY_FORMATS, {
  noun: "an object property format",
  field: "format",
  hint: (input) =>
    typeof input === "string" && (STRING_PROPERTY_FORMATS as readonly string[]).includes(input) ? `${JSON.stringify(input)} is a string format: use type "string".` : undefined,
});
export type ObjectPropertyFormat = z.output<typeof ObjectPropertyFormat>;

/**
 * `spec` on a string property: `open-api` or `async-api` (the value is a URL to the spec file,
 * shown as a Swagger UI tab) or `embedded-url` (the URL is embedded in the entity page).
 */
export const StringPropertySpec = closedEnum(["open-api", "embedded-url", "async-api"], { noun: "a string property spec", field: "spec" });
export type StringPropertySpec = z.output<typeof StringPropertySpec>;

/** `spec` on an object property: `open-api` or `async-api` (the value is the spec itself, shown as a Swagger UI tab). */
export const ObjectPropertySpec = closedEnum(["open-api", "async-api"], { noun: "an object property spec", field: "spec" });
export type ObjectPropertySpec = z.output<typeof ObjectPropertySpec>;

/** OAuth settings Port uses to fetch an `embedded-url` spec on the viewer's behalf. */
export const SpecAuthentication = closedObject("specAuthentication", {
  /** The OAuth client id. */
  clientId: z.string().min(1),
  /** The identity provider's authorization endpoint. */
  authorizationUrl: z.url(),
  /** The identity provider's token endpoint. */
  tokenUrl: z.url(),
  /** OAuth scopes requested. Default `["openid"]`. */
  authorizationScope: z.array(z.string()).default(["openid"]),
});
export type SpecAuthentication = z.output<typeof SpecAuthentication>;
export type SpecAuthenticationInput = z.input<typeof SpecAuthentication>;

/** Keys every property type accepts. */
const commonKeys = {
  /** The property's display name in Port's UI (at most 100 characters). Omitted: Port shows the identifier. */
  title: z.string().max(100).optional(),
  /** Free text shown as the property's tooltip. */
  description: z.string().optional(),
  /** An icon name from Port's icon list (e.g. `"Github"`, `"Link"`). */
  icon: z.string().optional(),
};

/** A non-negative whole number (lengths and item counts). */
const Count = z.int().nonnegative();

// Cross-field checks (enum colors, default in enum, ranges, pattern) are in value-checks.ts,
// shared with action inputs.

/** JSON-schema validations of a string (docs: setup-blueprint/properties/string.md), on a property or on array items. */
const stringValidations = {
  /** A regular expression every value must match (JSON-schema `pattern`). */
  pattern: z.string().optional(),
  /** Fewest characters a value may have. */
  minLength: Count.optional(),
  /** Most characters a value may have. */
  maxLength: Count.optional(),
};

// ---------------------------------------------------------------------------------------------
// Array items.

const stringItemKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  /** Format of every element; see {@link StringPropertyFormat}. */
  format: StringPropertyFormat.optional(),
  /** The only values an element may take. */
  enum: z.array(z.string()).min(1).optional(),
  /** A Port colour per enum value; every key must be one of `enum`. */
  enumColors: z.record(z.string(), PortColor).optional(),
  ...stringValidations,
};

const numberItemKeys = {
  /** `"number"`. */
  type: z.literal("number"),
  /** The only values an element may take. */
  enum: z.array(z.number()).min(1).optional(),
  /** A Port colour per enum value, keyed by the number as text; every key must be one of `enum`. */
  enumColors: z.record(z.string(), PortColor).optional(),
  ...numberValidations,
};

const booleanItemKeys = {
  /** `"boolean"`. */
  type: z.literal("boolean"),
};

const objectItemKeys = {
  /** `"object"`. */
  type: z.literal("object"),
  /** `labeled-url`: every element is `{url, displayText?}`. */
  format: ObjectPropertyFormat.optional(),
  ...objectValidations,
};

/** Every key some item type knows. */
const ITEM_KEYS = keysOf(stringItemKeys, numberItemKeys, booleanItemKeys, objectItemKeys);

/** `items` of an array of strings. */
export const StringArrayItems = openObject("string array items", stringItemKeys, { others: ITEM_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value === undefined) return;
    checkEnumColors(value, report);
    checkStringValidations(value, report);
  }),
);

/** `items` of an array of numbers. */
export const NumberArrayItems = openObject("number array items", numberItemKeys, { others: ITEM_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value === undefined) return;
    checkEnumColors(value, report);
    checkNumberValidations(value, report);
  }),
);

/** `items` of an array of booleans. */
export const BooleanArrayItems = openObject("boolean array items", booleanItemKeys, { others: ITEM_KEYS });

/** `items` of an array of objects. */
export const ObjectArrayItems = openObject("object array items", objectItemKeys, { others: ITEM_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value !== undefined) checkPatternKeys(value, report);
  }),
);

/** An array property's `items`: the type (and format / enum / validations) of every element. Port supports string, number, boolean and object items. */
export const ArrayPropertyItems = closedUnion("type", [StringArrayItems, NumberArrayItems, BooleanArrayItems, ObjectArrayItems], {
  noun: "an array item type",
  field: "type",
});
export type ArrayPropertyItems = z.output<typeof ArrayPropertyItems>;

// ---------------------------------------------------------------------------------------------
// The five property types.

const stringKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  ...commonKeys,
  /** How Port validates and shows the value; see {@link StringPropertyFormat}. Omitted: plain text. */
  format: StringPropertyFormat.optional(),
  /** How a `date-time` value is shown, e.g. `"24-hour"` (terraform-provider-port-labs internal/cli/models.go). */
  dateFormat: z.string().optional(),
  /** Show the value as an API spec (`open-api`, `async-api`) or embed it (`embedded-url`); the value must be a URL. */
  spec: StringPropertySpec.optional(),
  /** OAuth settings for an `embedded-url` spec that needs the viewer to log in. */
  specAuthentication: SpecAuthentication.optional(),
  /** The only values allowed; Port shows them as a select list. */
  enum: z.array(z.string()).min(1).optional(),
  /** A Port colour per enum value (`{"prod": "red"}`); every key must be one of `enum`. */
  enumColors: z.record(z.string(), PortColor).optional(),
  /** Value given to new entities that omit the property. Must be one of `enum` when `enum` is set. */
  default: z.string().optional(),
  ...stringValidations,
};

const numberKeys = {
  /** `"number"`. */
  type: z.literal("number"),
  ...commonKeys,
  /** The only values allowed; Port shows them as a select list. */
  enum: z.array(z.number()).min(1).optional(),
  /** A Port colour per enum value, keyed by the number as text (`{"1": "green"}`); every key must be one of `enum`. */
  enumColors: z.record(z.string(), PortColor).optional(),
  /** Value given to new entities that omit the property. Must be one of `enum` when `enum` is set. */
  default: z.number().optional(),
  ...numberValidations,
};

const booleanKeys = {
  /** `"boolean"`. */
  type: z.literal("boolean"),
  ...commonKeys,
  /** Value given to new entities that omit the property. */
  default: z.boolean().optional(),
};

const objectKeys = {
  /** `"object"`. */
  type: z.literal("object"),
  ...commonKeys,
  /** `labeled-url`: the value is `{url, displayText?}` and Port shows the label as a link. Omitted: any JSON object. */
  format: ObjectPropertyFormat.optional(),
  /** Show the object as an API spec tab (`open-api` or `async-api`); the value is the spec itself. */
  spec: ObjectPropertySpec.optional(),
  /** Value given to new entities that omit the property. */
  default: z.record(z.string(), z.unknown()).optional(),
  ...objectValidations,
};

const arrayKeys = {
  /** `"array"`. */
  type: z.literal("array"),
  ...commonKeys,
  /** Type (and format / enum / validations) of every element. Omitted: elements of any type. */
  items: ArrayPropertyItems.optional(),
  /** Value given to new entities that omit the property; elements must match `items`. */
  default: z.array(z.unknown()).optional(),
  /** Fewest elements allowed. */
  minItems: Count.optional(),
  /** Most elements allowed. */
  maxItems: Count.optional(),
  /** When true, elements must be distinct. Omitted: duplicates allowed. */
  uniqueItems: z.boolean().optional(),
};

/** Every key some property type knows: a key of another type is refused rather than passed through. */
const PROPERTY_KEYS = keysOf(stringKeys, numberKeys, booleanKeys, objectKeys, arrayKeys);

/** A `string` property: free text, or a formatted string (URL, email, date-time, user, team, ...). */
export const StringProperty = openObject("a string property", stringKeys, { others: PROPERTY_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value === undefined) return;
    checkPattern(value, report);
    checkEnumColors(value, report);
    checkInEnum(value.default, value.enum, ["default"], report);
    checkRange(value, "minLength", "maxLength", report);
  }),
);
export type StringProperty = z.output<typeof StringProperty>;
export type StringPropertyInput = z.input<typeof StringProperty>;

/** A `number` property (integers and decimals). */
export const NumberProperty = openObject("a number property", numberKeys, { others: PROPERTY_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value === undefined) return;
    checkEnumColors(value, report);
    checkInEnum(value.default, value.enum, ["default"], report);
    checkNumberValidations(value, report);
  }),
);
export type NumberProperty = z.output<typeof NumberProperty>;
export type NumberPropertyInput = z.input<typeof NumberProperty>;

/** A `boolean` property (shown as a check mark). */
export const BooleanProperty = openObject("a boolean property", booleanKeys, { others: PROPERTY_KEYS });
export type BooleanProperty = z.output<typeof BooleanProperty>;
export type BooleanPropertyInput = z.input<typeof BooleanProperty>;

/** An `object` property: any JSON object (optionally with JSON-schema validations), an API spec (`spec`), or a labeled URL (`format: "labeled-url"`). */
export const ObjectProperty = openObject("an object property", objectKeys, { others: PROPERTY_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value !== undefined) checkPatternKeys(value, report);
  }),
);
export type ObjectProperty = z.output<typeof ObjectProperty>;
export type ObjectPropertyInput = z.input<typeof ObjectProperty>;

/** The JSON type name of a default element, as array `items.type` names it. */
function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** An `array` property: a list of strings, numbers, booleans or objects. */
export const ArrayProperty = openObject("an array property", arrayKeys, { others: PROPERTY_KEYS }).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value === undefined) return;
    checkRange(value, "minItems", "maxItems", report);
    const items = asRecord(value.items);
    if (items === undefined || !Array.isArray(value.default)) return;
    value.default.forEach((element, index) => {
      const expected = items.type;
      if (typeof expected === "string" && jsonTypeOf(element) !== expected) {
        report({
          path: ["default", index],
          input: element,
          message: `${showValue(element)} is not a ${expected}, but items.type is "${expected}". Make every default element a ${expected}.`,
        });
        return;
      }
      checkInEnum(element, items.enum, ["default", index], report, "each default element");
    });
  }),
);
export type ArrayProperty = z.output<typeof ArrayProperty>;
export type ArrayPropertyInput = z.input<typeof ArrayProperty>;

/**
 * A blueprint property, chosen by `type`. Each variant types its own keys and refuses the keys of
 * the other types (e.g. `format` on a number), with its keys listed; other JSON-schema keywords pass.
 */
export const BlueprintProperty = closedUnion("type", [StringProperty, NumberProperty, BooleanProperty, ObjectProperty, ArrayProperty], {
  noun: "a property type",
  field: "type",
  hint: integerHint,
});
export type BlueprintProperty = z.output<typeof BlueprintProperty>;
export type BlueprintPropertyInput = z.input<typeof BlueprintProperty>;
