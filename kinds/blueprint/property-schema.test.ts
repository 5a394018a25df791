import { BlueprintProperty, type BlueprintPropertyInput, OBJECT_PROPERTY_FORMATS, STRING_PROPERTY_FORMATS, SpecAuthentication } from "./property-schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const NUMBER_KEYS = "type, title, description, icon, enum, enumColors, default, minimum, maximum, exclusiveMinimum, exclusiveMaximum";

/** Messages for one property, as the "service" blueprint would report them (paths relative to the property). */
const propertyProblems = (property: unknown) => problemMessages(BlueprintProperty, property);

describe("BlueprintProperty", () => {
  describe("accepts every type, unchanged", () => {
    const properties: Record<string, BlueprintPropertyInput> = {
      "plain string": { type: "string", title: "Name", description: "Display name", icon: "DefaultProperty" },
      "string with validations": { type: "string", pattern: "^[a-z]+$", minLength: 1, maxLength: 20, default: "abc" },
      "string enum with colours and default": { type: "string", enum: ["prod", "staging"], enumColors: { prod: "red", staging: "yellow" }, default: "staging" },
      "string open-api spec url": { type: "string", format: "url", spec: "open-api" },
      "string embedded-url with authentication": {
        type: "string",
        format: "url",
        spec: "embedded-url",
        specAuthentication: {
          clientId: "abc",
          authorizationUrl: "https://idp.example.com/authorize",
          tokenUrl: "https://idp.example.com/token",
          authorizationScope: ["openid", "profile"],
        },
      },
      number: { type: "number", minimum: 0, maximum: 10, default: 3 },
      "number enum with colours": { type: "number", enum: [1, 2, 3], enumColors: { "1": "green", "3": "red" }, default: 2 },
      boolean: { type: "boolean", default: true },
      object: { type: "object", default: { a: 1 } },
      "object open-api spec": { type: "object", spec: "open-api" },
      "object async-api spec": { type: "object", spec: "async-api" },
      "object labeled-url": { type: "object", format: "labeled-url", title: "Docs" },
      "array of any": { type: "array", default: [1, "a"], minItems: 0, maxItems: 5, uniqueItems: true },
      "array of string enum": { type: "array", items: { type: "string", enum: ["a", "b"], enumColors: { a: "blue" } }, default: ["a"] },
      "array of urls": { type: "array", items: { type: "string", format: "url" } },
      "array of numbers": { type: "array", items: { type: "number", enum: [1, 2] }, default: [2, 1] },
      "array of booleans": { type: "array", items: { type: "boolean" }, default: [true] },
      "array of labeled urls": { type: "array", items: { type: "object", format: "labeled-url" } },
      "string shown as a 24-hour date-time": { type: "string", format: "date-time", dateFormat: "24-hour" },
      "number with exclusive bounds": { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 100 },
      "object with JSON-schema validations": {
        type: "object",
        properties: { replicas: { type: "number" }, region: { type: "string", enum: ["eu", "us"] } },
        required: ["replicas"],
        patternProperties: { "^label_": { type: "string" } },
        additionalProperties: false,
      },
      "object whose other keys must be numbers": { type: "object", additionalProperties: { type: "number" } },
      "array of strings with validations": { type: "array", uniqueItems: true, items: { type: "string", pattern: "^[a-z-]+$", minLength: 2, maxLength: 40 } },
      "array of numbers with bounds": { type: "array", items: { type: "number", minimum: 1, exclusiveMaximum: 65536 } },
      "array of objects with a shape": {
        type: "array",
        items: { type: "object", properties: { question: { type: "string" }, answer: { type: "string" } }, required: ["question"], additionalProperties: false },
      },
    };
    it.each(Object.entries(properties))("%s", (_, property) => {
      expect(parseValid(BlueprintProperty, property)).toEqual(property);
    });
  });

  it.each(STRING_PROPERTY_FORMATS.map((format) => [format]))("accepts string format %s", (format) => {
    expect(parseValid(BlueprintProperty, { type: "string", format })).toEqual({ type: "string", format });
  });

  it.each(OBJECT_PROPERTY_FORMATS.map((format) => [format]))("accepts object format %s", (format) => {
    expect(parseValid(BlueprintProperty, { type: "object", format })).toEqual({ type: "object", format });
  });

  it("fills specAuthentication's scope with Port's default [\"openid\"]", () => {
    expect(parseValid(SpecAuthentication, { clientId: "c", authorizationUrl: "https://a.example.com", tokenUrl: "https://t.example.com" })).toEqual({
      clientId: "c",
      authorizationUrl: "https://a.example.com",
      tokenUrl: "https://t.example.com",
      authorizationScope: ["openid"],
    });
  });

  it("passes JSON-schema keywords it does not model through unchanged", () => {
    const property = { type: "number", title: "Cores", multipleOf: 0.5, examples: [2, 4], "x-team-note": { owner: "platform" } };
    expect(parseValid(BlueprintProperty, property)).toEqual(property);
    const items = { type: "array", items: { type: "string", contentMediaType: "text/plain" }, contains: { const: "main" } };
    expect(parseValid(BlueprintProperty, items)).toEqual(items);
  });

  it("rejects a key one edit away from a known key, in a property and in its items", () => {
    expect(propertyProblems({ type: "array", uniqueItem: true, items: { type: "number", exclusiveMinimun: 0 } })).toEqual([
      'Blueprint "service": field items.exclusiveMinimun: "exclusiveMinimun" is not a key of number array items; did you mean "exclusiveMinimum"? Other keys are kept as they are. Rename it.',
      'Blueprint "service": field uniqueItem: "uniqueItem" is not a key of an array property; did you mean "uniqueItems"? Other keys are kept as they are. Rename it.',
    ]);
  });

  it('rejects type "integer", which Port does not have, pointing to "number"', () => {
    expect(propertyProblems({ type: "integer", minimum: 0 })).toEqual([
      'Blueprint "service": field type: "integer" is not a property type; allowed: string, number, boolean, object, array. Port has no "integer" type: use "number". Fix the type.',
    ]);
  });

  it("rejects string item validations that cannot hold and a patternProperties key that is not a regular expression", () => {
    expect(propertyProblems({ type: "array", items: { type: "object", patternProperties: { "^(S_": { type: "string" } } } })).toEqual([
      'Blueprint "service": field items.patternProperties["^(S_"]: "^(S_" is not a valid regular expression (Unterminated group). Fix the pattern.',
    ]);
    expect(propertyProblems({ type: "array", items: { type: "string", minLength: 5, maxLength: 2, pattern: "[" } })).toEqual([
      'Blueprint "service": field items.pattern: "[" is not a valid regular expression (Unterminated character class). Fix the pattern.',
      'Blueprint "service": field items.minLength: minLength 5 is greater than maxLength 2, so no value could satisfy both. Lower minLength or raise maxLength.',
    ]);
  });

  it("rejects an unknown type, listing the allowed types", () => {
    expect(propertyProblems({ type: "strng" })).toEqual([
      'Blueprint "service": field type: "strng" is not a property type; allowed: string, number, boolean, object, array. Did you mean "string"? Fix the type.',
    ]);
  });

  it("rejects a property without a type", () => {
    expect(propertyProblems({ title: "Port" })).toEqual(['Blueprint "service": field type: is required; allowed: string, number, boolean, object, array. Set the type.']);
  });

  it("rejects a typo'd key, naming it and the closest key", () => {
    expect(propertyProblems({ type: "string", formt: "url" })).toEqual([
      `Blueprint "service": field formt: "formt" is not a key of a string property; did you mean "format"? Other keys are kept as they are. Rename it.`,
    ]);
  });

  it("rejects a key that belongs to another type", () => {
    expect(propertyProblems({ type: "number", format: "url" })).toEqual([
      `Blueprint "service": field format: "format" is a key of another type, not of a number property (its keys: ${NUMBER_KEYS}). Remove it or change the type.`,
    ]);
  });

  it("rejects an unknown string format, suggesting the closest", () => {
    expect(propertyProblems({ type: "string", format: "e-mail" })).toEqual([
      `Blueprint "service": field format: "e-mail" is not a string property format; allowed: ${STRING_PROPERTY_FORMATS.join(", ")}. Did you mean "email"? Fix the format.`,
    ]);
  });

  it("points labeled-url on a string to the object type", () => {
    expect(propertyProblems({ type: "string", format: "labeled-url" })).toEqual([
      `Blueprint "service": field format: "labeled-url" is not a string property format; allowed: ${STRING_PROPERTY_FORMATS.join(", ")}. "labeled-url" is an object format: use type "object". Fix the format.`,
    ]);
  });

  it("rejects embedded-url on an object, which only strings support", () => {
    expect(propertyProblems({ type: "object", spec: "embedded-url" })).toEqual([
      'Blueprint "service": field spec: "embedded-url" is not an object property spec; allowed: open-api, async-api. Fix the spec.',
    ]);
  });

  it("rejects an enumColors key that is not in enum, naming the key", () => {
    expect(propertyProblems({ type: "string", enum: ["prod", "staging"], enumColors: { prod: "red", stagin: "yellow" } })).toEqual([
      'Blueprint "service": field enumColors.stagin: "stagin" is not in enum (prod, staging); every enumColors key must be an enum value. Did you mean "staging"? Fix the key or add it to enum.',
    ]);
  });

  it("rejects enumColors without enum", () => {
    expect(propertyProblems({ type: "string", enumColors: { prod: "red" } })).toEqual([
      'Blueprint "service": field enumColors.prod: "prod" colors an enum value, but no enum is declared; enumColors keys must be enum values. Add enum or remove enumColors.',
    ]);
  });

  it("rejects a number enumColors key that is not one of the numbers", () => {
    expect(propertyProblems({ type: "number", enum: [1, 2], enumColors: { "3": "red" } })).toEqual([
      'Blueprint "service": field enumColors.3: "3" is not in enum (1, 2); every enumColors key must be an enum value. Fix the key or add it to enum.',
    ]);
  });

  it("rejects an unknown colour in enumColors", () => {
    expect(propertyProblems({ type: "string", enum: ["a"], enumColors: { a: "grey" } })).toEqual([
      'Blueprint "service": field enumColors.a: "grey" is not a Port color; allowed: blue, turquoise, orange, purple, pink, yellow, green, red, gold, silver, paleBlue, darkGray, lightGray, bronze, lime, olive, brown. Fix the color.',
    ]);
  });

  it("rejects a default outside enum", () => {
    expect(propertyProblems({ type: "string", enum: ["prod", "staging"], default: "qa" })).toEqual([
      'Blueprint "service": field default: "qa" is not in enum (prod, staging); the default must be one of the enum values. Change the default or add it to enum.',
    ]);
  });

  it("rejects a number default outside enum", () => {
    expect(propertyProblems({ type: "number", enum: [1, 2], default: 3 })).toEqual([
      'Blueprint "service": field default: 3 is not in enum (1, 2); the default must be one of the enum values. Change the default or add it to enum.',
    ]);
  });

  it("rejects a default of the wrong type", () => {
    expect(propertyProblems({ type: "boolean", default: "yes" })).toEqual(['Blueprint "service": field default: "yes" is a string, expected a boolean. Fix the value.']);
  });

  it("rejects a pattern that is not a regular expression", () => {
    expect(propertyProblems({ type: "string", pattern: "^(prod|staging" })).toEqual([
      'Blueprint "service": field pattern: "^(prod|staging" is not a valid regular expression (Unterminated group). Fix the pattern.',
    ]);
  });

  it("rejects minimum above maximum", () => {
    expect(propertyProblems({ type: "number", minimum: 10, maximum: 1 })).toEqual([
      'Blueprint "service": field minimum: minimum 10 is greater than maximum 1, so no value could satisfy both. Lower minimum or raise maximum.',
    ]);
  });

  it("rejects minLength above maxLength", () => {
    expect(propertyProblems({ type: "string", minLength: 5, maxLength: 2 })).toEqual([
      'Blueprint "service": field minLength: minLength 5 is greater than maxLength 2, so no value could satisfy both. Lower minLength or raise maxLength.',
    ]);
  });

  it("rejects minItems above maxItems", () => {
    expect(propertyProblems({ type: "array", minItems: 3, maxItems: 1 })).toEqual([
      'Blueprint "service": field minItems: minItems 3 is greater than maxItems 1, so no value could satisfy both. Lower minItems or raise maxItems.',
    ]);
  });

  it("rejects negative and fractional lengths", () => {
    expect(propertyProblems({ type: "string", minLength: -1, maxLength: 1.5 })).toEqual([
      'Blueprint "service": field minLength: -1 is less than the minimum 0. Use 0 or more.',
      'Blueprint "service": field maxLength: 1.5 is a number, expected a whole number. Fix the value.',
    ]);
  });

  it("rejects array default elements of the wrong type or outside items.enum", () => {
    expect(propertyProblems({ type: "array", items: { type: "string", enum: ["a", "b"] }, default: ["a", "c", 3] })).toEqual([
      'Blueprint "service": field default[1]: "c" is not in enum (a, b); each default element must be one of the enum values. Change each default element or add it to enum.',
      'Blueprint "service": field default[2]: 3 is not a string, but items.type is "string". Make every default element a string.',
    ]);
  });

  it("rejects an unsupported array item type", () => {
    expect(propertyProblems({ type: "array", items: { type: "array" } })).toEqual([
      'Blueprint "service": field items.type: "array" is not an array item type; allowed: string, number, boolean, object. Fix the type.',
    ]);
  });

  it("rejects a title longer than 100 characters", () => {
    expect(propertyProblems({ type: "boolean", title: "t".repeat(101) })).toEqual([
      `Blueprint "service": field title: "${"t".repeat(58)}… is 101 characters long; at most 100 allowed. Shorten it.`,
    ]);
  });

  it("reports all of a property's problems together", () => {
    expect(propertyProblems({ type: "string", enum: ["a"], default: "b", pattern: "[", minLength: 3, maxLength: 1, formt: "url" })).toEqual([
      `Blueprint "service": field formt: "formt" is not a key of a string property; did you mean "format"? Other keys are kept as they are. Rename it.`,
      'Blueprint "service": field pattern: "[" is not a valid regular expression (Unterminated character class). Fix the pattern.',
      'Blueprint "service": field default: "b" is not in enum (a); the default must be one of the enum values. Change the default or add it to enum.',
      'Blueprint "service": field minLength: minLength 3 is greater than maxLength 1, so no value could satisfy both. Lower minLength or raise maxLength.',
    ]);
  });
});
