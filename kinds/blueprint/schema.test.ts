import { AggregationCalculationSpec } from "./aggregation-schema";
import { BlueprintSpec, type BlueprintSpecInput, CALCULATION_PROPERTY_FORMATS } from "./schema";
import { ENTITY_QUERY_OPERATORS } from "../../core/schemas/entity-query";
import { STRING_PROPERTY_FORMATS } from "./property-schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const KEYED_MAPS = "schema.properties, relations, mirrorProperties, calculationProperties, aggregationProperties";
const BLUEPRINT_KEYS =
  "identifier, title, description, icon, schema, relations, mirrorProperties, calculationProperties, aggregationProperties, ownership, changelogDestination, includeInGlobalSearch, createCatalogPage";

/** A valid blueprint to vary in each test. */
const base = (extra: Partial<Record<keyof BlueprintSpecInput, unknown>> = {}) => ({ identifier: "service", title: "Service", ...extra });
const problems = (spec: unknown) => problemMessages(BlueprintSpec, spec);

describe("BlueprintSpec", () => {
  describe("valid blueprints", () => {
    it("fills Port's defaults on a minimal blueprint: an empty schema", () => {
      expect(parseValid(BlueprintSpec, base())).toEqual({ identifier: "service", title: "Service", schema: { properties: {} } });
    });

    it("keeps a full blueprint exactly as Port's JSON, adding only the relation defaults", () => {
      const spec = {
        identifier: "service",
        title: "Service",
        description: "A deployable unit",
        icon: "Microservice",
        schema: {
          properties: {
            language: { type: "string", title: "Language", enum: ["go", "ts"], enumColors: { go: "blue", ts: "yellow" }, default: "go" },
            repo: { type: "string", format: "url", title: "Repository" },
            replicas: { type: "number", minimum: 0, maximum: 10 },
            critical: { type: "boolean", default: false },
            config: { type: "object" },
            tags: { type: "array", items: { type: "string" } },
          },
          required: ["language"],
        },
        relations: {
          system: { title: "System", target: "system", required: true, many: false },
          dependencies: { target: "service", many: true },
        },
        mirrorProperties: {
          system_owner: { title: "System owner", path: "system.owner" },
          system_title: { path: "system.$title" },
          domain_team: { path: "system.domain.$team" },
        },
        calculationProperties: {
          docs_url: { title: "Docs", calculation: '.properties.repo + "/docs"', type: "string", format: "url" },
          health: { calculation: ".properties.replicas > 0", type: "boolean" },
          tier: { calculation: '"gold"', type: "string", colorized: true, colors: { gold: "gold" } },
          links: { calculation: "[.properties.repo]", type: "array", items: { type: "string", format: "url" } },
        },
        aggregationProperties: {
          deployments: { title: "Deployments", target: "deployment", calculationSpec: { calculationBy: "entities", func: "count" } },
        },
        ownership: { type: "Direct", title: "Owners" },
        changelogDestination: { type: "KAFKA" },
        includeInGlobalSearch: true,
      };
      const parsed = parseValid(BlueprintSpec, spec);
      expect(parsed).toEqual({
        ...spec,
        relations: { system: spec.relations.system, dependencies: { target: "service", many: true, required: false } },
        aggregationProperties: { deployments: { ...spec.aggregationProperties.deployments, type: "number" } },
      });
    });

    it("accepts a blueprint shaped like an integration's default blueprint, JSON-schema keywords and all", () => {
      const spec = {
        identifier: "pagerIncident",
        title: "Incident",
        icon: "Alert",
        schema: {
          properties: {
            status: {
              title: "Status",
              type: "string",
              enum: ["triggered", "acknowledged", "resolved"],
              enumColors: { triggered: "red", acknowledged: "yellow", resolved: "green" },
            },
            url: { title: "Link", type: "string", format: "url" },
            openedAt: { title: "Opened", type: "string", format: "date-time", dateFormat: "24-hour" },
            urgency: { title: "Urgency", type: "number", exclusiveMinimum: 0, maximum: 5 },
            responders: { title: "Responders", type: "array", uniqueItems: true, items: { type: "string", format: "user" } },
            tags: { title: "Tags", type: "array", items: { type: "string", pattern: "^[a-z0-9-]+$", maxLength: 63 } },
            timeline: {
              title: "Timeline",
              type: "array",
              items: { type: "object", properties: { at: { type: "string", format: "date-time" }, note: { type: "string" } }, required: ["at"] },
            },
            labels: { title: "Labels", type: "object", patternProperties: { "^[a-z]+$": { type: "string" } }, additionalProperties: false },
          },
          required: ["status"],
        },
        relations: { service: { title: "Service", target: "service", required: false, many: false, type: "impacts" } },
        calculationProperties: {
          ageDays: { title: "Age", calculation: "(now - (.properties.openedAt | fromdate)) / 86400 | floor", type: "number" },
          lastNotes: { title: "Notes", calculation: "[.properties.timeline[]?.note]", type: "array", items: { type: "string", maxLength: 200 } },
        },
      };
      expect(parseValid(BlueprintSpec, spec)).toEqual(spec);
    });

    it("accepts a property of every string format", () => {
      const properties = Object.fromEntries(STRING_PROPERTY_FORMATS.map((format) => [format.replace(/-/g, "_"), { type: "string", format }]));
      expect(parseValid(BlueprintSpec, base({ schema: { properties } })).schema.properties).toEqual(properties);
    });

    it("accepts a calculation property of every calculation format", () => {
      const calculationProperties = Object.fromEntries(
        CALCULATION_PROPERTY_FORMATS.map((format) => [format.replace(/-/g, "_"), { calculation: ".identifier", type: "string", format }]),
      );
      expect(parseValid(BlueprintSpec, base({ calculationProperties })).calculationProperties).toEqual(calculationProperties);
    });

    it("defaults relation required and many to false", () => {
      expect(parseValid(BlueprintSpec, base({ relations: { system: { target: "system" } } })).relations).toEqual({
        system: { target: "system", required: false, many: false },
      });
    });

    it("accepts relations to system blueprints", () => {
      expect(parseValid(BlueprintSpec, base({ relations: { owner: { target: "_user" }, team: { target: "_team" } } })).relations?.team.target).toBe("_team");
    });

    describe("accepts every aggregation calculationSpec", () => {
      const specs = [
        { calculationBy: "entities", func: "count" },
        { calculationBy: "entities", func: "average", averageOf: "week" },
        { calculationBy: "entities", func: "average", averageOf: "total", measureTimeBy: "$updatedAt" },
        { calculationBy: "property", func: "sum", property: "cost" },
        { calculationBy: "property", func: "min", property: "cost" },
        { calculationBy: "property", func: "max", property: "cost" },
        { calculationBy: "property", func: "median", property: "cost" },
        { calculationBy: "property", func: "average", property: "cost", averageOf: "month" },
        { calculationBy: "property", func: "average", property: "cost", averageOf: "day", measureTimeBy: "deployedAt" },
      ];
      it.each(specs.map((spec) => [JSON.stringify(spec), spec]))("%s", (_, calculationSpec) => {
        expect(parseValid(AggregationCalculationSpec, calculationSpec)).toEqual(calculationSpec);
        const aggregation = { title: "Total", type: "number", target: "deployment", calculationSpec };
        expect(parseValid(BlueprintSpec, base({ aggregationProperties: { total: aggregation } })).aggregationProperties).toEqual({ total: aggregation });
      });
    });

    it("accepts an aggregation with a query and a pathFilter", () => {
      const aggregation = {
        title: "Failed deployments",
        description: "Last month",
        icon: "Deployment",
        type: "number",
        target: "deployment",
        calculationSpec: { calculationBy: "entities", func: "count" },
        query: {
          combinator: "and",
          rules: [
            { property: "status", operator: "=", value: "failed" },
            { property: "$createdAt", operator: "between", value: { preset: "lastMonth" } },
          ],
        },
        pathFilter: [{ path: ["service"], fromBlueprint: "deployment" }],
      };
      expect(parseValid(BlueprintSpec, base({ aggregationProperties: { failed: aggregation } })).aggregationProperties?.failed).toEqual(aggregation);
    });

    it.each([
      ["Direct", { type: "Direct" }],
      ["Direct with a title", { type: "Direct", title: "Owning teams" }],
      ["Inherited", { type: "Inherited", path: "system" }],
      ["Inherited through two relations", { type: "Inherited", path: "system.domain", title: "Owners" }],
    ])("accepts %s ownership", (_, ownership) => {
      const spec = base({ ownership, relations: { system: { target: "system", required: false, many: false } } });
      expect(parseValid(BlueprintSpec, spec).ownership).toEqual(ownership);
    });

    it.each([
      ["WEBHOOK", { type: "WEBHOOK", url: "https://hooks.example.com/port" }],
      ["WEBHOOK through the agent", { type: "WEBHOOK", url: "http://internal.example:8080/port", agent: true }],
      ["KAFKA", { type: "KAFKA" }],
    ])("accepts a %s changelog destination", (_, changelogDestination) => {
      expect(parseValid(BlueprintSpec, base({ changelogDestination })).changelogDestination).toEqual(changelogDestination);
    });

    it("infers output types with defaults applied and input types with them optional", () => {
      const input: BlueprintSpecInput = { identifier: "svc", title: "Svc", relations: { system: { target: "system" } } };
      const output: BlueprintSpec = BlueprintSpec.parse(input);
      // Compile-time: `required` is optional on input and a boolean on output.
      const required: boolean = output.relations?.system.required ?? true;
      expect(required).toBe(false);
    });
  });

  describe("problems", () => {
    it("rejects an identifier with a space and suggests an underscore", () => {
      expect(problems(base({ identifier: "my service" }))).toEqual([
        'Blueprint "service": field identifier: must match Port\'s blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters); "my service" contains a space: use "my_service".',
      ]);
    });

    it("rejects an unknown property type, listing the allowed types", () => {
      expect(problems(base({ schema: { properties: { port: { type: "strng" } } } }))).toEqual([
        'Blueprint "service": field schema.properties.port.type: "strng" is not a property type; allowed: string, number, boolean, object, array. Did you mean "string"? Fix the type.',
      ]);
    });

    it("rejects a typo'd top-level key, naming it and the closest key", () => {
      expect(problems(base({ mirrorProperty: {} } as never))).toEqual([
        `Blueprint "service": "mirrorProperty" is not a key of a blueprint; allowed: ${BLUEPRINT_KEYS}. Did you mean "mirrorProperties"? Rename or remove it.`,
      ]);
    });

    it("rejects a typo'd key in schema and in a property", () => {
      expect(problems(base({ schema: { properties: { port: { type: "number", maximun: 3 } }, requried: ["port"] } }))).toEqual([
        'Blueprint "service": field schema.properties.port.maximun: "maximun" is not a key of a number property; did you mean "maximum"? Other keys are kept as they are. Rename it.',
        'Blueprint "service": field schema: "requried" is not a key of a blueprint schema; allowed: properties, required. Did you mean "required"? Rename or remove it.',
      ]);
    });

    it("rejects a required entry naming an undeclared property", () => {
      expect(problems(base({ schema: { properties: { owner: { type: "string" }, language: { type: "string" } }, required: ["language", "ownr"] } }))).toEqual([
        'Blueprint "service": field schema.required[1]: "ownr" is not declared in schema.properties (declared: owner, language). Did you mean "owner"? Declare the property or remove it from required.',
      ]);
    });

    it("rejects required entries when no property is declared", () => {
      expect(problems(base({ schema: { properties: {}, required: ["owner"] } }))).toEqual([
        'Blueprint "service": field schema.required[0]: "owner" is not declared in schema.properties (no properties are declared). Declare the property or remove it from required.',
      ]);
    });

    it("rejects mirror, calculation and aggregation titles over Port's 100 characters", () => {
      const title = "t".repeat(101);
      const shown = `"${"t".repeat(58)}…`;
      expect(
        problems(
          base({
            relations: { system: { target: "system" } },
            mirrorProperties: { owner: { title, path: "system.owner" } },
            calculationProperties: { label: { title, calculation: ".title", type: "string" } },
            aggregationProperties: { count: { title, target: "deployment", calculationSpec: { calculationBy: "entities", func: "count" } } },
          }),
        ),
      ).toEqual([
        `Blueprint "service": field mirrorProperties.owner.title: ${shown} is 101 characters long; at most 100 allowed. Shorten it.`,
        `Blueprint "service": field calculationProperties.label.title: ${shown} is 101 characters long; at most 100 allowed. Shorten it.`,
        `Blueprint "service": field aggregationProperties.count.title: ${shown} is 101 characters long; at most 100 allowed. Shorten it.`,
      ]);
    });

    it('rejects a property of type "integer", at its path, pointing to "number"', () => {
      expect(problems(base({ schema: { properties: { replicas: { type: "integer" } } } }))).toEqual([
        'Blueprint "service": field schema.properties.replicas.type: "integer" is not a property type; allowed: string, number, boolean, object, array. Port has no "integer" type: use "number". Fix the type.',
      ]);
    });

    it("rejects a relation that is both many and required, saying Port refuses it", () => {
      expect(problems(base({ relations: { dependencies: { target: "service", many: true, required: true } } }))).toEqual([
        'Blueprint "service": field relations.dependencies: required and many are both true, which Port refuses (a many-relation cannot be required). Drop one: set required or many to false.',
      ]);
    });

    it("rejects a relation without target and with a bad target", () => {
      expect(problems(base({ relations: { a: { title: "A" }, b: { target: "my system" } } }))).toEqual([
        'Blueprint "service": field relations.a.target: is required but missing. Add a string.',
        'Blueprint "service": field relations.b.target: must match Port\'s blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters); "my system" contains a space: use "my_system".',
      ]);
    });

    it("rejects an enumColors key not in enum, with its full path", () => {
      expect(problems(base({ schema: { properties: { env: { type: "string", enum: ["prod"], enumColors: { production: "red" } } } } }))).toEqual([
        'Blueprint "service": field schema.properties.env.enumColors.production: "production" is not in enum (prod); every enumColors key must be an enum value. Did you mean "prod"? Fix the key or add it to enum.',
      ]);
    });

    it("rejects a default outside enum, with its full path", () => {
      expect(problems(base({ schema: { properties: { env: { type: "string", enum: ["prod", "staging"], default: "qa" } } } }))).toEqual([
        'Blueprint "service": field schema.properties.env.default: "qa" is not in enum (prod, staging); the default must be one of the enum values. Change the default or add it to enum.',
      ]);
    });

    it("rejects a bad regex pattern, with its full path", () => {
      expect(problems(base({ schema: { properties: { version: { type: "string", pattern: "^v(\\d+$" } } } }))).toEqual([
        'Blueprint "service": field schema.properties.version.pattern: "^v(\\\\d+$" is not a valid regular expression (Unterminated group). Fix the pattern.',
      ]);
    });

    it("rejects a key declared in two maps, naming the key and both places", () => {
      expect(
        problems(
          base({
            schema: { properties: { owner: { type: "string" } } },
            relations: { owner: { target: "_user" } },
            calculationProperties: { score: { calculation: "1", type: "number" } },
            aggregationProperties: { score: { title: "Score", target: "deployment", calculationSpec: { calculationBy: "entities", func: "count" } } },
          }),
        ),
      ).toEqual([
        `Blueprint "service": field relations.owner: "owner" is declared in both schema.properties and relations; a key may appear in only one of ${KEYED_MAPS}. Rename one of them.`,
        `Blueprint "service": field aggregationProperties.score: "score" is declared in both calculationProperties and aggregationProperties; a key may appear in only one of ${KEYED_MAPS}. Rename one of them.`,
      ]);
    });

    it('rejects an aggregation with func "sum" but no property', () => {
      expect(problems(base({ aggregationProperties: { cost: { title: "Cost", target: "deployment", calculationSpec: { calculationBy: "property", func: "sum" } } } }))).toEqual([
        'Blueprint "service": field aggregationProperties.cost.calculationSpec.property: is required with calculationBy "property": name the target blueprint\'s number property to aggregate, e.g. "cost". Add it, or use calculationBy "entities" to count entities.',
      ]);
    });

    it('rejects func "sum" with calculationBy "entities", pointing to calculationBy "property"', () => {
      expect(problems(base({ aggregationProperties: { cost: { title: "Cost", target: "deployment", calculationSpec: { calculationBy: "entities", func: "sum" } } } }))).toEqual([
        'Blueprint "service": field aggregationProperties.cost.calculationSpec.func: "sum" is not a func for calculationBy "entities"; allowed: count, average. "sum" aggregates a property: use calculationBy "property" and name the property. Fix the func.',
      ]);
    });

    it('rejects func "count" with calculationBy "property", pointing to calculationBy "entities"', () => {
      expect(
        problems(base({ aggregationProperties: { n: { title: "N", target: "deployment", calculationSpec: { calculationBy: "property", func: "count", property: "x" } } } })),
      ).toEqual([
        'Blueprint "service": field aggregationProperties.n.calculationSpec.func: "count" is not a func for calculationBy "property"; allowed: sum, min, max, median, average. "count" counts entities: use calculationBy "entities". Fix the func.',
      ]);
    });

    it("rejects an average without averageOf and an unknown calculationBy", () => {
      expect(
        problems(
          base({
            aggregationProperties: {
              a: { title: "A", target: "deployment", calculationSpec: { calculationBy: "entities", func: "average" } },
              b: { title: "B", target: "deployment", calculationSpec: { calculationBy: "entity", func: "count" } },
            },
          }),
        ),
      ).toEqual([
        'Blueprint "service": field aggregationProperties.a.calculationSpec.averageOf: is required; allowed: hour, day, week, month, total. Set the averageOf.',
        'Blueprint "service": field aggregationProperties.b.calculationSpec.calculationBy: "entity" is not a calculationBy; allowed: entities, property. Did you mean "entities"? Fix the calculationBy.',
      ]);
    });

    it("rejects a non-number aggregation type, more than one pathFilter, and a bad query rule", () => {
      expect(
        problems(
          base({
            aggregationProperties: {
              a: {
                title: "A",
                type: "string",
                target: "deployment",
                calculationSpec: { calculationBy: "entities", func: "count" },
                query: { combinator: "and", rules: [{ property: "status", operator: "in", value: "failed" }] },
                pathFilter: [{ path: ["service"] }, { path: ["system"] }],
              },
            },
          }),
        ),
      ).toEqual([
        'Blueprint "service": field aggregationProperties.a.type: "string" is not an aggregation property type; allowed: number. Fix the type.',
        'Blueprint "service": field aggregationProperties.a.query.rules[0].value: "failed" is not a list; in, notIn and containsAny need an array such as ["failed"] (or a {context, property} reference). Wrap the value in [ ].',
        'Blueprint "service": field aggregationProperties.a.pathFilter: has 2 items; at most 1 allowed. Remove 1.',
      ]);
    });

    it("rejects an unknown query operator inside an aggregation", () => {
      expect(
        problems(
          base({
            aggregationProperties: {
              a: {
                title: "A",
                target: "deployment",
                calculationSpec: { calculationBy: "entities", func: "count" },
                query: { combinator: "and", rules: [{ property: "x", operator: "equals", value: 1 }] },
              },
            },
          }),
        ),
      ).toEqual([
        `Blueprint "service": field aggregationProperties.a.query.rules[0].operator: "equals" is not an entity query operator; allowed: ${ENTITY_QUERY_OPERATORS.join(", ")}. Fix the operator.`,
      ]);
    });

    it("rejects a mirror path that is not rel.prop and one whose first relation is not declared", () => {
      expect(problems(base({ relations: { system: { target: "system" } }, mirrorProperties: { a: { path: "owner" }, b: { path: "sytem.owner" } } }))).toEqual([
        'Blueprint "service": field mirrorProperties.a.path: "owner" is not a mirror path; it must be relation identifiers joined by dots, ending in a property or meta-property of the related blueprint, e.g. "service.language" or "service.$title". Fix the path.',
        'Blueprint "service": field mirrorProperties.b.path: "sytem.owner" starts with "sytem", which is not a relation of this blueprint (relations: system). Did you mean "system"? Start the path with a declared relation or declare the relation.',
      ]);
    });

    it("rejects Inherited ownership without path, through an undeclared relation, and an unknown ownership type", () => {
      expect(problems(base({ ownership: { type: "Inherited" } }))).toEqual(['Blueprint "service": field ownership.path: is required but missing. Add a string.']);
      expect(problems(base({ ownership: { type: "Inherited", path: "system" } }))).toEqual([
        'Blueprint "service": field ownership.path: "system" starts with "system", which is not a relation of this blueprint (this blueprint declares no relations). Start the path with a declared relation or declare the relation.',
      ]);
      expect(problems(base({ ownership: { type: "Inherit", path: "system" } }))).toEqual([
        'Blueprint "service": field ownership.type: "Inherit" is not an ownership type; allowed: Direct, Inherited. Did you mean "Inherited"? Fix the type.',
      ]);
    });

    it("rejects a path on Direct ownership", () => {
      expect(problems(base({ ownership: { type: "Direct", path: "system" } }))).toEqual([
        'Blueprint "service": field ownership: "path" is not a key of Direct ownership; allowed: type, title. Rename or remove it.',
      ]);
    });

    it("rejects a WEBHOOK destination without a valid URL, a KAFKA destination with one, and an unknown type", () => {
      expect(problems(base({ changelogDestination: { type: "WEBHOOK", url: "hooks.example.com" } }))).toEqual([
        'Blueprint "service": field changelogDestination.url: "hooks.example.com" is not a valid URL. Use an absolute http(s) URL such as "https://example.com/hook".',
      ]);
      expect(problems(base({ changelogDestination: { type: "KAFKA", url: "https://x.example.com" } }))).toEqual([
        'Blueprint "service": field changelogDestination: "url" is not a key of a KAFKA changelog destination; allowed: type. Rename or remove it.',
      ]);
      expect(problems(base({ changelogDestination: { type: "webhook", url: "https://x.example.com" } }))).toEqual([
        'Blueprint "service": field changelogDestination.type: "webhook" is not a changelog destination type; allowed: WEBHOOK, KAFKA. Did you mean "WEBHOOK"? Fix the type.',
      ]);
    });

    it("rejects an empty calculation and items on a non-array calculation", () => {
      expect(problems(base({ calculationProperties: { c: { calculation: "  ", type: "string", items: { type: "string" } } } }))).toEqual([
        'Blueprint "service": field calculationProperties.c.calculation: is empty; write the jq expression that computes the value, e.g. ".properties.url". Set the calculation.',
        'Blueprint "service": field calculationProperties.c.items: describes array elements, but type is "string". Remove items or set type to "array".',
      ]);
    });

    it("rejects a calculation format Port does not allow there", () => {
      expect(problems(base({ calculationProperties: { c: { calculation: ".x", type: "string", format: "timer" } } }))).toEqual([
        `Blueprint "service": field calculationProperties.c.format: "timer" is not a calculation property format; allowed: ${CALCULATION_PROPERTY_FORMATS.join(", ")}. Fix the format.`,
      ]);
    });

    it("rejects an empty title, a title over 100 characters and a description over 200", () => {
      expect(problems(base({ title: "" }))).toEqual(['Blueprint "service": field title: must not be empty. Set a value.']);
      expect(problems(base({ title: "T".repeat(101), description: "d".repeat(201) }))).toEqual([
        `Blueprint "service": field title: "${"T".repeat(58)}… is 101 characters long; at most 100 allowed. Shorten it.`,
        `Blueprint "service": field description: "${"d".repeat(58)}… is 201 characters long; at most 200 allowed. Shorten it.`,
      ]);
    });

    it("rejects a property key that breaks Port's key pattern", () => {
      expect(problems(base({ schema: { properties: { "on call": { type: "string" } } } }))).toEqual([
        'Blueprint "service": field schema.properties["on call"]: must match Port\'s property identifier pattern (letters A-Z a-z, digits and @ _ = \\ -, no spaces or dots, at most 100 characters); "on call" contains a space: use "on_call".',
      ]);
    });

    it("rejects a spec that is not an object", () => {
      expect(problems("service")).toEqual(['Blueprint "service": "service" is a string, expected an object. Fix the value.']);
    });

    it("reports problems from every section together, in document order", () => {
      const result = problems({
        identifier: "my service",
        title: "Service",
        schema: { properties: { port: { type: "strng" }, env: { type: "string", enum: ["a"], default: "b" } }, required: ["nope"] },
        relations: { env: { target: "environment", many: true, required: true } },
        aggregationProperties: { total: { title: "Total", target: "deployment", calculationSpec: { calculationBy: "property", func: "sum" } } },
        changelogDestination: { type: "WEBHOOK" },
        extra: true,
      });
      expect(result).toEqual([
        'Blueprint "service": field identifier: must match Port\'s blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters); "my service" contains a space: use "my_service".',
        'Blueprint "service": field schema.properties.port.type: "strng" is not a property type; allowed: string, number, boolean, object, array. Did you mean "string"? Fix the type.',
        'Blueprint "service": field schema.properties.env.default: "b" is not in enum (a); the default must be one of the enum values. Change the default or add it to enum.',
        'Blueprint "service": field schema.required[0]: "nope" is not declared in schema.properties (declared: port, env). Declare the property or remove it from required.',
        'Blueprint "service": field relations.env: required and many are both true, which Port refuses (a many-relation cannot be required). Drop one: set required or many to false.',
        'Blueprint "service": field aggregationProperties.total.calculationSpec.property: is required with calculationBy "property": name the target blueprint\'s number property to aggregate, e.g. "cost". Add it, or use calculationBy "entities" to count entities.',
        'Blueprint "service": field changelogDestination.url: is required but missing. Add a string.',
        `Blueprint "service": "extra" is not a key of a blueprint; allowed: ${BLUEPRINT_KEYS}. Rename or remove it.`,
        `Blueprint "service": field relations.env: "env" is declared in both schema.properties and relations; a key may appear in only one of ${KEYED_MAPS}. Rename one of them.`,
      ]);
    });
  });
});
