import { z } from "zod";
import { keysOf, openObject } from "./closed";
import { oneEditApart } from "./messages";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const stringKeys = { type: z.literal("string"), title: z.string().optional(), format: z.string().optional() };
const numberKeys = { type: z.literal("number"), title: z.string().optional(), minimum: z.number().optional() };
/** A string definition that keeps other keys but refuses a number's `minimum`. */
const StringDefinition = openObject("a string definition", stringKeys, { others: keysOf(stringKeys, numberKeys) });
const problems = (schema: z.ZodType, value: unknown) => problemMessages(schema, value, "Test", "value");
const AT = 'Test "value": field';

describe("oneEditApart", () => {
  it.each([
    ["insertion", "titlle", "title"],
    ["deletion", "titl", "title"],
    ["substitution", "titel", "title"],
    ["swap of neighbours", "ttile", "title"],
    ["letter case", "Title", "title"],
    ["letter case and one edit", "TITEL", "title"],
  ])("holds for a %s", (_, a, b) => {
    expect([oneEditApart(a, b), oneEditApart(b, a)]).toEqual([true, true]);
  });

  it.each([
    ["identical keys", "title", "title"],
    ["two edits", "tilte2", "title"],
    ["two characters more", "titlexx", "title"],
    ["different keys", "query_params", "query"],
  ])("does not hold for %s", (_, a, b) => {
    expect(oneEditApart(a, b)).toBe(false);
  });
});

describe("openObject", () => {
  it("checks the typed keys", () => {
    expect(problems(StringDefinition, { type: "string", title: 3 })).toEqual([`${AT} title: 3 is a number, expected a string. Fix the value.`]);
  });

  it("keeps unknown keys unchanged", () => {
    const value = { type: "string", title: "Name", examples: ["a"], "x-origin": { by: "template" } };
    expect(parseValid(StringDefinition, value)).toEqual(value);
  });

  it("reports a key one edit away from a known key on its own path, with the key it resembles", () => {
    expect(problems(StringDefinition, { type: "string", formta: "url", Title: "Name" })).toEqual([
      `${AT} formta: "formta" is not a key of a string definition; did you mean "format"? Other keys are kept as they are. Rename it.`,
      `${AT} Title: "Title" is not a key of a string definition; did you mean "title"? Other keys are kept as they are. Rename it.`,
    ]);
  });

  it("refuses a key of a sibling type given in others, listing the object's own keys", () => {
    expect(problems(StringDefinition, { type: "string", minimum: 1 })).toEqual([
      `${AT} minimum: "minimum" is a key of another type, not of a string definition (its keys: type, title, format). Remove it or change the type.`,
    ]);
  });

  it("does not report unknown keys under three characters, which resemble too many keys", () => {
    const Widget = openObject("a widget", { id: z.string(), type: z.string() });
    expect(parseValid(Widget, { id: "w", type: "markdown", Id: "x", ip: "y" })).toEqual({ id: "w", type: "markdown", Id: "x", ip: "y" });
    expect(problems(Widget, { id: "w", type: "markdown", tpe: "x" })).toEqual([
      `${AT} tpe: "tpe" is not a key of a widget; did you mean "type"? Other keys are kept as they are. Rename it.`,
    ]);
  });

  it("ends a typo's message with the note, and checks other keys' values with the catchall", () => {
    const Selector = openObject("a selector", { query: z.string() }, { note: "Other keys are passed to the integration as they are.", catchall: z.string() });
    expect(problems(Selector, { query: "true", qurey: "x", data_path: 3 })).toEqual([
      `${AT} data_path: 3 is a number, expected a string. Fix the value.`,
      `${AT} qurey: "qurey" is not a key of a selector; did you mean "query"? Other keys are passed to the integration as they are. Rename it.`,
    ]);
  });
});
