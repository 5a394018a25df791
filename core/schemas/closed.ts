/**
 * Builders for Port's closed sets: objects with a fixed set of keys, enums, and unions
 * chosen by a discriminator key; and for open objects, whose other keys Port keeps but whose
 * near misses of a known key are typos. Each carries its own error text (what was given,
 * what is allowed, a likely typo fix), so a message never says only "Invalid input".
 */
import { z } from "zod";
import { didYouMean, listValues, quoteAll, showValue, closestMatch, oneEditApart } from "./messages";

/** How a closed enum or union names itself in messages: `"x" is not <noun>; ... Fix the <field>.` */
export interface ClosedSetText {
  /** With article: "a property type", "a Port color". */
  noun: string;
  /** The key being fixed: "type", "format". */
  field: string;
  /** Extra advice for a specific wrong value (e.g. a format that belongs to another type), as a sentence. */
  hint?: (input: unknown) => string | undefined;
}

function notAllowedMessage(input: unknown, values: readonly unknown[], text: ClosedSetText): string {
  if (input === undefined) {
    return `is required; allowed: ${listValues(values)}. Set the ${text.field}.`;
  }
  const hint = text.hint?.(input);
  const advice = hint === undefined ? didYouMean(input, values) : ` ${hint}`;
  return `${showValue(input)} is not ${text.noun}; allowed: ${listValues(values)}.${advice} Fix the ${text.field}.`;
}

/**
 * An object whose keys are exactly Port's keys (`.strict()`): a typo such as `"requried"`
 * fails with the key named, the allowed keys, and the closest one.
 * @param noun what the object is, with article ("a string property"), used in messages.
 */
export function closedObject<const S extends z.core.$ZodLooseShape>(noun: string, shape: S) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const keys = issue.keys;
      const hints = keys.map((key) => [key, closestMatch(key, allowed)] as const).filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
      const hint =
        hints.length === 0
          ? ""
          : keys.length === 1
            ? ` Did you mean ${JSON.stringify(hints[0][1])}?`
            : ` Did you mean ${hints.map(([key, match]) => `${JSON.stringify(match)} for ${JSON.stringify(key)}`).join(", ")}?`;
      const subject = keys.length === 1 ? `${quoteAll(keys)} is not a key of ${noun}` : `${quoteAll(keys)} are not keys of ${noun}`;
      return `${subject}; allowed: ${allowed.join(", ")}.${hint} Rename or remove ${keys.length === 1 ? "it" : "them"}.`;
    },
  });
}

/** What differs between the open objects of {@link openObject}. */
export interface OpenObjectOptions<C extends z.core.SomeType> {
  /**
   * Keys of sibling types, refused although they are no typos: `format` on a number property
   * belongs to a string property (pass the sibling shapes' keys, see {@link keysOf}).
   */
  others?: readonly string[];
  /** What Port does with keys other than the shape's, as a sentence ending a typo's message: default "Other keys are kept as they are." */
  note?: string;
  /** The schema of every other key's value: `z.unknown()` by default, `z.json()` where the value must be JSON. */
  catchall?: C;
}

/** Unknown keys shorter than this are never reported as typos: `"id"` is one edit from too many keys to mean any. */
const MIN_TYPO_LENGTH = 3;

/**
 * An object whose `shape` keys are typed and whose other keys pass through unchanged, because
 * Port keeps keys it does not publish (a JSON-schema keyword on a property, a page key of Port's
 * own, an integration's own selector key). A key one edit away from a known key (`"maximun"`,
 * `"Title"`) is still reported as the typo it almost certainly is, on the key's own path.
 * @param noun what the object is, with article ("a number property"), used in messages.
 */
