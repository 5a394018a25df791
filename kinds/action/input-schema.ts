/**
 * One user input of a self-service action (an entry of `userInputs.properties`), typed per
 * `type` and, for strings, per `format`: plain text (with date-time, url, email, ipv4, ipv6,
 * yaml, markdown, multi-line and proto formats, or a secret with `encryption`), an entity of a
 * blueprint, a user, a team, a number, a boolean, an object, or an array of these.
 * Where Port computes a value from the form, `{jqQuery}` is accepted (see jq-query.ts).
 * An input is a JSON schema Port keeps as written (apispec.yaml: an input has no
 * `additionalProperties: false`): other JSON-schema keywords pass through (openObject).
 */
import { z } from "zod";
import { numberValidations, objectValidations } from "../../core/schemas/json-schema-keywords";
import { asRecord, closedEnum, closedObject, closedUnion, crossCheck, keysOf, openObject } from "../../core/schemas/closed";
import { ActionDataset } from "./dataset-schema";
import { checkFormattedDefault, checkSecret } from "./input-checks";
import { checkEnumColors, checkInEnum, checkNumberValidations, checkPatternKeys, checkRange, checkStringValidations } from "../../core/schemas/value-checks";
import { BlueprintIdentifier, PortColor, PropertyIdentifier } from "../../core/schemas/identifiers";
import { JqQuery, orJqQuery } from "../../core/schemas/jq-query";
import { didYouMean, listValues, showValue } from "../../core/schemas/messages";

/** Formats of a plain string input (entity, user and team inputs have their own variants). */
export const STRING_INPUT_FORMATS = ["date-time", "url", "email", "ipv4", "ipv6", "yaml", "markdown", "multi-line", "proto"] as const;
/** Formats of string inputs that pick something from Port's catalog. */
export const CATALOG_INPUT_FORMATS = ["entity", "user", "team"] as const;
/** Every format a string input may have. */
export const ALL_STRING_INPUT_FORMATS = [...STRING_INPUT_FORMATS, ...CATALOG_INPUT_FORMATS] as const;

/** Keys every input accepts. */
const commonKeys = {
  /** Label shown above the field. Omitted: Port shows the input's key. */
  title: z.string().optional(),
  /** Help text shown under the field. */
  description: z.string().optional(),
  /** An icon name from Port's icon list. */
  icon: z.string().optional(),
  /** Whether the field is shown: a boolean, or `{jqQuery}` over the form (e.g. `.form.env == "prod"`). Default true. */
  visible: orJqQuery(z.boolean(), "a boolean").optional(),
  /** Whether the field is read-only: a boolean, or `{jqQuery}`. Default false. */
  disabled: orJqQuery(z.boolean(), "a boolean").optional(),
  /** Keys of other inputs this one waits for (it is enabled once they are filled, and its JQ may read them). */
  dependsOn: z.array(PropertyIdentifier).optional(),
};

/** How entity choices are ordered in the picker. */
export const ActionInputSort = closedObject("an input sort", {
  /** The property (or meta-property such as `$title`) to sort by. */
  property: z.string().min(1),
  /** `ASC` or `DESC`. */
  order: closedEnum(["ASC", "DESC"], { noun: "a sort order", field: "order" }),
});
export type ActionInputSort = z.output<typeof ActionInputSort>;

/** A whole number that may instead be computed by `{jqQuery}` (lengths and item counts). */
const CountOrJq = orJqQuery(z.int().nonnegative(), "a non-negative whole number");

/** The blueprint of an entity input or entity items; its absence gets a message saying what it is for. */
const EntityBlueprint = z
  .string({
    error: (issue) => (issue.input === undefined ? 'is required with format "entity": name the blueprint whose entities are offered, e.g. "service". Add blueprint.' : undefined),
  })
  .pipe(BlueprintIdentifier);

/** A PEM public key, as client-side encryption needs (docs: user-inputs/secret.md, "Key requirements"). */
const PemPublicKey = z.string().superRefine((key, ctx) => {
  if (/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.test(key)) return;
  ctx.addIssue({
    code: "custom",
    input: "(hidden)",
    message: "is not a PEM public key; paste the RSA public key including its -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- lines (never the private key). Fix the key.",
  });
});

/** Client-side encryption: the browser encrypts the value with your own RSA public key; only your backend can decrypt it. */
export const ClientSideEncryption = closedObject("client-side encryption", {
  /** `"client-side"`. */
  algorithm: z.literal("client-side"),
  /** The RSA public key (PEM) the browser encrypts with. */
  key: PemPublicKey,
});

