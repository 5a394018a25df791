import { WebhookSpec, webhookJqFields } from "./schema";
import { jqProblems } from "../../core/schemas/jq";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const problems = (value: unknown) => problemMessages(WebhookSpec, value, "Webhook", "github");

const mapping = { blueprint: "repository", entity: { identifier: ".body.repository.name" } };
const minimal = { identifier: "github", title: "GitHub", mappings: [mapping] };

describe("WebhookSpec", () => {
  it("accepts a minimal webhook and fills Port's default enabled: true", () => {
    expect(parseValid(WebhookSpec, minimal)).toEqual({ ...minimal, enabled: true });
  });

  it("fills an empty mappings list, so removing every mapping in code removes them in Port", () => {
    expect(parseValid(WebhookSpec, { identifier: "github", title: "GitHub" }).mappings).toEqual([]);
  });

  it("accepts every field: security, filters, items to parse, create and delete operations in both forms", () => {
    const full = {
      identifier: "github",
      title: "GitHub",
      description: "Events from GitHub",
      icon: "Github",
      enabled: false,
      integrationType: "custom",
      security: {
        secret: "s3cret",
        signatureHeaderName: "X-Hub-Signature-256",
        signatureAlgorithm: "sha256",
        signaturePrefix: "sha256=",
        requestIdentifierPath: '.headers."x-github-delivery"',
      },
      mappings: [
        {
          blueprint: "repository",
          filter: '.headers."x-github-event" == "push"',
          itemsToParse: ".body.commits",
          operation: "create",
          entity: {
            identifier: ".item.id",
            title: ".item.message",
            icon: '"Git"',
            team: '"platform"',
            properties: { url: ".item.url" },
            relations: { service: ".body.repository.name" },
          },
        },
        { ...mapping, operation: { type: "create" } },
        { ...mapping, operation: "delete" },
        { ...mapping, operation: { type: "delete", deleteDependents: true } },
      ],
    };
    expect(parseValid(WebhookSpec, full)).toEqual(full);
  });

  it("accepts every signature algorithm Port knows", () => {
    for (const signatureAlgorithm of ["sha1", "sha256", "plain"]) {
      const security = { secret: "s", signatureHeaderName: "X-Sig", signatureAlgorithm };
      expect(problems({ ...minimal, security })).toEqual([]);
    }
  });

  it("refuses identifiers and titles Port refuses, saying how to fix them", () => {
    expect(problems({ ...minimal, identifier: "github events" })).toEqual([
      'Webhook "github": field identifier: "github events" contains whitespace; use "github_events". Fix the identifier.',
    ]);
    expect(problems({ ...minimal, identifier: "a".repeat(31) })).toEqual([
      `Webhook "github": field identifier: "${"a".repeat(31)}" is 31 characters long; Port allows at most 30. Shorten it.`,
    ]);
    expect(problems({ ...minimal, identifier: ".." })).toEqual([
      'Webhook "github": field identifier: ".." alone is reserved; use an identifier such as "github". Fix the identifier.',
    ]);
    expect(problems({ ...minimal, title: "GitHub events from every repository" })).toEqual([
      'Webhook "github": field title: "GitHub events from every repository" is 35 characters long; at most 30 allowed. Shorten it.',
    ]);
  });

  it("refuses a misspelt key with the closest one", () => {
    expect(problems({ ...minimal, mapings: [] })).toEqual([
      'Webhook "github": "mapings" is not a key of a webhook; allowed: identifier, title, description, icon, enabled, integrationType, security, mappings. Did you mean "mappings"? Rename or remove it.',
    ]);
  });

  it("refuses an unknown signature algorithm", () => {
    const security = { secret: "s", signatureHeaderName: "X-Sig", signatureAlgorithm: "sha265" };
    expect(problems({ ...minimal, security })).toEqual([
      'Webhook "github": field security.signatureAlgorithm: "sha265" is not a signature algorithm; allowed: sha1, sha256, plain. Did you mean "sha256"? Fix the signatureAlgorithm.',
    ]);
  });

  it("refuses a secret without the header and algorithm Port needs to verify it", () => {
    expect(problems({ ...minimal, security: { secret: "s" } })).toEqual([
      'Webhook "github": field security.signatureHeaderName: is missing while secret is set: Port needs signatureHeaderName and signatureAlgorithm to verify signatures. Set signatureHeaderName (e.g. "X-Hub-Signature-256") or remove the secret.',
      'Webhook "github": field security.signatureAlgorithm: is missing while secret is set: Port needs signatureHeaderName and signatureAlgorithm to verify signatures. Set signatureAlgorithm (e.g. "sha256") or remove the secret.',
    ]);
  });

  it("refuses signature settings without a secret", () => {
    expect(problems({ ...minimal, security: { signatureHeaderName: "X-Sig" } })).toEqual([
      'Webhook "github": field security.signatureHeaderName: is set but secret is not: Port verifies signatures with the secret. Set secret or remove signatureHeaderName.',
    ]);
  });

  it("refuses an unknown operation, in the string and the object form", () => {
    expect(problems({ ...minimal, mappings: [{ ...mapping, operation: "upsert" }] })).toEqual([
      'Webhook "github": field mappings[0].operation: "upsert" is not a mapping operation; allowed: create, delete. Fix the operation.',
    ]);
    expect(problems({ ...minimal, mappings: [{ ...mapping, operation: { type: "remove" } }] })).toEqual([
      'Webhook "github": field mappings[0].operation.type: "remove" is not an operation type; allowed: create, delete. Fix the type.',
    ]);
    expect(problems({ ...minimal, mappings: [{ ...mapping, operation: { type: "create", deleteDependents: true } }] })).toEqual([
      'Webhook "github": field mappings[0].operation: "deleteDependents" is not a key of a create operation; allowed: type. Rename or remove it.',
    ]);
  });

  it("refuses entity fields other than the identifier in a delete mapping", () => {
    const remove = { blueprint: "repository", operation: "delete", entity: { identifier: ".body.id", title: ".body.name", properties: { url: ".body.url" } } };
    expect(problems({ ...minimal, mappings: [remove] })).toEqual([
      'Webhook "github": field mappings[0].entity.title: is set, but a delete mapping uses only entity.identifier (Port deletes the entity it names). Remove entity.title or make the operation "create".',
      'Webhook "github": field mappings[0].entity.properties: is set, but a delete mapping uses only entity.identifier (Port deletes the entity it names). Remove entity.properties or make the operation "create".',
    ]);
  });

  it("refuses a mapping without an entity identifier, an empty JQ and a bad property key", () => {
    const bad = { blueprint: "repository", filter: " ", entity: { title: ".body.name", properties: { "html url": ".body.url" } } };
    expect(problems({ ...minimal, mappings: [bad] })).toEqual([
      `Webhook "github": field mappings[0].filter: is empty; write a JQ expression such as ".body.name" (a constant needs quotes, e.g. '"service"'). Set the expression.`,
      'Webhook "github": field mappings[0].entity.identifier: is required but missing. Add a string.',
      `Webhook "github": field mappings[0].entity.properties["html url"]: must match Port's property identifier pattern (letters A-Z a-z, digits and @ _ = \\ -, no spaces or dots, at most 100 characters); "html url" contains a space: use "html_url".`,
    ]);
  });
});

