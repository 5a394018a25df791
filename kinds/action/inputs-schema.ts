/**
 * A self-service action's `userInputs`: the form users fill in. The inputs themselves are typed in
 * action-input.ts; this is the form around them: which are required, their order or steps (pages
 * of the form), and section titles. Every name these lists use must be a declared input.
 */
import { z } from "zod";
import { asRecord, closedObject, crossCheck } from "../../core/schemas/closed";
import { ActionInput } from "./input-schema";
import { PropertyIdentifier } from "../../core/schemas/identifiers";
import { JqQuery, orJqQuery } from "../../core/schemas/jq-query";
import { didYouMean, listValues } from "../../core/schemas/messages";
import { formatFieldPath } from "../../core/schemas/problems";
import type { Report } from "./input-checks";

/** A section title shown between inputs, placed by naming its key in `order` or a step's `order`. */
export const ActionInputTitle = closedObject("an input title", {
  /** The heading text, 1–140 characters. */
  title: z.string().min(1).max(140),
  /** Text under the heading, at most 1000 characters. */
  description: z.string().max(1000).optional(),
  /** Whether the heading is shown: a boolean or `{jqQuery}`. Default true. */
  visible: orJqQuery(z.boolean(), "a boolean").optional(),
});
export type ActionInputTitle = z.output<typeof ActionInputTitle>;

/** One page of a multi-step form. */
export const ActionInputStep = closedObject("a form step", {
  /** The step's name in the form's progress bar, 1–25 characters. */
  title: z.string().min(1).max(25),
  /** The inputs (and titles) on this page, in display order. Omitted: an empty page (apispec.yaml requires only the title). */
  order: z.array(z.string().min(1)).optional(),
  /** Whether the step is shown: a boolean or `{jqQuery}`. Default true. */
  visible: orJqQuery(z.boolean(), "a boolean").optional(),
});
export type ActionInputStep = z.output<typeof ActionInputStep>;

/** Every name in `names` (at `path`) must be one of `known`, and appear once. */
function checkNames(names: unknown, path: PropertyKey[], known: string[], what: string, report: Report, seen = new Map<string, string>()): void {
  if (!Array.isArray(names)) return;
  names.forEach((name, index) => {
    if (typeof name !== "string") return;
    const where = [...path, index];
    const place = formatFieldPath(where);
    if (!known.includes(name)) {
      const list = known.length === 0 ? "none are declared" : `declared: ${listValues(known)}`;
      report({ path: where, input: name, message: `${JSON.stringify(name)} is not ${what} (${list}).${didYouMean(name, known)} Fix the name or declare it.` });
    } else if (seen.has(name)) {
      report({ path: where, input: name, message: `${JSON.stringify(name)} is listed again (already at ${seen.get(name)}); each input appears once. Remove one.` });
    } else {
      seen.set(name, place);
    }
  });
}

function checkUserInputs(input: unknown, report: Report): void {
  const value = asRecord(input);
  if (value === undefined) return;
  const inputs = Object.keys(asRecord(value.properties) ?? {});
  const placeable = [...inputs, ...Object.keys(asRecord(value.titles) ?? {})];

  checkNames(value.required, ["required"], inputs, "a declared input", report);
  if (value.order !== undefined && value.steps !== undefined) {
    report({ path: ["steps"], input: value.steps, message: "is set together with order; a form is ordered either by order (one page) or by steps (several pages). Keep one." });
  }
  checkNames(value.order, ["order"], placeable, "a declared input or title", report);
  if (Array.isArray(value.steps)) {
    const seen = new Map<string, string>();
    value.steps.forEach((step, index) => checkNames(asRecord(step)?.order, ["steps", index, "order"], placeable, "a declared input or title", report, seen));
  }
  for (const [key, definition] of Object.entries(asRecord(value.properties) ?? {})) {
    const dependsOn = asRecord(definition)?.dependsOn;
    if (!Array.isArray(dependsOn)) continue;
    dependsOn.forEach((name, index) => {
      if (typeof name !== "string") return;
      const others = inputs.filter((other) => other !== key);
      const path = ["properties", key, "dependsOn", index];
      if (name === key) {
        report({ path, input: name, message: `${JSON.stringify(name)} is the input itself; dependsOn names other inputs this one waits for. Remove it.` });
      } else if (!others.includes(name)) {
        report({
          path,
          input: name,
          message: `${JSON.stringify(name)} is not a declared input (${others.length === 0 ? "no other inputs are declared" : `declared: ${listValues(others)}`}).${didYouMean(name, others)} Fix the name or declare the input.`,
        });
      }
    });
  }
}

/**
 * The form of a self-service action: `properties` (the inputs, keyed by the name the backend
 * receives under `.inputs`), `required`, and either `order` or `steps`, plus section `titles`.
 */
export const ActionUserInputs = closedObject("userInputs", {
  /** The inputs, keyed by input identifier. Default `{}` (no form). */
  properties: z.record(PropertyIdentifier, ActionInput).default({}),
  /** Keys of inputs that must be filled, or `{jqQuery}` computing that list from the form. Omitted: none. */
  required: z.union([z.array(PropertyIdentifier), JqQuery]).optional(),
  /** Display order of inputs and titles on a one-page form. Omitted: declaration order. */
  order: z.array(z.string().min(1)).optional(),
  /** Pages of the form, each with its own order (instead of `order`). */
  steps: z.array(ActionInputStep).min(1).optional(),
  /** Section headings, keyed by the name used in `order` / `steps`. */
  titles: z.record(PropertyIdentifier, ActionInputTitle).optional(),
}).check(crossCheck(checkUserInputs));
export type ActionUserInputs = z.output<typeof ActionUserInputs>;
export type ActionUserInputsInput = z.input<typeof ActionUserInputs>;
