/**
 * A scorecard exactly as Port's JSON has it (port-api.md §5), plus the blueprint it belongs to
 * (the `{bp}` of `/v1/blueprints/{bp}/scorecards`), so one value identifies the scorecard as
 * `<blueprint>/<identifier>`. Port's rules that its JSON schema cannot say are checked here too:
 * the first level is the floor and carries no rules, every rule names an existing level, and
 * rule identifiers are unique.
 */
import { z } from "zod";
import { asRecord, closedObject, crossCheck, type CrossCheckProblem } from "../../core/schemas/closed";
import { BlueprintIdentifier, PortColor, PropertyIdentifier, ScorecardIdentifier } from "../../core/schemas/identifiers";
import { didYouMean, listValues } from "../../core/schemas/messages";
import { ScorecardQuery } from "./condition-schema";

/** A level (tier) of a scorecard: an entity reaches it when every rule of it and of the levels below passes. */
export const ScorecardLevel = closedObject("a scorecard level", {
  /** The level's name; rules refer to it in `level`. */
  title: z.string().min(1),
  /** One of Port's colours, shown on the level's badge. */
  color: PortColor,
});
export type ScorecardLevel = z.output<typeof ScorecardLevel>;

/** Port's levels when a scorecard declares none, lowest first. `Basic` is the floor every entity reaches. */
export const DEFAULT_SCORECARD_LEVELS: readonly ScorecardLevel[] = [
  { title: "Basic", color: "paleBlue" },
  { title: "Bronze", color: "bronze" },
  { title: "Silver", color: "silver" },
  { title: "Gold", color: "gold" },
];

/** One criterion of a scorecard: the entity passes it when `query` matches. */
export const ScorecardRule = closedObject("a scorecard rule", {
  /** Unique within the scorecard; see {@link PropertyIdentifier} (letters, digits and `@ _ = \ -`). */
  identifier: PropertyIdentifier,
  /** Display name, e.g. `"Has a README"`. */
  title: z.string().min(1),
  /** Free text explaining the rule and how to pass it. */
  description: z.string().optional(),
  /** The `title` of the level this rule is required for; not the first level. Without custom `levels`: `Bronze`, `Silver` or `Gold`. */
  level: z.string().min(1),
  /** When the entity passes: `{combinator, conditions}`. */
  query: ScorecardQuery,
});
export type ScorecardRule = z.output<typeof ScorecardRule>;

type Report = (problem: CrossCheckProblem) => void;

/** The level titles in force: the custom `levels` when given (and well formed enough to read), else Port's defaults. */
function levelTitles(levels: unknown): { titles: string[]; custom: boolean } {
  if (!Array.isArray(levels)) return { titles: DEFAULT_SCORECARD_LEVELS.map((level) => level.title), custom: false };
  return { titles: levels.map((level) => asRecord(level)?.title).filter((title): title is string => typeof title === "string"), custom: true };
}

function checkLevels(levels: unknown, report: Report): void {
  if (!Array.isArray(levels)) return;
  const seen = new Map<string, number>();
  levels.forEach((level, index) => {
    const title = asRecord(level)?.title;
    if (typeof title !== "string") return;
    const first = seen.get(title);
    if (first === undefined) seen.set(title, index);
    else {
      report({
        path: ["levels", index, "title"],
        input: title,
        message: `${JSON.stringify(title)} is also the title of levels[${first}]; level titles must be unique, since rules name their level by title. Rename one of them.`,
      });
    }
  });
}

function checkRuleLevel(level: unknown, index: number, levels: unknown, report: Report): void {
  if (typeof level !== "string" || level === "") return;
  const { titles, custom } = levelTitles(levels);
  if (titles.length === 0) return;
  const [floor, ...above] = titles;
  const path = ["rules", index, "level"];
  const useAbove = above.length === 0 ? "Add a level above it to levels" : above.length === 1 ? `Use ${above[0]}` : `Use one of ${listValues(above)}`;
  if (level === floor) {
    report({ path, input: level, message: `${JSON.stringify(level)} is the first level, which every entity reaches; a rule cannot require it. ${useAbove}.` });
  } else if (!titles.includes(level)) {
    const declare = custom ? `add ${JSON.stringify(level)} to levels` : `declare levels that include ${JSON.stringify(level)}`;
    report({
      path,
      input: level,
      message: `${JSON.stringify(level)} is not a level of this scorecard (levels: ${listValues(titles)}).${didYouMean(level, above)} ${useAbove}, or ${declare}.`,
    });
  }
}

function checkRules(rules: unknown, levels: unknown, report: Report): void {
  if (!Array.isArray(rules)) return;
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const record = asRecord(rule);
    checkRuleLevel(record?.level, index, levels, report);
    const identifier = record?.identifier;
    if (typeof identifier !== "string") return;
    const first = seen.get(identifier);
    if (first === undefined) seen.set(identifier, index);
    else {
      report({
        path: ["rules", index, "identifier"],
        input: identifier,
        message: `${JSON.stringify(identifier)} is also the identifier of rules[${first}]; rule identifiers must be unique within a scorecard. Rename one of them.`,
      });
    }
  });
}

/**
 * A scorecard: levels (tiers) and the rules an entity of `blueprint` must pass to reach each.
 * The exact JSON Port stores, except `blueprint`, which Port takes from the request path.
 */
export const ScorecardSpec = closedObject("a scorecard", {
  /** Unique per blueprint; see {@link ScorecardIdentifier}. Changing it replaces the scorecard. */
  identifier: ScorecardIdentifier,
  /** Display name, e.g. `"Production readiness"`. */
  title: z.string().min(1),
  /** The blueprint whose entities are scored (the path's `{bp}`). Changing it replaces the scorecard. */
  blueprint: BlueprintIdentifier,
  /** Score only the entities matching this query. Omitted: every entity of the blueprint. */
  filter: ScorecardQuery.optional(),
  /** Custom levels, lowest first; the first is the floor every entity reaches. Omitted: Port's Basic, Bronze, Silver, Gold. */
  levels: z.array(ScorecardLevel).min(1).optional(),
  /** The rules; Port ignores their order. */
  rules: z.array(ScorecardRule),
}).check(
  crossCheck((input, report) => {
    const spec = asRecord(input);
    if (spec === undefined) return;
    checkLevels(spec.levels, report);
    checkRules(spec.rules, spec.levels, report);
  }),
);
export type ScorecardSpec = z.output<typeof ScorecardSpec>;
export type ScorecardSpecInput = z.input<typeof ScorecardSpec>;