/**
 * Makes an input a secret: `"aes256-gcm"` (Port encrypts with the organization's client secret) or
 * `{algorithm: "client-side", key}` (terraform-provider-port-labs port/action/string.go; docs: user-inputs/secret.md).
 */
export const Encryption = z.union([closedEnum(["aes256-gcm"], { noun: "an encryption algorithm", field: "encryption" }), ClientSideEncryption], {
  error: (issue) =>
    asRecord(issue.input) !== undefined
      ? undefined
      : `${showValue(issue.input)} is not an encryption; use "aes256-gcm" or {algorithm: "client-side", key: "<PEM public key>"}. Fix the encryption.`,
});

function checked(check: (value: Record<string, unknown>, report: Parameters<Parameters<typeof crossCheck>[0]>[1]) => void) {
  return crossCheck((input, report) => {
    const value = asRecord(input);
    if (value !== undefined) check(value, report);
  });
}

// ---------------------------------------------------------------------------------------------
// JSON-schema validations (docs: user-inputs/text.md, number.md, object.md, array.md).

const stringValidations = {
  /** A regular expression the value must match, or `{jqQuery}` computing it. */
  pattern: orJqQuery(z.string(), "a regular expression").optional(),
  /** Fewest characters allowed. */
  minLength: CountOrJq.optional(),
  /** Most characters allowed. */
  maxLength: CountOrJq.optional(),
};

// ---------------------------------------------------------------------------------------------
// Array items.

const stringItemKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  /** Format of every element; see {@link STRING_INPUT_FORMATS} (and `user`, `team`). */
  format: z.enum([...STRING_INPUT_FORMATS, "user", "team"]).optional(),
  /** The only values an element may take, or `{jqQuery}` computing them. */
  enum: orJqQuery(z.array(z.string()).min(1), "a list of strings").optional(),
  /** A Port colour per enum value. */
  enumColors: z.record(z.string(), PortColor).optional(),
  ...stringValidations,
};

const entityItemKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  /** `"entity"`. */
  format: z.literal("entity"),
  /** The blueprint whose entities are offered. */
  blueprint: EntityBlueprint,
  /** Which entities are offered; rule values may be `{jqQuery}`. */
  dataset: ActionDataset.optional(),
};

const numberItemKeys = {
  /** `"number"`. */
  type: z.literal("number"),
  /** The only values an element may take, or `{jqQuery}`. */
  enum: orJqQuery(z.array(z.number()).min(1), "a list of numbers").optional(),
  /** A Port colour per enum value, keyed by the number as text. */
  enumColors: z.record(z.string(), PortColor).optional(),
  ...numberValidations,
};

const booleanItemKeys = { type: z.literal("boolean") };

const objectItemKeys = {
  /** `"object"`. */
  type: z.literal("object"),
  ...objectValidations,
};

const ITEM_KEYS = keysOf(stringItemKeys, entityItemKeys, numberItemKeys, booleanItemKeys, objectItemKeys);

/** Elements that are strings (plain or formatted). */
export const ActionStringItems = openObject("string items", stringItemKeys, { others: ITEM_KEYS }).check(
  checked((value, report) => {
    checkEnumColors(value, report);
    checkStringValidations(value, report);
  }),
);

/** Elements that are entities of `blueprint` (a multi-select of entities). */
export const ActionEntityItems = openObject("entity items", entityItemKeys, { others: ITEM_KEYS });

const StringItemsByFormat = z.discriminatedUnion("format", [ActionStringItems, ActionEntityItems], {
  error: (issue) => {
    if (issue.code !== "invalid_union" || issue.note !== "No matching discriminator") return undefined;
    const format = asRecord(issue.input)?.format;
    return `${showValue(format)} is not an item format; allowed: ${listValues(ALL_STRING_INPUT_FORMATS)}.${didYouMean(format, ALL_STRING_INPUT_FORMATS)} Fix the format.`;
  },
});

/** Elements that are numbers. */
export const ActionNumberItems = openObject("number items", numberItemKeys, { others: ITEM_KEYS }).check(
  checked((value, report) => {
    checkEnumColors(value, report);
    checkNumberValidations(value, report);
  }),
);

/** Elements that are booleans. */
export const ActionBooleanItems = openObject("boolean items", booleanItemKeys, { others: ITEM_KEYS });

/** Elements that are JSON objects. */
export const ActionObjectItems = openObject("object items", objectItemKeys, { others: ITEM_KEYS });

/** An array input's `items`, chosen by `type` (and `format` for strings). */
export const ActionInputItems = closedUnion("type", [StringItemsByFormat, ActionNumberItems, ActionBooleanItems, ActionObjectItems], {
  noun: "an item type",
  field: "type",
});
export type ActionInputItems = z.output<typeof ActionInputItems>;

