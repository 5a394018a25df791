import { blueprintBody, Harness, problemPaths } from "./emulator-harness";
import { BlueprintSpec } from "../../kinds/blueprint/schema";
import { parseValid, problemMessages } from "../support/problem-messages";

type Body = Record<string, unknown>;

const withProperty = (key: string, property: unknown): Body => blueprintBody("svc", { schema: { properties: { [key]: property } } });

const relation = (extra: Body = {}) => ({ title: "Cluster", target: "cluster", required: false, many: false, ...extra });

/** [rule, body, JSON pointer of the problem, text the message contains] */
const invalid: [string, Body, string, string][] = [
  ["an identifier with a space", blueprintBody("my service"), "/identifier", "must match pattern"],
  ["the identifier '.'", blueprintBody("."), "/identifier", "must match pattern"],
  ["an identifier over 100 characters", blueprintBody("a".repeat(101)), "/identifier", "more than 100 characters"],
  ["a missing identifier", { title: "T", schema: { properties: {} } }, "/identifier", "is required"],
  ["a missing title", { identifier: "svc", schema: { properties: {} } }, "/title", "is required"],
  ["an empty title", blueprintBody("svc", { title: "" }), "/title", "fewer than 1 characters"],
  ["a title over 100 characters", blueprintBody("svc", { title: "t".repeat(101) }), "/title", "more than 100"],
  ["a description over 200 characters", blueprintBody("svc", { description: "d".repeat(201) }), "/description", "more than 200"],
  ["a missing schema", { identifier: "svc", title: "T" }, "/schema", "is required"],
  ["a schema without properties", blueprintBody("svc", { schema: { required: [] } }), "/schema/properties", "is required"],
  ["an unknown key in schema", blueprintBody("svc", { schema: { properties: {}, extra: 1 } }), "/schema/extra", "must NOT be present"],
  ["an unknown property type", withProperty("port", { type: "strin" }), "/schema/properties/port/type", "must be equal to one of the allowed values"],
  ["a property without type", withProperty("port", { title: "Port" }), "/schema/properties/port/type", "is required"],
  ["an unknown property format", withProperty("url", { type: "string", format: "uri" }), "/schema/properties/url/format", "allowed values"],
  ["an unknown enum colour", withProperty("tier", { type: "string", enum: ["a"], enumColors: { a: "magenta" } }), "/schema/properties/tier/enumColors/a", "allowed values"],
  ["an enum value of the wrong type", withProperty("tier", { type: "string", enum: ["a", 2] }), "/schema/properties/tier/enum/1", "must be string"],
  ["a property key with a space", withProperty("bad key", { type: "string" }), "/schema/properties/bad key", "invalid key"],
  ["a property key over 100 characters", withProperty("k".repeat(101), { type: "string" }), `/schema/properties/${"k".repeat(101)}`, "at most 100"],
  ["a required entry that is not a property", blueprintBody("svc", { schema: { properties: {}, required: ["ghost"] } }), "/schema/required/0", "not a key of /schema/properties"],
  [
    "a relation to a blueprint that does not exist",
    blueprintBody("svc", { relations: { cluster: relation({ target: "nowhere" }) } }),
    "/relations/cluster/target",
    "does not exist",
  ],
  ["a relation without required", blueprintBody("svc", { relations: { cluster: { target: "cluster", many: false } } }), "/relations/cluster/required", "is required"],
  ["a relation with a non-boolean many", blueprintBody("svc", { relations: { cluster: relation({ many: "yes" }) } }), "/relations/cluster/many", "must be boolean"],
  ["a property of type integer", withProperty("replicas", { type: "integer" }), "/schema/properties/replicas/type", "allowed values"],
  ["a relation with a misspelt key", blueprintBody("svc", { relations: { cluster: relation({ requried: true }) } }), "/relations/cluster/requried", "must NOT be present"],
  [
    "an aggregation title over 100 characters",
    blueprintBody("svc", { aggregationProperties: { n: { title: "t".repeat(101), target: "cluster", calculationSpec: { calculationBy: "entities", func: "count" } } } }),
    "/aggregationProperties/n/title",
    "more than 100",
  ],
  ["a relation title over 100 characters", blueprintBody("svc", { relations: { cluster: relation({ title: "t".repeat(101) }) } }), "/relations/cluster/title", "more than 100"],
  [
    "a relation that is both many and required",
    blueprintBody("svc", { relations: { cluster: relation({ many: true, required: true }) } }),
    "/relations/cluster",
    "cannot be both many and required",
  ],
  [
    "a mirror path that does not start with a relation",
    blueprintBody("svc", { mirrorProperties: { ct: { path: "owner.$title" } } }),
    "/mirrorProperties/ct/path",
    "not a relation of this blueprint",
  ],
  [
    "a mirror path with one segment",
    blueprintBody("svc", { relations: { cluster: relation() }, mirrorProperties: { ct: { path: "cluster" } } }),
    "/mirrorProperties/ct/path",
    "dot path",
  ],
  ["a calculation without calculation", blueprintBody("svc", { calculationProperties: { c: { type: "string" } } }), "/calculationProperties/c/calculation", "is required"],
  ["a calculation without type", blueprintBody("svc", { calculationProperties: { c: { calculation: ".title" } } }), "/calculationProperties/c/type", "is required"],
  [
    "a calculation with an unknown key",
    blueprintBody("svc", { calculationProperties: { c: { calculation: ".title", type: "string", bogus: 1 } } }),
    "/calculationProperties/c/bogus",
    "must NOT be present",
  ],
  [
    "a calculation with the timer format",
    blueprintBody("svc", { calculationProperties: { c: { calculation: ".title", type: "string", format: "timer" } } }),
    "/calculationProperties/c/format",
    "allowed values",
  ],
  [
    "an aggregation without title",
    blueprintBody("svc", { aggregationProperties: { n: { target: "cluster", calculationSpec: { calculationBy: "entities", func: "count" } } } }),
    "/aggregationProperties/n/title",
    "is required",
  ],
  [
    "an aggregation without calculationSpec",
    blueprintBody("svc", { aggregationProperties: { n: { title: "N", target: "cluster" } } }),
    "/aggregationProperties/n/calculationSpec",
    "is required",
  ],
  [
    "an aggregation to a blueprint that does not exist",
    blueprintBody("svc", { aggregationProperties: { n: { title: "N", target: "nowhere", calculationSpec: { calculationBy: "entities", func: "count" } } } }),
    "/aggregationProperties/n/target",
    "does not exist",
  ],
  [
    "an aggregation with an unknown calculation variant",
    blueprintBody("svc", { aggregationProperties: { n: { title: "N", target: "cluster", calculationSpec: { calculationBy: "entities", func: "sum" } } } }),
    "/aggregationProperties/n/calculationSpec",
    "must match one of the variants",
  ],
  [
    "an average aggregation without averageOf",
    blueprintBody("svc", { aggregationProperties: { n: { title: "N", target: "cluster", calculationSpec: { calculationBy: "entities", func: "average" } } } }),
    "/aggregationProperties/n/calculationSpec/averageOf",
    "is required",
  ],
  [
    "a property aggregation without property",
    blueprintBody("svc", { aggregationProperties: { n: { title: "N", target: "cluster", calculationSpec: { calculationBy: "property", func: "sum" } } } }),
    "/aggregationProperties/n/calculationSpec/property",
    "is required",
  ],
  ["an unknown ownership type", blueprintBody("svc", { ownership: { type: "Shared" } }), "/ownership/type", "allowed values"],
  ["an inherited ownership without path", blueprintBody("svc", { ownership: { type: "Inherited" } }), "/ownership/path", "is required"],
  ["an inherited ownership through a missing relation", blueprintBody("svc", { ownership: { type: "Inherited", path: "cluster" } }), "/ownership/path", "not a relation"],
  ["a webhook changelog destination without url", blueprintBody("svc", { changelogDestination: { type: "WEBHOOK" } }), "/changelogDestination/url", "is required"],
  ["an unknown changelog destination type", blueprintBody("svc", { changelogDestination: { type: "SQS" } }), "/changelogDestination/type", "allowed values"],
  [
    "a key used by both a property and a relation",
    blueprintBody("svc", { relations: { name: relation() } }),
    "/relations/name",
    'duplicates the identifier "name" already used in /schema/properties',
  ],
];

