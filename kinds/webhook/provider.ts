import { createWebhook, deleteWebhook, getWebhook, replaceWebhook, type PortWebhookBody } from "./client";
import { WebhookSpec, webhookJqFields } from "./schema";
import { jqProblems } from "../../core/schemas/jq";
import { PortDocument, documentLogic } from "../../core/providers/document-logic";
import type { ResourceLogic } from "../../core/providers/resource-logic";

/**
 * Webhooks (custom integrations) as one document each (see document-logic.ts), id = identifier.
 * Port writes `webhookKey` and `url`: outputs, never compared or sent back. Every JQ value of
 * the mappings is compiled at check time. The mappings' order is kept: Port applies them in order.
 */

/** `"create"`, `{type: "create"}` and no operation mean the same; so do `"delete"` and `{type: "delete"}`. */
function normalOperation(operation: unknown): unknown {
  if (operation === undefined || operation === "create") return { type: "create" };
  if (operation === "delete") return { type: "delete" };
  return operation;
}

/** Port's spec makes every security field nullable: null and absent compare equal. */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

export function normalizeWebhook(doc: PortDocument): PortDocument {
  const out: PortDocument = { ...doc };
  if (doc.security !== undefined) out.security = withoutNulls(doc.security);
  if (Array.isArray(doc.mappings)) {
    out.mappings = doc.mappings.map((mapping: Record<string, unknown>) => ({ ...mapping, operation: normalOperation(mapping.operation) }));
  }
  return out;
}

export const webhookLogic: ResourceLogic = documentLogic({
  kind: "Webhook",
  schema: WebhookSpec,
  idOf: (spec) => String(spec.identifier),
  nameOf: (spec) => String(spec.identifier ?? "(no identifier)"),
  serverFields: ["webhookKey", "url"],
  normalize: normalizeWebhook,
  extraProblems: (spec, name) => jqProblems("Webhook", name, webhookJqFields(spec)),
  api: {
    get: (client, id) => getWebhook(client, id),
    create: (client, spec) => createWebhook(client, spec as PortWebhookBody),
    replace: (client, id, body) => replaceWebhook(client, id, body as PortWebhookBody),
    async remove(client, id) {
      await deleteWebhook(client, id); // already gone counts as done
    },
  },
});
