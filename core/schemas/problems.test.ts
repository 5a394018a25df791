import { z } from "zod";
import { BlueprintSpec } from "../../kinds/blueprint/schema";
import { formatFieldPath, formatSchemaProblems, validateSpec } from "./problems";

describe("validateSpec", () => {
  it("returns the parsed value, with defaults applied, when valid", () => {
    const result = validateSpec(BlueprintSpec, "Blueprint", "service", { identifier: "service", title: "Service", relations: { system: { target: "system" } } });
    expect(result).toEqual({
      ok: true,
      value: { identifier: "service", title: "Service", schema: { properties: {} }, relations: { system: { target: "system", required: false, many: false } } },
    });
  });

  it("reports every problem with its dotted field path", () => {
    const result = validateSpec(BlueprintSpec, "Blueprint", "service", {
      identifier: "service",
      title: 7,
      schema: { properties: { port: { type: "number", minimum: "1" } }, required: ["missing"] },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: "title", message: 'Blueprint "service": field title: 7 is a number, expected a string. Fix the value.' },
        { field: "schema.properties.port.minimum", message: 'Blueprint "service": field schema.properties.port.minimum: "1" is a string, expected a number. Fix the value.' },
        {
          field: "schema.required[0]",
          message:
            'Blueprint "service": field schema.required[0]: "missing" is not declared in schema.properties (declared: port). Declare the property or remove it from required.',
        },
      ],
    });
  });

  it("gives a whole-value problem an empty field and no field clause", () => {
    expect(validateSpec(BlueprintSpec, "Blueprint", "svc", null)).toEqual({
      ok: false,
      problems: [{ field: "", message: 'Blueprint "svc": is null, expected an object. Set a value.' }],
    });
  });

  it("rewrites zod's own messages for schemas written elsewhere", () => {
    const schema = z.strictObject({ name: z.string().max(3), count: z.int().min(1), tags: z.array(z.string()).min(2), site: z.url() });
    const result = validateSpec(schema, "Widget", "w", { name: "abcdef", count: 0, tags: ["a"], site: "nope", extra: 1 });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'Widget "w": field name: "abcdef" is 6 characters long; at most 3 allowed. Shorten it.',
      'Widget "w": field count: 0 is less than the minimum 1. Use 1 or more.',
      'Widget "w": field tags: has 1 item; at least 2 required. Add more.',
      'Widget "w": field site: "nope" is not a valid URL. Use an absolute http(s) URL such as "https://example.com/hook".',
      'Widget "w": "extra" is not an allowed key here. Remove it.',
    ]);
  });

  it("reports the closest branch of a union rather than every branch", () => {
    const schema = z.object({ target: z.union([z.string(), z.object({ id: z.string(), kind: z.enum(["a", "b"]) })]) });
    const result = validateSpec(schema, "Thing", "t", { target: { id: "x", kind: "c" } });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual(['Thing "t": field target.kind: "c" is not allowed; allowed: a, b. Fix the value.']);
  });

  it("says which types a union accepts when the value has none of them", () => {
    const schema = z.object({ value: z.union([z.string(), z.number()]) });
    const result = validateSpec(schema, "Thing", "t", { value: [1] });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual(['Thing "t": field value: [1] is an array, expected a string or a number. Fix the value.']);
  });
});

describe("formatSchemaProblems", () => {
  it("formats an error from a plain safeParse: component, field, what is wrong, the fix", () => {
    const result = BlueprintSpec.safeParse({ identifier: "service", title: "Service", schema: { properties: { port: { type: "strng" } } } });
    expect(result.success).toBe(false);
    expect(formatSchemaProblems("service", "Blueprint", result.error!)).toEqual([
      'Blueprint "service": field schema.properties.port.type: "strng" is not a property type; allowed: string, number, boolean, object, array. Did you mean "string"? Fix the type.',
    ]);
  });

  it("still says what is expected when the error does not carry the input", () => {
    const result = BlueprintSpec.safeParse({ title: "Service", description: 5 });
    expect(formatSchemaProblems("service", "Blueprint", result.error!)).toEqual([
      'Blueprint "service": field identifier: is required but missing. Add a string.',
      'Blueprint "service": field description: expected a string. Fix the value.',
    ]);
  });

  it("shows the value when the error carries the input", () => {
    const result = BlueprintSpec.safeParse({ identifier: "service", title: "Service", description: 5 }, { reportInput: true });
    expect(formatSchemaProblems("service", "Blueprint", result.error!)).toEqual(['Blueprint "service": field description: 5 is a number, expected a string. Fix the value.']);
  });
});

describe("formatFieldPath", () => {
  it("joins keys with dots, indexes with brackets, and quotes keys that are not identifiers", () => {
    expect(formatFieldPath(["schema", "properties", "port", "type"])).toBe("schema.properties.port.type");
    expect(formatFieldPath(["query", "rules", 0, "rules", 2, "value"])).toBe("query.rules[0].rules[2].value");
    expect(formatFieldPath(["schema", "properties", "on call"])).toBe('schema.properties["on call"]');
    expect(formatFieldPath(["mirror", "$title"])).toBe("mirror.$title");
    expect(formatFieldPath([])).toBe("");
  });
});
