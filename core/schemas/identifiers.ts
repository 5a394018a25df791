/**
 * Port's identifier patterns and lengths (port-api.md §0, from Port's OpenAPI spec) as
 * reusable schemas. A failing value gets a message that says what Port allows, what is
 * wrong with this value, and a corrected value to use instead.
 */
import { z } from "zod";
import { closedEnum } from "./closed";

/**
 * Port's patterns, verbatim from its OpenAPI spec. `\p{L}` is any Unicode letter (hence the
 * `u` flag); the look-ahead forbids the names `.` and `..`. Inside the brackets `\\` is a
 * literal backslash, which Port's spec therefore allows.
 */
export const PORT_IDENTIFIER_PATTERNS = {
  blueprint: new RegExp("^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/-]+$", "u"),
  entity: new RegExp("^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$", "u"),
  /** Actions and automations (same `/v1/actions` API). */
  action: new RegExp("^(?!\\.{1,2}$)[\\p{L}0-9@_.+:=-]+$", "u"),
  /** Same as the entity pattern. */
  scorecard: new RegExp("^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$", "u"),
  /** Property, relation, mirror, calculation and aggregation identifiers, scorecard rule ids, action input keys. */
  property: new RegExp("^[A-Za-z0-9@_=\\\\-]+$"),
  team: new RegExp("^[^;#/\\?\\s][^;#/\\?]*[^;#/\\?\\s]$"),
} as const;

/** Longest identifier Port accepts, per kind (none for actions in Port's spec). */
export const PORT_IDENTIFIER_MAX_LENGTH = {
  blueprint: 100,
  entity: 1000,
  scorecard: 100,
  property: 100,
} as const;

/** How one identifier kind is checked and described. */
interface IdentifierRule {
  /** "blueprint identifier", used as `Port's <name> pattern`. */
  name: string;
  /** Port's full pattern: the authority on validity. */
  pattern: RegExp;
  /** One allowed character. */
  char: RegExp;
  /** Human wording of the allowed characters. */
  allowed: string;
  maxLength?: number;
  /** A valid example, offered when the value is empty or reserved. */
  example: string;
}

function describeChar(char: string): string {
  if (char === " ") return "a space";
  if (char === "\t") return "a tab";
  if (char === "\n" || char === "\r") return "a line break";
  if (/\s/u.test(char)) return "a whitespace character";
  return JSON.stringify(char);
}

/** Replaces every run of disallowed characters with "_" (accents dropped first: "café" → "cafe"). */
function sanitize(value: string, rule: IdentifierRule): string {
  const plain = rule.char.test("é") ? value : value.normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  let inRun = false;
  for (const char of plain.trim()) {
    if (rule.char.test(char)) {
      out += char;
      inRun = false;
    } else if (!inRun) {
      out += "_";
      inRun = true;
    }
  }
  if (out === "" || out === "." || out === "..") out = rule.example;
  return rule.maxLength === undefined ? out : out.slice(0, rule.maxLength);
}

/** What is wrong with `value` under `rule`, with a fix, or undefined when it is valid. */
function diagnose(value: string, rule: IdentifierRule): string | undefined {
  if (value.length === 0) return `it is empty: use an identifier such as ${JSON.stringify(rule.example)}`;
  if (value === "." || value === "..") {
    return `${JSON.stringify(value)} alone is reserved: use an identifier such as ${JSON.stringify(rule.example)}`;
  }
  const bad = [...new Set([...value].filter((char) => !rule.char.test(char)))];
  if (bad.length > 0) {
    const shown = bad.slice(0, 3).map(describeChar);
    const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
    return `${JSON.stringify(value)} contains ${list}: use ${JSON.stringify(sanitize(value, rule))}`;
  }
  const length = [...value].length;
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    return `it is ${length} characters long: shorten it to at most ${rule.maxLength}`;
  }
  return undefined;
}

function identifierSchema(rule: IdentifierRule) {
  const limits = rule.maxLength === undefined ? "" : `, at most ${rule.maxLength} characters`;
  const requirement = `must match Port's ${rule.name} pattern (${rule.allowed}${limits})`;
  return z.string().superRefine((value, ctx) => {
    const fits = rule.maxLength === undefined || [...value].length <= rule.maxLength;
    if (fits && rule.pattern.test(value)) return;
    const problem = diagnose(value, rule) ?? `${JSON.stringify(value)} does not match it`;
    ctx.addIssue({ code: "custom", message: `${requirement}; ${problem}.`, input: value });
  });
}

