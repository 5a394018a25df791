import { Action, type ActionArgs, type ActionBlueprint, type BlueprintArgs, type RelationTarget, type PortComponentOptions } from "../kinds";

/**
 * The implementation guide's self-service actions as code: scaffold a new service (a GitHub
 * workflow), request a cloud resource (a webhook, after approval) and report an incident (an
 * entity upsert, no backend). Each comes as its args (`...Args`, for composing or adjusting) and
 * as a function that creates the `Action` on the blueprints it is given.
 */

/** Where the GitHub workflows live. */
export interface GithubRepository {
  org: string;
  repo: string;
}

/** The incident blueprint the incident examples write (actions and automations), related to the service affected. */
export function incidentArgs(service: RelationTarget, identifier = "incident"): BlueprintArgs {
  return {
    identifier,
    title: "Incident",
    icon: "Alert",
    schema: {
      properties: {
        severity: {
          type: "string",
          title: "Severity",
          enum: ["SEV1", "SEV2", "SEV3", "SEV4"],
          enumColors: { SEV1: "red", SEV2: "orange", SEV3: "yellow", SEV4: "lightGray" },
        },
        status: { type: "string", title: "Status", enum: ["triggered", "acknowledged", "resolved"], default: "triggered" },
        description: { type: "string", format: "markdown", title: "Description" },
        reportedBy: { type: "string", format: "user", title: "Reported by" },
        assignee: { type: "string", format: "user", title: "Assignee" },
        postmortemUrl: { type: "string", format: "url", title: "Postmortem" },
      },
      required: ["severity"],
    },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  };
}

/**
 * "Scaffold a new service": a CREATE action on `service` whose form names the service, its
 * language and owning team; a GitHub workflow (`scaffold-service.yml` in `github`) creates the
 * repository from a template and reports its status back to the run.
 *
 * Needs on `service`: nothing beyond the blueprint (the workflow registers the entity).
 */
export function scaffoldServiceArgs(service: ActionBlueprint, github: GithubRepository): ActionArgs {
  return {
    identifier: "scaffold_service",
    title: "Scaffold a new service",
    icon: "Github",
    description: "Creates a repository from the golden-path template and registers the service.",
    blueprint: service,
    trigger: {
      operation: "CREATE",
      userInputs: {
        properties: {
          name: {
            type: "string",
            title: "Service name",
            description: "Lowercase letters, digits and dashes; also the repository name.",
            pattern: "^[a-z][a-z0-9-]{2,40}$",
          },
          language: { type: "string", title: "Language", enum: ["TypeScript", "Go", "Java"], default: "TypeScript" },
          owningTeam: { type: "string", format: "team", title: "Owning team", default: { jqQuery: ".user.teams[0].name" } },
          description: { type: "string", format: "multi-line", title: "What does it do?" },
        },
        required: ["name", "language", "owningTeam"],
        order: ["name", "description", "language", "owningTeam"],
      },
      actionCardButtonText: "Scaffold",
    },
    invocationMethod: {
      type: "GITHUB",
      org: github.org,
      repo: github.repo,
      workflow: "scaffold-service.yml",
      workflowInputs: {
        name: "{{ .inputs.name }}",
        language: "{{ .inputs.language }}",
        team: "{{ .inputs.owningTeam }}",
        description: '{{ .inputs.description // "" }}',
        port_run_id: "{{ .run.id }}",
      },
      reportWorkflowStatus: true,
    },
    publish: true,
  };
}

export function scaffoldService(service: ActionBlueprint, github: GithubRepository, opts?: PortComponentOptions): Action {
  return new Action("scaffold-service", scaffoldServiceArgs(service, github), opts);
}

/**
 * "Request a cloud resource": a DAY-2 action on services that are not experimental; the user
 * picks a non-development environment, the kind and size of resource, and the run waits for any
 * approver (told on Slack) before the provisioning service at `provisionerUrl` is called.
 *
 * Needs on `service`: the property `tier` (with the value `experimental`); on `environment`: `type`.
 */
