/**
 * Checks across the keys of a value definition shared by blueprint properties and action inputs:
 * enum colors name enum values, the default is one of the enum, min is not above max, the pattern
 * compiles. They read the value defensively (they also run when other keys already failed) and
 * skip what is computed by `{jqQuery}`.
 */
import { asRecord, type CrossCheckProblem } from "./closed";
import { closestMatch, didYouMean, listValues, showValue } from "./messages";

export type Report = (problem: CrossCheckProblem) => void;

/** Every `enumColors` key must be one of `enum` (skipped when the enum is computed by `{jqQuery}`). */
export function checkEnumColors(value: Record<string, unknown>, report: Report, base: PropertyKey[] = []): void {
  const colors = asRecord(value.enumColors);
  if (colors === undefined || asRecord(value.enum) !== undefined) return;
  const values = Array.isArray(value.enum) ? value.enum : undefined;
  const names = values?.map((v) => String(v)) ?? [];
  for (const key of Object.keys(colors)) {
    if (values === undefined) {
      report({
        path: [...base, "enumColors", key],
        input: key,
        message: `${JSON.stringify(key)} colors an enum value, but no enum is declared; enumColors keys must be enum values. Add enum or remove enumColors.`,
      });
    } else if (!names.includes(key)) {
      report({
        path: [...base, "enumColors", key],
        input: key,
        message: `${JSON.stringify(key)} is not in enum (${listValues(values)}); every enumColors key must be an enum value.${didYouMean(key, names)} Fix the key or add it to enum.`,
      });
    }
  }
}

/** A default (or one default element) must be one of a literal `enum`. */
export function checkInEnum(candidate: unknown, values: unknown, path: PropertyKey[], report: Report, what = "the default"): void {
  if (!Array.isArray(values) || candidate === undefined || asRecord(candidate) !== undefined) return;
  if (values.some((v) => v === candidate)) return;
  const closest = closestMatch(candidate, values);
  report({
    path,
    input: candidate,
    message: `${showValue(candidate)} is not in enum (${listValues(values)}); ${what} must be one of the enum values.${closest === undefined ? "" : ` Did you mean ${showValue(closest)}?`} Change ${what} or add it to enum.`,
  });
}

/** `min` must not exceed `max` when both are plain numbers. */
export function checkRange(value: Record<string, unknown>, minKey: string, maxKey: string, report: Report): void {
  const min = value[minKey];
  const max = value[maxKey];
  if (typeof min !== "number" || typeof max !== "number" || min <= max) return;
  report({
    path: [minKey],
    input: min,
    message: `${minKey} ${min} is greater than ${maxKey} ${max}, so no value could satisfy both. Lower ${minKey} or raise ${maxKey}.`,
  });
}

/** A literal `pattern` must compile as a regular expression. */
export function checkPattern(value: Record<string, unknown>, report: Report): void {
  const pattern = value.pattern;
  if (typeof pattern !== "string") return;
  try {
    new RegExp(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "") : String(error);
    report({ path: ["pattern"], input: pattern, message: `${showValue(pattern)} is not a valid regular expression (${reason}). Fix the pattern.` });
  }
}

/** A string's validations: `pattern` compiles, `minLength` does not exceed `maxLength`. */
export function checkStringValidations(value: Record<string, unknown>, report: Report): void {
  checkPattern(value, report);
  checkRange(value, "minLength", "maxLength", report);
}

/** A number's bounds: `minimum` does not exceed `maximum`, nor `exclusiveMinimum` `exclusiveMaximum`. */
export function checkNumberValidations(value: Record<string, unknown>, report: Report): void {
  checkRange(value, "minimum", "maximum", report);
  checkRange(value, "exclusiveMinimum", "exclusiveMaximum", report);
}

/** Each key of an object's `patternProperties` is a regular expression that must compile. */
export function checkPatternKeys(value: Record<string, unknown>, report: Report): void {
  for (const key of Object.keys(asRecord(value.patternProperties) ?? {})) {
    checkPattern({ pattern: key }, (problem) => report({ ...problem, path: ["patternProperties", key] }));
  }
}