// ---------------------------------------------------------------------------------------------
// The inputs' keys.

const stringKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  ...commonKeys,
  /** How the field is shown and checked; see {@link STRING_INPUT_FORMATS}. Omitted: one line of text. */
  format: z.enum(STRING_INPUT_FORMATS).optional(),
  /** Value pre-filled in the form, or `{jqQuery}` computing it. Must be one of a literal `enum`. */
  default: orJqQuery(z.string(), "a string").optional(),
  /** The only values allowed (a select list), or `{jqQuery}` computing them. */
  enum: orJqQuery(z.array(z.string()).min(1), "a list of strings").optional(),
  /** A Port colour per enum value; every key must be one of `enum`. */
  enumColors: z.record(z.string(), PortColor).optional(),
  ...stringValidations,
  /** Makes this a secret input; see {@link Encryption}. No default or enum then. */
  encryption: Encryption.optional(),
};

const entityKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  /** `"entity"`. */
  format: z.literal("entity"),
  ...commonKeys,
  /** The blueprint whose entities are offered. */
  blueprint: EntityBlueprint,
  /** Which of its entities are offered: an entity query whose rule values may be `{jqQuery}`. Omitted: all. */
  dataset: ActionDataset.optional(),
  /** How the choices are ordered. */
  sort: ActionInputSort.optional(),
  /** The identifier of the entity pre-selected, or `{jqQuery}` computing it (e.g. `.entity.identifier`). */
  default: orJqQuery(z.string(), "an entity identifier").optional(),
};

const userKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  /** `"user"`. */
  format: z.literal("user"),
  ...commonKeys,
  /** The email of the user pre-selected, or `{jqQuery}` (e.g. `.user.email` for the person running the action). */
  default: orJqQuery(z.string(), "a user's email").optional(),
};

const teamKeys = {
  /** `"string"`. */
  type: z.literal("string"),
  /** `"team"`. */
  format: z.literal("team"),
  ...commonKeys,
  /** The team pre-selected, or `{jqQuery}` (e.g. `.user.teams[0].name`). */
  default: orJqQuery(z.string(), "a team").optional(),
};

const numberKeys = {
  /** `"number"`. */
  type: z.literal("number"),
  ...commonKeys,
  /** Value pre-filled, or `{jqQuery}`. Must be one of a literal `enum`. */
  default: orJqQuery(z.number(), "a number").optional(),
  /** The only values allowed, or `{jqQuery}` computing them. */
  enum: orJqQuery(z.array(z.number()).min(1), "a list of numbers").optional(),
  /** A Port colour per enum value, keyed by the number as text; every key must be one of `enum`. */
  enumColors: z.record(z.string(), PortColor).optional(),
  ...numberValidations,
};

const booleanKeys = {
  /** `"boolean"`. */
  type: z.literal("boolean"),
  ...commonKeys,
  /** Value pre-filled, or `{jqQuery}`. */
  default: orJqQuery(z.boolean(), "a boolean").optional(),
};

const objectKeys = {
  /** `"object"`. */
  type: z.literal("object"),
  ...commonKeys,
  /** `labeled-url`: `{url, displayText?}`. Omitted: any JSON object. */
  format: closedEnum(["labeled-url"], { noun: "an object input format", field: "format" }).optional(),
  /** Value pre-filled, or `{jqQuery}`. */
  default: z.union([JqQuery, z.record(z.string(), z.json())]).optional(),
  /** The only objects allowed (a select list), or `{jqQuery}` computing them (docs: user-inputs/object.md). */
  enum: orJqQuery(z.array(z.record(z.string(), z.json())).min(1), "a list of objects").optional(),
  ...objectValidations,
  /** Makes this a secret input; no default then. */
  encryption: Encryption.optional(),
};

const arrayKeys = {
  /** `"array"`. */
  type: z.literal("array"),
  ...commonKeys,
  /** Type (and format, enum, blueprint) of every element. Omitted: elements of any type. */
  items: ActionInputItems.optional(),
  /** Elements pre-filled, or `{jqQuery}`. */
  default: orJqQuery(z.array(z.json()), "a list").optional(),
  /** The only lists allowed (a select list), or `{jqQuery}` computing them (docs: user-inputs/array.md). */
  enum: orJqQuery(z.array(z.array(z.json())).min(1), "a list of lists").optional(),
  /** Fewest elements, or `{jqQuery}`. */
  minItems: CountOrJq.optional(),
  /** Most elements, or `{jqQuery}`. */
  maxItems: CountOrJq.optional(),
  /** When true, elements must be distinct. */
  uniqueItems: z.boolean().optional(),
  /** For entity items: how the choices are ordered. */
  sort: ActionInputSort.optional(),
};

