/** Small field checks shared by the blueprint and entity validators; each records into Problems. */
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

export interface StringRule {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  allowed?: string[];
}

/** Returns true when the value is present and valid. */
export function checkString(problems: Problems, path: string, value: unknown, rule: StringRule = {}): boolean {
  if (value === undefined) {
    if (rule.required) problems.add(path, "is required");
    return false;
  }
  if (typeof value !== "string") {
    problems.add(path, `must be string (got ${jsonType(value)})`);
    return false;
  }
  const before = problems.list.length;
  if (rule.minLength !== undefined && [...value].length < rule.minLength) {
    problems.add(path, `must NOT have fewer than ${rule.minLength} characters`);
  }
  if (rule.maxLength !== undefined && [...value].length > rule.maxLength) {
    problems.add(path, `must NOT have more than ${rule.maxLength} characters`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    problems.add(path, `must match pattern "${rule.pattern.source}" (got ${JSON.stringify(value)})`);
  }
  if (rule.allowed && !rule.allowed.includes(value)) {
    problems.add(path, `must be equal to one of the allowed values (got ${JSON.stringify(value)})`, rule.allowed);
  }
  return problems.list.length === before;
}

export function checkBoolean(problems: Problems, path: string, value: unknown, required = false): void {
  if (value === undefined) {
    if (required) problems.add(path, "is required");
  } else if (typeof value !== "boolean") {
    problems.add(path, `must be boolean (got ${jsonType(value)})`);
  }
}

/** Returns the object when present and an object, so callers can descend into it. */
export function checkObject(problems: Problems, path: string, value: unknown, required = false): Record<string, unknown> | undefined {
  if (value === undefined) {
    if (required) problems.add(path, "is required");
    return undefined;
  }
  if (!isPlainObject(value)) {
    problems.add(path, `must be object (got ${jsonType(value)})`);
    return undefined;
  }
  return value;
}

/** Refuses keys outside `allowed` (Port's `additionalProperties: false`). */
export function checkNoExtraKeys(problems: Problems, path: string, value: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.add(pointer(path, key), `must NOT be present (allowed keys: ${allowed.join(", ")})`);
    }
  }
}

/** Colour maps (enumColors, calculation `colors`): every value must be one of Port's colours. */
export function checkColorMap(problems: Problems, path: string, value: unknown, colors: string[]): void {
  const map = checkObject(problems, path, value);
  if (!map) return;
  for (const [key, color] of Object.entries(map)) {
    checkString(problems, pointer(path, key), color, { required: true, allowed: colors });
  }
}