export function requestCloudResourceArgs(
  blueprints: { service: ActionBlueprint; environment: ActionBlueprint },
  provisionerUrl: string,
  approvalsSlackWebhook: string,
): ActionArgs {
  return {
    identifier: "request_cloud_resource",
    title: "Request a cloud resource",
    icon: "Cloud",
    description: "Provisions a database, bucket or queue for this service, after approval.",
    blueprint: blueprints.service,
    trigger: {
      operation: "DAY-2",
      condition: { type: "SEARCH", combinator: "and", rules: [{ property: "tier", operator: "!=", value: "experimental" }] },
      userInputs: {
        properties: {
          environment: {
            type: "string",
            format: "entity",
            blueprint: blueprints.environment,
            title: "Environment",
            dataset: { combinator: "and", rules: [{ property: "type", operator: "!=", value: "development" }] },
          },
          kind: { type: "string", title: "Resource", enum: ["postgres", "bucket", "queue"], enumColors: { postgres: "blue", bucket: "green", queue: "orange" } },
          size: { type: "string", title: "Size", enum: ["small", "medium", "large"], default: "small", dependsOn: ["kind"] },
          justification: { type: "string", format: "markdown", title: "Why is it needed?", minLength: 10 },
        },
        required: ["environment", "kind", "size", "justification"],
      },
      executeActionButtonText: "Request",
    },
    invocationMethod: {
      type: "WEBHOOK",
      url: provisionerUrl,
      method: "POST",
      synchronized: false,
      headers: { "Content-Type": "application/json", "X-Port-Run": "{{ .run.id }}" },
      body: {
        service: "{{ .entity.identifier }}",
        environment: "{{ .inputs.environment.identifier }}",
        resource: { kind: "{{ .inputs.kind }}", size: "{{ .inputs.size }}" },
        requestedBy: "{{ .trigger.by.user.email }}",
        justification: "{{ .inputs.justification }}",
      },
    },
    requiredApproval: { type: "ANY" },
    approvalNotification: { type: "webhook", url: approvalsSlackWebhook, format: "slack" },
    publish: true,
  };
}

export function requestCloudResource(
  blueprints: { service: ActionBlueprint; environment: ActionBlueprint },
  provisionerUrl: string,
  approvalsSlackWebhook: string,
  opts?: PortComponentOptions,
): Action {
  return new Action("request-cloud-resource", requestCloudResourceArgs(blueprints, provisionerUrl, approvalsSlackWebhook), opts);
}

/**
 * "Report an incident": a CREATE action on incidents; the form picks the affected service
 * (defaulting to the one the user's team owns, first) and the severity, and Port creates the
 * incident entity itself (UPSERT_ENTITY), related to the service and marked as reported by the user.
 *
 * Needs on `incident`: the properties and relation of {@link incidentArgs}.
 */
export function reportIncidentArgs(blueprints: { service: ActionBlueprint; incident: ActionBlueprint }): ActionArgs {
  return {
    identifier: "report_incident",
    title: "Report an incident",
    icon: "Alert",
    blueprint: blueprints.incident,
    trigger: {
      operation: "CREATE",
      userInputs: {
        properties: {
          title: { type: "string", title: "What is happening?", minLength: 5, maxLength: 120 },
          service: {
            type: "string",
            format: "entity",
            blueprint: blueprints.service,
            title: "Affected service",
            dataset: { combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { jqQuery: "[.user.teams[].name]" } }] },
            sort: { property: "$title", order: "ASC" },
          },
          severity: { type: "string", title: "Severity", enum: ["SEV1", "SEV2", "SEV3", "SEV4"], default: "SEV3" },
          description: { type: "string", format: "markdown", title: "Details" },
        },
        required: ["title", "service", "severity"],
        steps: [
          { title: "What", order: ["title", "severity"] },
          { title: "Where", order: ["service", "description"] },
        ],
      },
    },
    invocationMethod: {
      type: "UPSERT_ENTITY",
      blueprint: blueprints.incident,
      mapping: {
        identifier: '{{ .inputs.service.identifier + "-" + .run.id }}',
        title: "{{ .inputs.title }}",
        properties: {
          severity: "{{ .inputs.severity }}",
          status: "triggered",
          description: '{{ .inputs.description // "" }}',
          reportedBy: "{{ .trigger.by.user.email }}",
        },
        relations: { service: "{{ .inputs.service.identifier }}" },
      },
    },
    publish: true,
    allowAnyoneToViewRuns: true,
  };
}

export function reportIncident(blueprints: { service: ActionBlueprint; incident: ActionBlueprint }, opts?: PortComponentOptions): Action {
  return new Action("report-incident", reportIncidentArgs(blueprints), opts);
}
