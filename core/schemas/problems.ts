/**
 * Turns zod issues into one-line messages for users, in the project's single style:
 * `Blueprint "service": field schema.properties.port.type: "strng" is not a property type;
 * allowed: string, number, boolean, object, array. Fix the type.`
 * (component, dotted field path, bad value, what is allowed, how to fix it).
 */
import { z } from "zod";
import { describeKind, didYouMean, listValues, quoteAll, showValue } from "./messages";

/** One problem in a spec: the dotted field path (empty for the whole value) and the full user message. */
export interface SchemaProblem {
  field: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

const zodEnglish = z.locales.en().localeError;

/**
 * Whether zod wrote this message itself (our schemas write their own). Zod's text is replaced
 * by ours; it is recognised by regenerating it, or by its shape when the input was not kept.
 */
function isZodDefaultMessage(issue: Issue): boolean {
  if (issue.message === "Invalid input") return true;
  if (issue.code === "invalid_type" && /^Invalid input: expected \S+, received \S+$/.test(issue.message)) return true;
  try {
    return zodEnglish(issue as z.core.$ZodRawIssue) === issue.message;
  } catch {
    return false;
  }
}

const NOUNS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "a boolean",
  object: "an object",
  record: "an object",
  array: "an array",
  null: "null",
  undefined: "nothing",
};

function noun(expected: string): string {
  return NOUNS[expected] ?? expected;
}

/** "1 item", "2 items". */
function items(count: number): string {
  return `${count} item${count === 1 ? "" : "s"}`;
}

/** "a, b or c". */
function either(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function hasInput(issue: Issue): boolean {
  return "input" in issue;
}

function lengthOf(input: unknown): number | undefined {
  if (typeof input === "string") return [...input].length;
  if (Array.isArray(input)) return input.length;
  return undefined;
}

/** Our wording for an issue whose message zod wrote. */
function renderDefault(issue: Issue): string {
  const known = hasInput(issue);
  const input: unknown = issue.input;
  const value = known ? showValue(input) : undefined;
  switch (issue.code) {
    case "invalid_type": {
      const missing = known ? input === undefined : /received undefined$/.test(issue.message);
      if (missing) return `is required but missing. Add ${noun(issue.expected)}.`;
      if (input === null) return `is null, expected ${noun(issue.expected)}. Set a value.`;
      if (known) return `${value} is ${describeKind(input)}, expected ${noun(issue.expected)}. Fix the value.`;
      return `expected ${noun(issue.expected)}. Fix the value.`;
    }
    case "invalid_value": {
      if (known && input === undefined) return `is required; allowed: ${listValues(issue.values)}. Set it.`;
      return `${value ?? "the value"} is not allowed; allowed: ${listValues(issue.values)}.${didYouMean(input, issue.values)} Fix the value.`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      const size = lengthOf(input);
      if (issue.origin === "string") {
        return `${value !== undefined && size !== undefined ? `${value} is ${size} characters long` : "it is too long"}; at most ${max} allowed. Shorten it.`;
      }
      if (issue.origin === "array")
        return `${size === undefined ? "has too many items" : `has ${items(size)}`}; at most ${max} allowed. Remove ${size !== undefined ? size - max : "some"}.`;
      return issue.inclusive ? `${value ?? "the value"} is greater than the maximum ${max}. Use ${max} or less.` : `${value ?? "the value"} must be less than ${max}. Lower it.`;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      const size = lengthOf(input);
      if (issue.origin === "string") {
        if (min <= 1) return "must not be empty. Set a value.";
        return `${value !== undefined && size !== undefined ? `${value} is ${size} characters long` : "it is too short"}; at least ${min} required. Lengthen it.`;
      }
      if (issue.origin === "array") {
        if (min <= 1) return "must not be empty. Add at least one item.";
        return `${size === undefined ? "has too few items" : `has ${items(size)}`}; at least ${min} required. Add more.`;
      }
      return issue.inclusive ? `${value ?? "the value"} is less than the minimum ${min}. Use ${min} or more.` : `${value ?? "the value"} must be greater than ${min}. Raise it.`;
    }
    case "invalid_format": {
      const subject = value ?? "the value";
      if (issue.format === "url") return `${subject} is not a valid URL. Use an absolute http(s) URL such as "https://example.com/hook".`;
      if (issue.format === "datetime") return `${subject} is not an ISO 8601 date-time. Use e.g. "2024-01-31T00:00:00Z".`;
      if (issue.format === "regex" && "pattern" in issue) return `${subject} does not match the pattern ${String(issue.pattern)}. Fix the value.`;
      return `${subject} is not a valid ${issue.format}. Fix the value.`;
    }
    case "not_multiple_of":
      return `${value ?? "the value"} is not a multiple of ${String(issue.divisor)}. Fix the value.`;
    case "unrecognized_keys":
      return `${quoteAll(issue.keys)} ${issue.keys.length === 1 ? "is not an allowed key" : "are not allowed keys"} here. Remove ${issue.keys.length === 1 ? "it" : "them"}.`;
    case "invalid_union":
      if ("discriminator" in issue && typeof issue.discriminator === "string") {
        // Zod reports this on the discriminator key, with the whole object as input.
        const given: unknown = known && input !== null && typeof input === "object" ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
        return `${given === undefined ? "is missing or" : `${showValue(given)} is`} not a known ${issue.discriminator}. Fix the ${issue.discriminator}.`;
      }
      return `${value ?? "the value"} does not match any allowed form. Fix the value.`;
    default:
      return issue.message;
  }
}

/** One message-ready problem: a leaf issue and where it is. */
interface Leaf {
  path: Path;
  issue?: Issue;
  /** Set instead of `issue` for text composed here (a union whose every branch rejected the value's type). */
  text?: string;
}

/** A union branch that failed only because the value has another JSON type: not the branch the user meant. */
function isTypeMismatch(branch: Issue[]): boolean {
  return branch.length === 1 && branch[0].code === "invalid_type" && branch[0].path.length === 0;
}

/**
 * Expands container issues into the issues users can act on: a union zod could not narrow
 * reports the branch that came closest (not every branch's complaints), and a bad record key
 * reports the key's own problem.
 */
function leaves(issues: Issue[], prefix: Path): Leaf[] {
  const out: Leaf[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_key") {
      out.push(...leaves(issue.issues, path));
    } else if (issue.code === "invalid_union" && issue.errors.length > 0 && isZodDefaultMessage(issue)) {
      const candidates = issue.errors.filter((branch) => !isTypeMismatch(branch));
      if (candidates.length === 0) {
        const expected = [...new Set(issue.errors.map((branch) => noun((branch[0] as z.core.$ZodIssueInvalidType).expected)))];
        const given = !hasInput(issue) ? "expected " : issue.input === null ? "is null, expected " : `${showValue(issue.input)} is ${describeKind(issue.input)}, expected `;
        out.push({ path, text: `${given}${either(expected)}. Fix the value.` });
      } else {
        const closest = candidates.reduce((best, branch) => (branch.length < best.length ? branch : best));
        out.push(...leaves(closest, path));
      }
    } else {
      out.push({ path, issue });
    }
  }
  return out;
}