/** Every key some input knows: a key of another kind of input is refused rather than passed through. */
const INPUT_KEYS = keysOf(stringKeys, entityKeys, userKeys, teamKeys, numberKeys, booleanKeys, objectKeys, arrayKeys);

// ---------------------------------------------------------------------------------------------
// String inputs, by format.

/** Free text, or a formatted string; with `encryption` it is a secret. */
export const ActionStringInput = openObject("a string input", stringKeys, { others: INPUT_KEYS }).check(
  checked((value, report) => {
    checkEnumColors(value, report);
    checkInEnum(value.default, value.enum, ["default"], report);
    checkStringValidations(value, report);
    checkFormattedDefault(value, report);
    checkSecret(value, report);
  }),
);
export type ActionStringInput = z.output<typeof ActionStringInput>;

/** An entity of `blueprint`, picked from the catalog; the backend receives the whole entity. */
export const ActionEntityInput = openObject("an entity input", entityKeys, { others: INPUT_KEYS });
export type ActionEntityInput = z.output<typeof ActionEntityInput>;

/** A Port user (the backend receives the email). */
export const ActionUserInput = openObject("a user input", userKeys, { others: INPUT_KEYS });
export type ActionUserInput = z.output<typeof ActionUserInput>;

/** A Port team (the backend receives the team's identifier). */
export const ActionTeamInput = openObject("a team input", teamKeys, { others: INPUT_KEYS });
export type ActionTeamInput = z.output<typeof ActionTeamInput>;

/** A string input of any format, chosen by `format`. */
const ActionStringInputs = z.discriminatedUnion("format", [ActionStringInput, ActionEntityInput, ActionUserInput, ActionTeamInput], {
  error: (issue) => {
    if (issue.code !== "invalid_union" || issue.note !== "No matching discriminator") return undefined;
    const format = asRecord(issue.input)?.format;
    const hint = format === "labeled-url" ? ` "labeled-url" is an object format: use type "object".` : didYouMean(format, ALL_STRING_INPUT_FORMATS);
    return `${showValue(format)} is not a string input format; allowed: ${listValues(ALL_STRING_INPUT_FORMATS)}.${hint} Fix the format.`;
  },
});

// ---------------------------------------------------------------------------------------------
// Number, boolean, object, array.

/** A number (integers and decimals). */
export const ActionNumberInput = openObject("a number input", numberKeys, { others: INPUT_KEYS }).check(
  checked((value, report) => {
    checkEnumColors(value, report);
    checkInEnum(value.default, value.enum, ["default"], report);
    checkNumberValidations(value, report);
  }),
);
export type ActionNumberInput = z.output<typeof ActionNumberInput>;

/** A check box. */
export const ActionBooleanInput = openObject("a boolean input", booleanKeys, { others: INPUT_KEYS });
export type ActionBooleanInput = z.output<typeof ActionBooleanInput>;

/** A JSON object (edited as JSON, optionally with JSON-schema validations), or a labeled URL (`format: "labeled-url"`); with `encryption` it is a secret. */
export const ActionObjectInput = openObject("an object input", objectKeys, { others: INPUT_KEYS }).check(checked(checkSecret)).check(checked(checkPatternKeys));
export type ActionObjectInput = z.output<typeof ActionObjectInput>;

/** The JSON type name of a value, as `items.type` names it. */
function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A list of strings, numbers, booleans, objects, or entities of a blueprint. */
export const ActionArrayInput = openObject("an array input", arrayKeys, { others: INPUT_KEYS }).check(
  checked((value, report) => {
    checkRange(value, "minItems", "maxItems", report);
    const items = asRecord(value.items);
    if (value.sort !== undefined && items?.format !== "entity") {
      report({
        path: ["sort"],
        input: value.sort,
        message: 'orders entity choices, but items are not entities. Remove sort or set items to {type: "string", format: "entity", blueprint}.',
      });
    }
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
export type ActionArrayInput = z.output<typeof ActionArrayInput>;

/**
 * One user input, chosen by `type` and, for strings, by `format`. Each variant refuses the keys of
 * the others, so e.g. `blueprint` on a plain string input fails with the variant's keys listed.
 */
export const ActionInput = closedUnion("type", [ActionStringInputs, ActionNumberInput, ActionBooleanInput, ActionObjectInput, ActionArrayInput], {
  noun: "an input type",
  field: "type",
});
export type ActionInput = z.output<typeof ActionInput>;
export type ActionInputInput = z.input<typeof ActionInput>;
