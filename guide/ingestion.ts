import * as pulumi from "@pulumi/pulumi";
import { Blueprint, Entity, IntegrationMapping, Webhook, type BlueprintArgs, type PortComponentOptions } from "../kinds";

/**
 * The implementation guide's ingestion as code: a custom integration (a webhook GitHub posts its
 * events to), the mapping of the pre-built GitHub integration, and seed entities for data that
 * belongs in code. Each function takes the blueprints it writes; the mappings are checked against
 * them while the program is declared, so a property the blueprint lacks fails the preview.
 *
 * Both GitHub examples write `service` (needs the property `repository`, a URL) and the
 * repository blueprint of {@link githubRepositoryArgs}.
 */

/** A GitHub repository, related to the service built from it. */
export function githubRepositoryArgs(service: Blueprint, identifier = "githubRepository"): BlueprintArgs {
  return {
    identifier,
    title: "Repository",
    icon: "Github",
    schema: {
      properties: {
        url: { type: "string", format: "url", title: "URL" },
        defaultBranch: { type: "string", title: "Default branch" },
        lastPushAt: { type: "string", format: "date-time", title: "Last push" },
        lastPullRequest: { type: "string", format: "url", title: "Last pull request" },
        lastPullRequestState: { type: "string", title: "Last pull request state", enum: ["open", "closed"] },
      },
    },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  };
}

export function githubRepository(service: Blueprint, opts?: PortComponentOptions): Blueprint {
  return new Blueprint("github-repository", githubRepositoryArgs(service), opts);
}

/** The GitHub event of a request, from the header GitHub sets on every delivery. */
const EVENT = '.headers."x-github-event"';

/**
 * A webhook for a GitHub organization's events: a push records the repository (and the service
 * named after it); a pull request records the last one on the repository; a deleted repository is
 * deleted. Requests are verified with the shared secret (GitHub's `X-Hub-Signature-256`) and
 * redeliveries are dropped by their delivery id. Configure GitHub with the webhook's `url`.
 */
export function githubWebhook(blueprints: { service: Blueprint; repository: Blueprint }, secret: pulumi.Input<string>, opts?: PortComponentOptions): Webhook {
  return new Webhook(
    "github-webhook",
    {
      identifier: "github",
      title: "GitHub events",
      icon: "Github",
      description: "Pushes and pull requests from GitHub, mapped onto services and repositories.",
      enabled: true,
      integrationType: "custom",
      security: {
        secret,
        signatureHeaderName: "X-Hub-Signature-256",
        signatureAlgorithm: "sha256",
        signaturePrefix: "sha256=",
        requestIdentifierPath: '.headers."x-github-delivery"',
      },
      mappings: [
        {
          blueprint: blueprints.service,
          filter: `${EVENT} == "push" and .body.ref == ("refs/heads/" + .body.repository.default_branch)`,
          entity: { identifier: ".body.repository.name", title: ".body.repository.name", properties: { repository: ".body.repository.html_url" } },
        },
        {
          blueprint: blueprints.repository,
          filter: `${EVENT} == "push"`,
          entity: {
            identifier: ".body.repository.name",
            title: ".body.repository.full_name",
            properties: {
              url: ".body.repository.html_url",
              defaultBranch: ".body.repository.default_branch",
              lastPushAt: ".body.head_commit.timestamp",
            },
            relations: { service: ".body.repository.name" },
          },
        },
        {
          blueprint: blueprints.repository,
          filter: `${EVENT} == "pull_request"`,
          entity: {
            identifier: ".body.repository.name",
            properties: { lastPullRequest: ".body.pull_request.html_url", lastPullRequestState: ".body.pull_request.state" },
          },
        },
        {
          blueprint: blueprints.repository,
          filter: `${EVENT} == "repository" and .body.action == "deleted"`,
          operation: { type: "delete", deleteDependents: false },
          entity: { identifier: ".body.repository.name" },
        },
      ],
    },
    opts,
  );
}

/**
 * The mapping of the pre-built GitHub integration (Ocean), installed in Port beforehand: every
 * repository that is not archived becomes a repository and a service of the same name; open
 * pull requests update their repository. The installation's own mapping is restored on destroy.
 */
export function githubIntegrationMapping(
  installationId: pulumi.Input<string>,
  blueprints: { service: Blueprint; repository: Blueprint },
  opts?: PortComponentOptions,
): IntegrationMapping {
  return new IntegrationMapping(
    "github-integration",
    {
      installationId,
      config: {
        createMissingRelatedEntities: true,
        deleteDependentEntities: true,
        enableMergeEntity: true,
        entityDeletionThreshold: 0.5,
        resources: [
          {
            kind: "repository",
            selector: { query: ".archived == false" },
            port: {
              entity: {
                mappings: [
                  { identifier: ".name", title: ".name", blueprint: blueprints.service, properties: { repository: ".html_url" } },
                  {
                    identifier: ".name",
                    title: ".full_name",
                    blueprint: blueprints.repository,
                    properties: { url: ".html_url", defaultBranch: ".default_branch" },
                    relations: { service: ".name" },
                  },
                ],
              },
            },
          },
          {
            kind: "pull-request",
            selector: { query: '.state == "open"' },
            port: {
              entity: {
                mappings: {
                  identifier: ".head.repo.name",
                  blueprint: blueprints.repository,
                  properties: { lastPullRequest: ".html_url", lastPullRequestState: ".state" },
                },
              },
            },
          },
        ],
      },
    },
    opts,
  );
}

/** The environments every portal starts with, as entities of `environment` (needs properties `type` and `region`). */
export function seedEnvironments(environment: Blueprint, opts?: PortComponentOptions): Entity[] {
  const seeds = [
    { identifier: "development", title: "Development", type: "development", region: "eu-west-1" },
    { identifier: "staging", title: "Staging", type: "staging", region: "eu-west-1" },
    { identifier: "production", title: "Production", type: "production", region: "eu-west-1" },
  ];
  return seeds.map(
    ({ identifier, title, type, region }) => new Entity(`environment-${identifier}`, { blueprint: environment, identifier, title, properties: { type, region } }, opts),
  );
}