/** `schema.properties.port.type`, `query.rules[0].value`, `relations["odd key"]`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z0-9@_=\\$-]+$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Every problem in `issues` as `{field, message}`, deduplicated, in document order. */
export function schemaProblems(kind: string, resourceName: string, issues: readonly Issue[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const leaf of leaves([...issues], [])) {
    const field = formatFieldPath(leaf.path);
    const text = leaf.text ?? (leaf.issue !== undefined && isZodDefaultMessage(leaf.issue) ? renderDefault(leaf.issue) : (leaf.issue?.message ?? ""));
    const message = `${kind} ${JSON.stringify(resourceName)}: ${field === "" ? "" : `field ${field}: `}${text}`;
    if (seen.has(message)) continue;
    seen.add(message);
    problems.push({ field, message });
  }
  return problems;
}

/**
 * One line per problem, e.g. `Blueprint "service": field schema.required[0]: "ownr" is not
 * declared in schema.properties (declared: owner). Did you mean "owner"? ...`.
 * Values are shown when the error was produced with `{ reportInput: true }` (as {@link validateSpec} does).
 */
export function formatSchemaProblems(resourceName: string, kind: string, error: z.ZodError): string[] {
  return schemaProblems(kind, resourceName, error.issues).map((problem) => problem.message);
}

/**
 * Validates `value` against `schema` and reports ALL problems at once (not just the first),
 * each with its field path and a full message naming `kind` and `name`.
 */
export function validateSpec<S extends z.ZodTypeAny>(
  schema: S,
  kind: string,
  name: string,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problems: SchemaProblem[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: schemaProblems(kind, name, result.error.issues) };
}