export function openObject<const S extends z.core.$ZodLooseShape, C extends z.core.SomeType = z.ZodUnknown>(noun: string, shape: S, options: OpenObjectOptions<C> = {}) {
  const known = Object.keys(shape);
  const { others = [], note = "Other keys are kept as they are." } = options;
  const catchall = (options.catchall ?? z.unknown()) as C;
  return z
    .object(shape)
    .catchall(catchall)
    .check(
      crossCheck((input, report) => {
        for (const key of Object.keys(asRecord(input) ?? {})) {
          if (known.includes(key)) continue;
          const near = key.length < MIN_TYPO_LENGTH ? undefined : known.find((name) => oneEditApart(key, name));
          if (near !== undefined) {
            report({ path: [key], input: key, message: `${JSON.stringify(key)} is not a key of ${noun}; did you mean ${JSON.stringify(near)}? ${note} Rename it.` });
          } else if (others.includes(key)) {
            report({
              path: [key],
              input: key,
              message: `${JSON.stringify(key)} is a key of another type, not of ${noun} (its keys: ${known.join(", ")}). Remove it or change the type.`,
            });
          }
        }
      }),
    );
}

/** Every key of the given shapes, to pass as `others` to {@link openObject}. */
export function keysOf(...shapes: object[]): string[] {
  return [...new Set(shapes.flatMap((shape) => Object.keys(shape)))];
}

/** A closed enum whose error names the bad value, every allowed value, and the closest one. */
export function closedEnum<const T extends readonly [string, ...string[]]>(values: T, text: ClosedSetText) {
  return z.enum(values, {
    error: (issue) => (issue.code === "invalid_value" ? notAllowedMessage(issue.input, values, text) : undefined),
  });
}

/** Values a union option accepts for its discriminator key (read from the option's literal or enum). */
function discriminatorValues(option: unknown, discriminator: string): unknown[] {
  if (option instanceof z.ZodObject) {
    const field: unknown = option.shape[discriminator];
    if (field instanceof z.ZodLiteral) return [...field.values];
    if (field instanceof z.ZodEnum) return [...field.options];
    return [];
  }
  if (option instanceof z.ZodUnion) {
    return option.options.flatMap((inner: unknown) => discriminatorValues(inner, discriminator));
  }
  return [];
}

/**
 * A discriminated union (Port's `type`, `calculationBy`, `func` ...). An unknown or missing
 * discriminator fails on that key with every allowed value listed.
 */
export function closedUnion<const Disc extends string, const Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  discriminator: Disc,
  options: Options,
  text: ClosedSetText,
) {
  const allowed = [...new Set(options.flatMap((option) => discriminatorValues(option, discriminator)))];
  return z.discriminatedUnion(discriminator, options, {
    error: (issue) => {
      if (issue.code !== "invalid_union" || issue.note !== "No matching discriminator") return undefined;
      const input: unknown = issue.input;
      const given = input !== null && typeof input === "object" ? (input as Record<string, unknown>)[discriminator] : undefined;
      return notAllowedMessage(given, allowed, text);
    },
  });
}

/** A problem found by a {@link crossCheck}: where (relative to the checked value) and what. */
export interface CrossCheckProblem {
  /** Path of the offending value, relative to the checked value. */
  path: PropertyKey[];
  /** The complete message: what is wrong, what is allowed, how to fix it. */
  message: string;
  /** The offending value, shown by `problems.ts` when the caller asked for inputs. */
  input?: unknown;
}

/**
 * A check across fields (default within enum, required names a declared property, ...).
 * It runs even when other fields already failed, so all problems are reported in one run;
 * the value may therefore be partly invalid and `fn` must inspect it defensively.
 */
export function crossCheck<T>(fn: (value: unknown, report: (problem: CrossCheckProblem) => void) => void): z.core.$ZodCheck<T> {
  return z.core._check<T>(
    (payload) => {
      fn(payload.value, (problem) => {
        payload.issues.push({
          code: "custom",
          message: problem.message,
          path: problem.path,
          input: problem.input,
          continue: true,
        });
      });
    },
    { when: () => true },
  );
}

/** The value as a plain object, or undefined when it is not one (for defensive cross checks). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