/** A blueprint `identifier`: letters, digits and `@ _ . + : \ / -`, at most 100 characters, not `.` or `..`. */
export const BlueprintIdentifier = identifierSchema({
  name: "blueprint identifier",
  pattern: PORT_IDENTIFIER_PATTERNS.blueprint,
  char: /^[\p{L}0-9@_.+:\\/-]$/u,
  allowed: "letters, digits and @ _ . + : \\ / -, no spaces",
  maxLength: PORT_IDENTIFIER_MAX_LENGTH.blueprint,
  example: "service",
});
export type BlueprintIdentifier = z.output<typeof BlueprintIdentifier>;

/** An entity `identifier`: letters, digits and `@ _ . + : \ / = -`, at most 1000 characters, not `.` or `..`. */
export const EntityIdentifier = identifierSchema({
  name: "entity identifier",
  pattern: PORT_IDENTIFIER_PATTERNS.entity,
  char: /^[\p{L}0-9@_.+:\\/=-]$/u,
  allowed: "letters, digits and @ _ . + : \\ / = -, no spaces",
  maxLength: PORT_IDENTIFIER_MAX_LENGTH.entity,
  example: "my-service",
});
export type EntityIdentifier = z.output<typeof EntityIdentifier>;

/** An action or automation `identifier`: letters, digits and `@ _ . + : = -` (no `/`), not `.` or `..`. */
export const ActionIdentifier = identifierSchema({
  name: "action identifier",
  pattern: PORT_IDENTIFIER_PATTERNS.action,
  char: /^[\p{L}0-9@_.+:=-]$/u,
  allowed: "letters, digits and @ _ . + : = -, no spaces or slashes",
  example: "deploy_service",
});
export type ActionIdentifier = z.output<typeof ActionIdentifier>;

/** A scorecard `identifier`: the entity pattern, at most 100 characters. */
export const ScorecardIdentifier = identifierSchema({
  name: "scorecard identifier",
  pattern: PORT_IDENTIFIER_PATTERNS.scorecard,
  char: /^[\p{L}0-9@_.+:\\/=-]$/u,
  allowed: "letters, digits and @ _ . + : \\ / = -, no spaces",
  maxLength: PORT_IDENTIFIER_MAX_LENGTH.scorecard,
  example: "production_readiness",
});
export type ScorecardIdentifier = z.output<typeof ScorecardIdentifier>;

/**
 * The identifier of a property, relation, mirror / calculation / aggregation property,
 * scorecard rule or action input: ASCII letters, digits and `@ _ = \ -`, at most 100
 * characters (no dots: dots separate relations in paths such as `service.language`).
 */
export const PropertyIdentifier = identifierSchema({
  name: "property identifier",
  pattern: PORT_IDENTIFIER_PATTERNS.property,
  char: /^[A-Za-z0-9@_=\\-]$/,
  allowed: "letters A-Z a-z, digits and @ _ = \\ -, no spaces or dots",
  maxLength: PORT_IDENTIFIER_MAX_LENGTH.property,
  example: "my_property",
});
export type PropertyIdentifier = z.output<typeof PropertyIdentifier>;

/**
 * A team `name` (teams are addressed by name): at least 2 characters, none of `; # / ?`,
 * no whitespace at either end.
 */
export const TeamName = z.string().superRefine((value, ctx) => {
  if (PORT_IDENTIFIER_PATTERNS.team.test(value)) return;
  const requirement = "must match Port's team name pattern (at least 2 characters, none of ; # / ?, no whitespace at either end)";
  const forbidden = [...new Set([...value].filter((char) => ";#/?".includes(char)))];
  const fixed = value.replace(/[;#/?]+/g, "-").trim();
  let problem: string;
  if (forbidden.length > 0) problem = `${JSON.stringify(value)} contains ${forbidden.map(describeChar).join(", ")}: use ${JSON.stringify(fixed)}`;
  else if (value !== value.trim()) problem = `${JSON.stringify(value)} starts or ends with whitespace: use ${JSON.stringify(fixed)}`;
  else problem = `${JSON.stringify(value)} is too short: use at least 2 characters, such as "platform"`;
  ctx.addIssue({ code: "custom", message: `${requirement}; ${problem}.`, input: value });
});
export type TeamName = z.output<typeof TeamName>;

/** Port's colour names, used by `enumColors`, calculation `colors` and scorecard levels. */
export const PORT_COLORS = [
  "blue",
  "turquoise",
  "orange",
  "purple",
  "pink",
  "yellow",
  "green",
  "red",
  "gold",
  "silver",
  "paleBlue",
  "darkGray",
  "lightGray",
  "bronze",
  "lime",
  "olive",
  "brown",
] as const;

/** One of Port's colour names (see {@link PORT_COLORS}). */
export const PortColor = closedEnum(PORT_COLORS, { noun: "a Port color", field: "color" });
export type PortColor = z.output<typeof PortColor>;
