import * as pulumi from "@pulumi/pulumi";
import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

// The Webhook component under Pulumi's own mocks: exact types, names, parents and inputs, no engine.
// Port writes the key and the URL; the mock plays that part.
const registered = recordRegistrations((args) => (args.type.endsWith("port:Webhook") ? { ...args.inputs, webhookKey: "key-1", url: "https://ingest.port.io/key-1" } : args.inputs));

let components: Components;

beforeAll(async () => {
  components = await import("..");
});

beforeEach(() => {
  registered.length = 0;
});

/** The problems the portal check reports for `declarations` ([] when it passes). */
const problemsOfCheck = (declarations: () => void) => problemsOf(components, declarations);

function repositoryBlueprint() {
  return new components.Blueprint("repository", {
    identifier: "repository",
    title: "Repository",
    schema: { properties: { url: { type: "string", format: "url" }, defaultBranch: { type: "string" } } },
    relations: { service: { target: "_team", required: false, many: false } },
    calculationProperties: { label: { type: "string", calculation: ".title" } },
  });
}

const pushMapping = { filter: '.headers."x-github-event" == "push"', entity: { identifier: ".body.repository.name", properties: { url: ".body.repository.html_url" } } };

describe("Webhook", () => {
  it("registers a portal:index:Webhook component with one dynamic port:Webhook child", async () => {
    const webhook = await declared(components, () => new components.Webhook("github", { identifier: "github", title: "GitHub", mappings: [] }));
    expect(await valueOf(webhook.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Webhook$pulumi-nodejs:dynamic/port:Webhook::github");
    expect(registered.map((r) => [r.type, r.name])).toEqual([
      ["portal:index:Webhook", "github"],
      ["pulumi-nodejs:dynamic/port:Webhook", "github"],
    ]);
  });

  it("passes the spec with each mapping's Blueprint as its identifier, and the outputs of Port's URL and key", async () => {
    // declared() rejects with the problems when the portal check fails.
    const webhook = await declared(components, () => {
      const repository = repositoryBlueprint();
      return new components.Webhook("github", {
        identifier: "github",
        title: "GitHub",
        mappings: [
          { blueprint: repository, ...pushMapping },
          { blueprint: "_team", operation: "delete", entity: { identifier: ".body.team" } },
        ],
      });
    });
    await valueOf(webhook.identifier);
    const { __provider, ...inputs } = registered.find((r) => r.type.endsWith("port:Webhook"))!.inputs;
    expect(inputs).toEqual({
      identifier: "github",
      title: "GitHub",
      mappings: [
        { blueprint: "repository", ...pushMapping },
        { blueprint: "_team", operation: "delete", entity: { identifier: ".body.team" } },
      ],
    });
    expect(await valueOf(webhook.identifier)).toBe("github");
    expect(await valueOf(webhook.url)).toBe("https://ingest.port.io/key-1");
    expect(await valueOf(webhook.webhookKey)).toBe("key-1");
  });

  it("keeps the security settings secret in the inputs, even when the secret was given as a plain string", async () => {
    const security = { secret: "plain-text-secret", signatureHeaderName: "X-Hub-Signature-256", signatureAlgorithm: "sha256" as const };
    const webhook = await declared(components, () => new components.Webhook("github", { identifier: "github", title: "GitHub", security }));
    await valueOf(webhook.identifier);
    const inputs = registered.find((r) => r.type.endsWith("port:Webhook"))!.inputs;
    expect(inputs.security).toEqual({ [specialSigKey]: specialSecretSig, value: security });
  });

  it("registers nothing for invalid args and reports every problem with the component and the field", async () => {
    const problems = await problemsOfCheck(() => {
      const repository = repositoryBlueprint();
      new components.Webhook("bad", {
        identifier: "git hub",
        title: "Bad",
        security: { secret: pulumi.secret("s") },
        mappings: [
          { blueprint: repository, entity: { identifier: ".id", properties: { URL: ".url", label: ".t" }, relations: { servce: ".s" } } },
          { blueprint: "repostory", operation: "remove" as "delete", entity: { identifier: ".id" } },
        ],
      });
    });
    expect(registered.filter((r) => r.name === "bad" && r.custom)).toEqual([]);
    expect(problems).toEqual([
      'Webhook "bad": field identifier: "git hub" contains whitespace; use "git_hub". Fix the identifier.',
      'Webhook "bad": field security.signatureHeaderName: is missing while secret is set: Port needs signatureHeaderName and signatureAlgorithm to verify signatures. Set signatureHeaderName (e.g. "X-Hub-Signature-256") or remove the secret.',
      'Webhook "bad": field security.signatureAlgorithm: is missing while secret is set: Port needs signatureHeaderName and signatureAlgorithm to verify signatures. Set signatureAlgorithm (e.g. "sha256") or remove the secret.',
      'Webhook "bad": field mappings[1].operation: "remove" is not a mapping operation; allowed: create, delete. Fix the operation.',
      'Webhook "bad": field mappings[0].entity.properties.URL: "URL" is not a property of blueprint "repository" (properties: url, defaultBranch). Did you mean "url"? Use a declared property or declare it on the blueprint.',
      'Webhook "bad": field mappings[0].entity.properties.label: "label" is a calculation property of blueprint "repository", which Port computes; it cannot be set. Remove it.',
      'Webhook "bad": field mappings[0].entity.relations.servce: "servce" is not a relation of blueprint "repository" (relations: service). Did you mean "service"? Use a declared relation or declare it on the blueprint.',
      'Webhook "bad": field mappings[1].blueprint: blueprint "repostory" is not declared in this stack. Did you mean "repository"? Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
    ]);
  });

  it("refuses two webhooks with the same identifier", async () => {
    const problems = await problemsOfCheck(() => {
      new components.Webhook("a", { identifier: "github", title: "A" });
      new components.Webhook("b", { identifier: "github", title: "B" });
    });
    expect(problems).toEqual(['Webhook "b": field identifier: "github" is already the identifier of a webhook declared by Webhook "a". Give each webhook its own identifier.']);
  });
});
