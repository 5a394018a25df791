/**
 * Port's two ways of writing JQ inside an action or automation:
 * - `{jqQuery: "<expression>"}`: a value Port computes when the form is shown or submitted
 *   (a default, an enum, whether an input is visible, a dataset rule's value ...);
 * - a template string with `{{ <expression> }}` segments, filled in when the action runs
 *   (invocation method URLs, bodies, mappings).
 * Both are compiled with the real jq at check time (see jq.ts and action-jq-fields.ts).
 */
import { z } from "zod";
import { closedObject } from "./closed";
import { describeKind, showValue } from "./messages";

/** `{jqQuery}`: the value is the result of this JQ expression, evaluated by Port over the form's context (`.form`, `.user`, `.entity`, ...). */
export const JqQuery = closedObject("a JQ query", {
  /** The JQ expression, e.g. `".user.email"` or `"[.user.teams[].name]"`. */
  jqQuery: z.string().refine((text) => text.trim() !== "", { message: 'is empty; write the JQ expression, e.g. ".user.email". Set the jqQuery.' }),
});
export type JqQuery = z.output<typeof JqQuery>;

/** A value of `schema`, or `{jqQuery}` computing it. */
export function orJqQuery<S extends z.ZodType>(schema: S, what: string) {
  return z.union([schema, JqQuery], {
    error: (issue) => {
      const input: unknown = issue.input;
      if (input !== null && typeof input === "object" && !Array.isArray(input)) return undefined;
      return `${showValue(input)} is ${describeKind(input)}; expected ${what} or {jqQuery: "<expression>"}. Fix the value.`;
    },
  });
}

/** A string that is exactly one `{{ expression }}` template (surrounding whitespace allowed). */
const WHOLE_TEMPLATE = /^\s*\{\{[\s\S]*\}\}\s*$/;

/**
 * A flag Port takes as a boolean or as a template computing it at run time, e.g.
 * `synchronized: "{{ .inputs.wait }}"`.
 */
export const BooleanOrTemplate = z.union([z.boolean(), z.string()]).superRefine((value, ctx) => {
  if (typeof value === "boolean" || WHOLE_TEMPLATE.test(value)) return;
  ctx.addIssue({ code: "custom", input: value, message: `${showValue(value)} is neither true, false nor a JQ template such as "{{ .inputs.wait }}". Fix the value.` });
});
export type BooleanOrTemplate = z.output<typeof BooleanOrTemplate>;

/** The text with every `{{ }}` segment replaced by `x`, to check what surrounds the templates. */
export function withoutTemplates(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}/g, "x");
}
