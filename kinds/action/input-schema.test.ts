import { ActionInput, type ActionInputInput } from "./input-schema";
import { ActionUserInputs } from "./inputs-schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

/** A PEM public key (a made-up one, shaped as Port's client-side encryption needs). */
const PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEexampleexampleexample\n-----END PUBLIC KEY-----";

// One user input (`userInputs.properties.<key>`), typed per type and format, and the form around the inputs.
const inputProblems = (input: unknown) => problemMessages(ActionInput, input, "Action", "scaffold");
const formProblems = (userInputs: unknown) => problemMessages(ActionUserInputs, userInputs, "Action", "scaffold");

describe("ActionInput", () => {
  describe("parses every type and format unchanged", () => {
    const inputs: Record<string, ActionInputInput> = {
      "plain string with limits": { type: "string", title: "Name", pattern: "^[a-z-]+$", minLength: 3, maxLength: 40 },
      "string enum with colors and default": { type: "string", enum: ["small", "large"], enumColors: { small: "green", large: "red" }, default: "small" },
      "string enum from JQ": { type: "string", enum: { jqQuery: '.entity.properties.regions | split(",")' } },
      "date-time": { type: "string", format: "date-time", default: "2024-01-31T00:00:00Z" },
      url: { type: "string", format: "url", default: "https://example.com" },
      email: { type: "string", format: "email", default: "jane@example.com" },
      ipv4: { type: "string", format: "ipv4" },
      ipv6: { type: "string", format: "ipv6" },
      yaml: { type: "string", format: "yaml", default: "replicas: 1" },
      markdown: { type: "string", format: "markdown" },
      "multi-line": { type: "string", format: "multi-line" },
      proto: { type: "string", format: "proto" },
      secret: { type: "string", title: "API token", encryption: "aes256-gcm" },
      "entity with dataset and sort": {
        type: "string",
        format: "entity",
        blueprint: "service",
        dataset: { combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { jqQuery: "[.user.teams[].name]" } }] },
        sort: { property: "$title", order: "DESC" },
        default: { jqQuery: ".entity.identifier" },
      },
      user: { type: "string", format: "user", default: { jqQuery: ".user.email" } },
      team: { type: "string", format: "team", default: "platform" },
      "number with range and enum": { type: "number", minimum: 1, maximum: 10, enum: [1, 5, 10], enumColors: { "5": "blue" }, default: 5 },
      boolean: { type: "boolean", default: true, visible: { jqQuery: '.form.kind == "db"' }, disabled: false },
      object: { type: "object", default: { replicas: 2 } },
      "labeled-url object": { type: "object", format: "labeled-url" },
      "secret object": { type: "object", encryption: "aes256-gcm" },
      "array of strings": { type: "array", items: { type: "string", enum: ["a", "b"] }, default: ["a"], minItems: 1, maxItems: { jqQuery: ".form.max" } },
      "array of entities": { type: "array", items: { type: "string", format: "entity", blueprint: "environment" }, sort: { property: "$title", order: "ASC" } },
      "array of numbers": { type: "array", items: { type: "number", enum: [1, 2] } },
      "array of booleans": { type: "array", items: { type: "boolean" } },
      "array of objects": { type: "array", items: { type: "object" }, default: [{ a: 1 }] },
      "depends on another input": { type: "string", dependsOn: ["cluster"], visible: true },
      "multi-line secret": { type: "string", format: "multi-line", encryption: "aes256-gcm" },
      "secret encrypted with the organization's own key": { type: "string", encryption: { algorithm: "client-side", key: PUBLIC_KEY } },
      "secret object encrypted with the organization's own key": { type: "object", encryption: { algorithm: "client-side", key: PUBLIC_KEY } },
      "number with exclusive bounds": { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
      "object with JSON-schema validations": {
        type: "object",
        properties: { port: { type: "number" } },
        required: ["port"],
        patternProperties: { "^env_": { type: "string" } },
        additionalProperties: true,
      },
      "object select list": {
        type: "object",
        enum: [
          { size: "s", cpu: 1 },
          { size: "l", cpu: 4 },
        ],
      },
      "array select list": { type: "array", enum: [["eu-west-1"], ["eu-west-1", "us-east-1"]] },
      "array of distinct strings with validations": { type: "array", uniqueItems: true, items: { type: "string", pattern: "^[a-z]+$", minLength: 2, maxLength: 20 } },
      "array of bounded numbers": { type: "array", items: { type: "number", minimum: 0, exclusiveMaximum: 100, enumColors: {} } },
      "array of shaped objects": { type: "array", items: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } },
    };
    it.each(Object.entries(inputs))("%s", (_, input) => {
      expect(parseValid(ActionInput, input)).toEqual(input);
    });
  });

  it("fails on an unknown type with the allowed types and the closest one", () => {
    expect(inputProblems({ type: "strng" })).toEqual([
      'Action "scaffold": field type: "strng" is not an input type; allowed: string, number, boolean, object, array. Did you mean "string"? Fix the type.',
    ]);
  });

  it("fails on an unknown string format, suggesting the closest", () => {
    expect(inputProblems({ type: "string", format: "entty" })).toEqual([
      'Action "scaffold": field format: "entty" is not a string input format; allowed: date-time, url, email, ipv4, ipv6, yaml, markdown, multi-line, proto, entity, user, team. Did you mean "entity"? Fix the format.',
    ]);
  });

  it("points labeled-url to the object type", () => {
    expect(inputProblems({ type: "string", format: "labeled-url" })[0]).toContain('"labeled-url" is an object format: use type "object".');
  });

  it("requires the blueprint of an entity input, saying what it is for", () => {
    expect(inputProblems({ type: "string", format: "entity" })).toEqual([
      'Action "scaffold": field blueprint: is required with format "entity": name the blueprint whose entities are offered, e.g. "service". Add blueprint.',
    ]);
  });

  it("refuses keys of another variant, listing the variant's own keys", () => {
    expect(inputProblems({ type: "string", format: "user", blueprint: "_user" })).toEqual([
      'Action "scaffold": field blueprint: "blueprint" is a key of another type, not of a user input (its keys: type, format, title, description, icon, visible, disabled, dependsOn, default). Remove it or change the type.',
    ]);
  });

  it("checks enum, enumColors, default and range of a number input together", () => {
    expect(inputProblems({ type: "number", enum: [1, 2], default: 3, enumColors: { "4": "red" }, minimum: 5, maximum: 1 })).toEqual([
      'Action "scaffold": field enumColors.4: "4" is not in enum (1, 2); every enumColors key must be an enum value. Fix the key or add it to enum.',
      'Action "scaffold": field default: 3 is not in enum (1, 2); the default must be one of the enum values. Change the default or add it to enum.',
      'Action "scaffold": field minimum: minimum 5 is greater than maximum 1, so no value could satisfy both. Lower minimum or raise maximum.',
    ]);
  });

  it("checks a default against its format", () => {
    expect(inputProblems({ type: "string", format: "date-time", default: "yesterday" })).toEqual([
      'Action "scaffold": field default: "yesterday" is not an ISO 8601 date-time such as "2024-01-31T00:00:00Z", as format "date-time" requires. Fix the default.',
    ]);
    expect(inputProblems({ type: "string", format: "url", default: "nope" })).toEqual([
      'Action "scaffold": field default: "nope" is not an absolute URL such as "https://example.com", as format "url" requires. Fix the default.',
    ]);
  });

  it("refuses a pattern that is not a regular expression", () => {
    expect(inputProblems({ type: "string", pattern: "([a-z" })).toEqual([
      'Action "scaffold": field pattern: "([a-z" is not a valid regular expression (Unterminated character class). Fix the pattern.',
    ]);
  });

  it("refuses an object input's patternProperties key that is not a regular expression", () => {
    expect(inputProblems({ type: "object", patternProperties: { "^(env_": { type: "string" } } })).toEqual([
      'Action "scaffold": field patternProperties["^(env_"]: "^(env_" is not a valid regular expression (Unterminated group). Fix the pattern.',
    ]);
  });

  it("takes a boolean or {jqQuery} for visible, naming a misspelt jqQuery", () => {
    expect(inputProblems({ type: "string", visible: "yes" })).toEqual([
      'Action "scaffold": field visible: "yes" is a string; expected a boolean or {jqQuery: "<expression>"}. Fix the value.',
    ]);
    expect(inputProblems({ type: "string", visible: { jqQry: ".form.x" } })).toContain(
      'Action "scaffold": field visible: "jqQry" is not a key of a JQ query; allowed: jqQuery. Did you mean "jqQuery"? Rename or remove it.',
    );
  });

  it("keeps a secret input's value out of the definition: no default, no enum", () => {
    expect(inputProblems({ type: "string", encryption: "aes256-gcm", default: "a", enum: ["a"] })).toEqual([
      'Action "scaffold": field default: is set on a secret input (encryption "aes256-gcm"); it would be stored in clear text in the action definition. Remove default, or remove encryption if the value is not secret.',
      'Action "scaffold": field enum: is set on a secret input (encryption "aes256-gcm"); it would be stored in clear text in the action definition. Remove enum, or remove encryption if the value is not secret.',
    ]);
    expect(inputProblems({ type: "string", encryption: "aes128" })).toEqual([
      'Action "scaffold": field encryption: "aes128" is not an encryption; use "aes256-gcm" or {algorithm: "client-side", key: "<PEM public key>"}. Fix the encryption.',
    ]);
  });

  it("passes JSON-schema keywords it does not model through unchanged", () => {
    const input = { type: "string", title: "Branch", examples: ["main"], "x-origin": "template" };
    expect(parseValid(ActionInput, input)).toEqual(input);
  });

  it("refuses a key one edit away from a known key", () => {
    expect(inputProblems({ type: "array", uniqeItems: true, items: { type: "string", minLenght: 1 } })).toEqual([
      'Action "scaffold": field items.minLenght: "minLenght" is not a key of string items; did you mean "minLength"? Other keys are kept as they are. Rename it.',
      'Action "scaffold": field uniqeItems: "uniqeItems" is not a key of an array input; did you mean "uniqueItems"? Other keys are kept as they are. Rename it.',
    ]);
  });

  it("refuses a client-side encryption key that is not a PEM public key, without repeating it", () => {
    expect(inputProblems({ type: "string", encryption: { algorithm: "client-side", key: "ssh-rsa AAAAB3Nza" } })).toEqual([
      'Action "scaffold": field encryption.key: is not a PEM public key; paste the RSA public key including its -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- lines (never the private key). Fix the key.',
    ]);
  });

  it("checks array items, defaults against items and sort only on entity items", () => {
    expect(inputProblems({ type: "array", items: { type: "string", format: "entity" }, default: [1], sort: { property: "$title", order: "UP" } })).toEqual([
      'Action "scaffold": field items.blueprint: is required with format "entity": name the blueprint whose entities are offered, e.g. "service". Add blueprint.',
      'Action "scaffold": field sort.order: "UP" is not a sort order; allowed: ASC, DESC. Fix the order.',
      'Action "scaffold": field default[0]: 1 is not a string, but items.type is "string". Make every default element a string.',
    ]);
    expect(inputProblems({ type: "array", items: { type: "number" }, sort: { property: "$title", order: "ASC" } })).toEqual([
      'Action "scaffold": field sort: orders entity choices, but items are not entities. Remove sort or set items to {type: "string", format: "entity", blueprint}.',
    ]);
  });

  it("checks a dataset with the entity query schema, JQ values included", () => {
    const dataset = {
      combinator: "and",
      rules: [
        {
          combinator: "or",
          rules: [
            { property: "a", operator: "in", value: { jqQuery: ".form.list" } },
            { property: "b", operator: "=", value: { jqQuery: "  " } },
          ],
        },
        { property: "c", operator: "isEmpty", value: { jqQuery: ".x" } },
        { operator: "relatedTo", blueprint: "cluster", value: { jqQuery: ".form.cluster.identifier" } },
      ],
    };
    expect(inputProblems({ type: "string", format: "entity", blueprint: "service", dataset })).toEqual([
      'Action "scaffold": field dataset.rules[1]: "value" is not a key of an isEmpty/isNotEmpty rule; allowed: property, operator. Rename or remove it.',
      'Action "scaffold": field dataset.rules[0].rules[1].value.jqQuery: is empty; write the JQ expression, e.g. ".user.email". Set the jqQuery.',
    ]);
  });
});