describe("Port emulator blueprint validation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    expect((await h.post("/v1/blueprints", blueprintBody("cluster"))).status).toBe(201);
  });
  afterAll(() => h.close());

  it.each(invalid)("refuses %s with 422 naming the field", async (_rule, body, path, text) => {
    const res = await h.post("/v1/blueprints", body);
    expect(res.status).toBe(422);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toBe("invalid_request");
    expect(problemPaths(res.body)).toContain(path);
    const problem = res.body.details.errors.find((e: { path: string }) => e.path === path);
    expect(problem.message).toContain(text);
    expect(res.body.message).toContain(`${path} ${problem.message}`);
  });

  it("words a bad property type the way Port's validator does", async () => {
    const res = await h.post("/v1/blueprints", withProperty("port", { type: "strin" }));
    expect(res.body.message).toBe('/schema/properties/port/type must be equal to one of the allowed values (got "strin")');
    expect(res.body.details.errors).toEqual([
      {
        path: "/schema/properties/port/type",
        message: 'must be equal to one of the allowed values (got "strin")',
        allowedValues: ["string", "number", "boolean", "object", "array"],
      },
    ]);
  });

  it("lists every problem of one body in details and joins them in the message", async () => {
    const res = await h.post("/v1/blueprints", { identifier: "bad id", schema: { properties: { p: { type: "text" } } } });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/identifier", "/title", "/schema/properties/p/type"]);
    expect(res.body.message.split("; ")).toHaveLength(3);
  });

  it("refuses a body that is not an object", async () => {
    const res = await h.post("/v1/blueprints", [1, 2]);
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/"]);
  });

  it("accepts a unicode identifier, a self relation and every optional section", async () => {
    const body = {
      identifier: "sérvice:v2/api",
      title: "Service",
      description: "A service",
      icon: "Microservice",
      schema: {
        properties: {
          tier: { type: "string", enum: ["gold", "silver"], enumColors: { gold: "gold", silver: "silver" } },
          url: { type: "string", format: "url" },
          tags: { type: "array", items: { type: "string" } },
        },
        required: ["tier"],
      },
      relations: {
        parent: { title: "Parent", target: "sérvice:v2/api", required: false, many: false },
        cluster: { target: "cluster", required: true, many: false },
      },
      mirrorProperties: { clusterName: { path: "cluster.$title" } },
      calculationProperties: { label: { calculation: ".title", type: "string", colorized: true, colors: { a: "red" } } },
      aggregationProperties: {
        children: { title: "Children", target: "cluster", calculationSpec: { calculationBy: "entities", func: "count" } },
        avgAge: {
          title: "Avg",
          target: "cluster",
          calculationSpec: { calculationBy: "property", func: "average", property: "age", averageOf: "week" },
        },
      },
      ownership: { type: "Inherited", path: "cluster" },
      changelogDestination: { type: "WEBHOOK", url: "https://example.com/hook", agent: false },
    };
    const res = await h.post("/v1/blueprints", body);
    expect(res.status).toBe(201);
    expect(res.body.blueprint).toMatchObject(body);
    const read = await h.get(`/v1/blueprints/${encodeURIComponent("sérvice:v2/api")}`);
    expect(read.status).toBe(200);
    expect(read.body.blueprint.identifier).toBe("sérvice:v2/api");
  });

  it("accepts a blueprint shaped like an integration's default blueprint, JSON-schema keywords and all, as our schema does", async () => {
    const body = {
      identifier: "incident",
      title: "Incident",
      icon: "Alert",
      schema: {
        properties: {
          status: { title: "Status", type: "string", enum: ["open", "resolved"], enumColors: { open: "red", resolved: "green" } },
          openedAt: { title: "Opened", type: "string", format: "date-time", dateFormat: "24-hour" },
          urgency: { title: "Urgency", type: "number", exclusiveMinimum: 0, exclusiveMaximum: 10 },
          responders: { title: "Responders", type: "array", uniqueItems: true, items: { type: "string", format: "user" } },
          tags: { title: "Tags", type: "array", items: { type: "string", pattern: "^[a-z-]+$", minLength: 2, maxLength: 30 } },
          notes: {
            title: "Notes",
            type: "array",
            items: { type: "object", properties: { at: { type: "string", format: "date-time" }, text: { type: "string" } }, required: ["at"] },
          },
          labels: { title: "Labels", type: "object", patternProperties: { "^[a-z]+$": { type: "string" } }, additionalProperties: false },
          cost: { title: "Cost", type: "number", multipleOf: 0.01 },
        },
        required: ["status"],
      },
      relations: { cluster: { title: "Cluster", target: "cluster", required: false, many: false, type: "runs-on" } },
      calculationProperties: { openedDay: { title: "Opened day", calculation: ".properties.openedAt", type: "string", format: "date-time", dateFormat: "24-hour" } },
    };
    expect(parseValid(BlueprintSpec, body)).toEqual(body);
    const res = await h.post("/v1/blueprints", body);
    expect(res.status).toBe(201);
    expect(res.body.blueprint).toMatchObject(body);
  });

  it("refuses a relation both required and many and a property of type integer, as our schema does with the fix", async () => {
    const body = blueprintBody("both", { relations: { cluster: relation({ required: true, many: true }) }, schema: { properties: { replicas: { type: "integer" } } } });
    const res = await h.post("/v1/blueprints", body);
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/schema/properties/replicas/type", "/relations/cluster"]);
    expect(problemMessages(BlueprintSpec, body, "Blueprint", "both")).toEqual([
      'Blueprint "both": field schema.properties.replicas.type: "integer" is not a property type; allowed: string, number, boolean, object, array. Port has no "integer" type: use "number". Fix the type.',
      'Blueprint "both": field relations.cluster: required and many are both true, which Port refuses (a many-relation cannot be required). Drop one: set required or many to false.',
    ]);
  });

  it("accepts unknown extra top-level keys and returns them", async () => {
    const res = await h.post("/v1/blueprints", blueprintBody("extra", { somethingNew: { a: 1 } }));
    expect(res.status).toBe(201);
    expect(res.body.blueprint.somethingNew).toEqual({ a: 1 });
  });

  it("accepts direct ownership and a Kafka changelog destination", async () => {
    const res = await h.post("/v1/blueprints", blueprintBody("owned", { ownership: { type: "Direct" }, changelogDestination: { type: "KAFKA" } }));
    expect(res.status).toBe(201);
    expect(res.body.blueprint.ownership).toEqual({ type: "Direct" });
  });
});
