import { Automation, type ActionBlueprint, type AutomationArgs, type PortComponentOptions } from "../kinds";

/**
 * The implementation guide's automations as code: tell a channel when a service is created or
 * updated, and open an incident when a service's health degrades. Each comes as its args
 * (`...Args`) and as a function that creates the `Automation` on the blueprints it is given.
 * Templates read the event: `.event.diff.before` / `.event.diff.after` (the entity before and
 * after the change), `.event.context`, `.event.trigger`.
 */

/**
 * "Notify a channel when a service is created or updated": every change to a service that is
 * not a deletion posts a Slack message (through an incoming webhook) with what changed.
 */
export function notifyServiceChangesArgs(service: ActionBlueprint, slackWebhookUrl: string): AutomationArgs {
  return {
    identifier: "notify_service_changes",
    title: "Notify the platform channel of service changes",
    icon: "Slack",
    description: "Posts to Slack when a service is registered or its details change.",
    trigger: {
      event: { type: "ANY_ENTITY_CHANGE", blueprint: service },
      // Created or updated: there is an entity after the change.
      condition: { type: "JQ", expressions: [".diff.after != null"], combinator: "and" },
    },
    invocationMethod: {
      type: "WEBHOOK",
      url: slackWebhookUrl,
      synchronized: true,
      body: {
        text: '{{ if .event.diff.before == null then "New service" else "Service updated" end }}: *{{ .event.diff.after.title }}* ({{ .event.diff.after.identifier }}) by {{ .event.trigger.by.user.email // "an integration" }}',
      },
    },
    publish: true,
  };
}

export function notifyServiceChanges(service: ActionBlueprint, slackWebhookUrl: string, opts?: PortComponentOptions): Automation {
  return new Automation("notify-service-changes", notifyServiceChangesArgs(service, slackWebhookUrl), opts);
}

/**
 * "Open an incident when a service degrades": when a service's `health` changes to `Degraded`
 * (from anything else), Port creates an incident entity related to the service, SEV2, open.
 *
 * Needs on `service`: the property `health` (with the value `Degraded`); on `incident`: the
 * properties and relation of `incidentArgs` (actions.ts).
 */
export function incidentOnDegradedHealthArgs(blueprints: { service: ActionBlueprint; incident: ActionBlueprint }): AutomationArgs {
  return {
    identifier: "incident_on_degraded_health",
    title: "Open an incident when a service degrades",
    icon: "Alert",
    trigger: {
      event: { type: "ENTITY_UPDATED", blueprint: blueprints.service },
      condition: {
        type: "JQ",
        expressions: ['.diff.before.properties.health != "Degraded"', '.diff.after.properties.health == "Degraded"'],
        combinator: "and",
      },
    },
    invocationMethod: {
      type: "UPSERT_ENTITY",
      blueprint: blueprints.incident,
      mapping: {
        identifier: '{{ .event.context.entityIdentifier + "-degraded-" + (.event.trigger.at | tostring | gsub("[^0-9]"; "")) }}',
        title: "{{ .event.diff.after.title }} is degraded",
        properties: {
          severity: "SEV2",
          status: "triggered",
          description: "Health changed from {{ .event.diff.before.properties.health }} to Degraded.",
        },
        relations: { service: "{{ .event.context.entityIdentifier }}" },
      },
    },
    publish: true,
  };
}

export function incidentOnDegradedHealth(blueprints: { service: ActionBlueprint; incident: ActionBlueprint }, opts?: PortComponentOptions): Automation {
  return new Automation("incident-on-degraded-health", incidentOnDegradedHealthArgs(blueprints), opts);
}