describe("ActionUserInputs", () => {
  it("defaults to a form without inputs", () => {
    expect(parseValid(ActionUserInputs, {})).toEqual({ properties: {} });
  });

  it("accepts required as a list or {jqQuery}, steps with titles, and section titles", () => {
    const form = {
      properties: { name: { type: "string" }, size: { type: "number", dependsOn: ["name"] } },
      required: { jqQuery: 'if .form.name == "" then ["name"] else [] end' },
      steps: [
        { title: "Basics", order: ["intro", "name"] },
        { title: "Sizing", order: ["size"], visible: { jqQuery: ".form.name != null" } },
      ],
      titles: { intro: { title: "About the service", description: "Pick a short name." } },
    };
    expect(parseValid(ActionUserInputs, form)).toEqual(form);
  });

  it("requires every name in required, order and dependsOn to be a declared input", () => {
    expect(
      formProblems({
        properties: { name: { type: "string" }, region: { type: "string", dependsOn: ["cluster", "region"] } },
        required: ["nme"],
        order: ["name", "name"],
      }),
    ).toEqual([
      'Action "scaffold": field required[0]: "nme" is not a declared input (declared: name, region). Did you mean "name"? Fix the name or declare it.',
      'Action "scaffold": field order[1]: "name" is listed again (already at order[0]); each input appears once. Remove one.',
      'Action "scaffold": field properties.region.dependsOn[0]: "cluster" is not a declared input (declared: name). Fix the name or declare the input.',
      'Action "scaffold": field properties.region.dependsOn[1]: "region" is the input itself; dependsOn names other inputs this one waits for. Remove it.',
    ]);
  });

  it("refuses order together with steps, long step titles and inputs placed on two steps", () => {
    expect(
      formProblems({
        properties: { a: { type: "string" } },
        order: ["a"],
        steps: [
          { title: "A very long step title, too long", order: ["a"] },
          { title: "Again", order: ["a", "b"] },
        ],
      }),
    ).toEqual([
      'Action "scaffold": field steps[0].title: "A very long step title, too long" is 32 characters long; at most 25 allowed. Shorten it.',
      'Action "scaffold": field steps: is set together with order; a form is ordered either by order (one page) or by steps (several pages). Keep one.',
      'Action "scaffold": field steps[1].order[0]: "a" is listed again (already at steps[0].order[0]); each input appears once. Remove one.',
      'Action "scaffold": field steps[1].order[1]: "b" is not a declared input or title (declared: a). Fix the name or declare it.',
    ]);
  });

  it("refuses an input key Port does not allow", () => {
    expect(formProblems({ properties: { "my input": { type: "string" } } })[0]).toContain(
      'Action "scaffold": field properties["my input"]: must match Port\'s property identifier pattern',
    );
  });
});
