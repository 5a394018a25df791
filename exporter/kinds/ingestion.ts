import { jqStringLiteral } from "../../core/schemas/jq-expression";
import { code, printValue } from "../literal";
import type { ExportPlan, ExportScope, KindExporter } from "../plan";
import { pickKeys } from "../plan";

type Doc = Record<string, any>;

/** The webhook keys the Webhook component takes (kinds/webhook/schema.ts WebhookSpec); `security` is handled apart. */
const WEBHOOK_KEYS = ["identifier", "title", "description", "icon", "enabled", "integrationType"] as const;

const blueprintRef = (plan: ExportPlan, identifier: string) => plan.ref(`blueprint:${identifier}`, "ingestion") ?? identifier;

/** With `--blueprints`, a webhook or integration is exported when one of its mappings writes a chosen blueprint. */
const inScope = (blueprints: (string | undefined)[], scope: ExportScope) => !scope.blueprints || blueprints.some((b) => b !== undefined && scope.blueprints!.has(b));

/** Port's spec makes the security fields nullable: only those with a value. */
const present = (security: Doc | undefined | null): Doc => Object.fromEntries(Object.entries(security ?? {}).filter(([, v]) => v !== null && v !== undefined));

/**
 * Webhooks (custom integrations), each mapping naming its blueprint by variable. A signing secret
 * is never written into the code: a webhook that has one is declared without `security`, which
 * Port then keeps as it is (keys the code leaves out are kept), with a comment saying how to manage
 * it from the stack's config. Security without a secret has nothing secret and is written.
 */
export const exportWebhooks: KindExporter = (org, plan, scope) => {
  for (const webhook of org.webhooks as Doc[]) {
    const mappings = (webhook.mappings ?? []) as Doc[];
    if (
      !inScope(
        mappings.map((m) => m.blueprint),
        scope,
      )
    )
      continue;
    const args: Doc = pickKeys(webhook, WEBHOOK_KEYS);
    const security = present(webhook.security);
    let comment: string | undefined;
    if (security.secret !== undefined) {
      const { secret: _secret, ...settings } = security;
      const name = `${webhook.identifier}WebhookSecret`.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase());
      const managed = printValue({ secret: code(`new pulumi.Config().requireSecret(${JSON.stringify(name)})`), ...settings });
      comment = [
        "Port holds a signing secret for this webhook: `security` is left out, so Port keeps it as it is. To manage it here,",
        `run \`pulumi config set --secret ${name} <secret>\`, import * as pulumi from "@pulumi/pulumi", and add: security: ${managed},`,
      ].join("\n");
    } else if (Object.keys(security).length > 0) {
      args.security = security;
    }
    if (webhook.mappings !== undefined) args.mappings = mappings.map((m) => (typeof m.blueprint === "string" ? { ...m, blueprint: blueprintRef(plan, m.blueprint) } : m));
    plan.add({ area: "ingestion", component: "Webhook", key: `webhook:${webhook.identifier}`, name: String(webhook.identifier), args, comment });
  }
};

/** A resource's entity mappings as a list, whichever form Port holds. */
const mappingsOf = (resource: Doc): Doc[] => {
  const mappings = resource?.port?.entity?.mappings;
  return mappings === undefined ? [] : Array.isArray(mappings) ? mappings : [mappings];
};

/**
 * The mapping of each installed integration (its `config`); the IntegrationMapping component
 * adopts the installation, which an export never declares. A mapping whose blueprint is the JQ
 * constant of an exported blueprint (`'"service"'`) names its variable: the component writes a
 * `Blueprint` back as exactly that constant.
 */
export const exportIntegrations: KindExporter = (org, plan, scope) => {
  for (const integration of org.integrations) {
    const config = integration.config as Doc | undefined | null;
    if (!config || typeof config !== "object") continue;
    const resources = Array.isArray(config.resources) ? (config.resources as Doc[]) : [];
    if (
      !inScope(
        resources.flatMap(mappingsOf).map((m) => (typeof m.blueprint === "string" ? jqStringLiteral(m.blueprint) : undefined)),
        scope,
      )
    )
      continue;
    const withRef = (mapping: Doc): Doc => {
      const literal = typeof mapping.blueprint === "string" ? jqStringLiteral(mapping.blueprint) : undefined;
      const ref = literal !== undefined && mapping.blueprint === JSON.stringify(literal) ? plan.ref(`blueprint:${literal}`, "ingestion") : undefined;
      return ref ? { ...mapping, blueprint: ref } : mapping;
    };
    const args = {
      installationId: integration.installationId,
      config: {
        ...config,
        resources: resources.map((resource) => {
          const mappings = resource?.port?.entity?.mappings;
          if (mappings === undefined) return resource;
          const converted = Array.isArray(mappings) ? mappings.map(withRef) : withRef(mappings);
          return { ...resource, port: { ...resource.port, entity: { ...resource.port.entity, mappings: converted } } };
        }),
      },
    };
    const what = [integration.title, integration.installationAppType].filter(Boolean).join(", ");
    const comment = `The mapping only${what ? ` (${what})` : ""}: installing and removing the integration stay outside the stack.`;
    plan.add({
      area: "ingestion",
      component: "IntegrationMapping",
      key: `integration:${integration.installationId}`,
      name: integration.installationId,
      args,
      comment,
    });
  }
};