describe("Webhook JQ fields", () => {
  const spec = parseValid(WebhookSpec, {
    identifier: "github",
    title: "GitHub",
    security: { secret: "s", signatureHeaderName: "X-Sig", signatureAlgorithm: "plain", requestIdentifierPath: ".headers.id" },
    mappings: [
      {
        blueprint: "repository",
        filter: ".body.ok",
        itemsToParse: ".body.items",
        entity: { identifier: ".item.id", title: ".item.t", icon: '"Git"', team: ".item.team", properties: { url: ".item.url" }, relations: { service: ".item.s" } },
      },
    ],
  });

  it("lists every JQ value of the webhook with the field it is in", () => {
    expect(webhookJqFields(spec).map((f) => f.field)).toEqual([
      "security.requestIdentifierPath",
      "mappings[0].filter",
      "mappings[0].itemsToParse",
      "mappings[0].entity.identifier",
      "mappings[0].entity.title",
      "mappings[0].entity.icon",
      "mappings[0].entity.team",
      "mappings[0].entity.properties.url",
      "mappings[0].entity.relations.service",
    ]);
  });

  it("names the field of a mapping whose JQ does not compile", async () => {
    const broken = { ...spec, mappings: [{ ...spec.mappings[0], entity: { ...spec.mappings[0].entity, properties: { url: ".body.url |" } } }] };
    const found = await jqProblems("Webhook", "github", webhookJqFields(broken));
    expect(found.map((p) => p.field)).toEqual(["mappings[0].entity.properties.url"]);
    expect(found[0].message).toMatch(
      /^Webhook "github": field mappings\[0\]\.entity\.properties\.url: JQ "\.body\.url \|" does not compile: the expression ends too early \(.*\)\. Fix the expression\.$/,
    );
  });
});
