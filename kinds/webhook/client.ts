/** Typed webhook calls used by the providers (Port API §15: /v1/webhooks; Port wraps a webhook as `integration`). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only; the validated shape lives in schema.ts. */
export type PortWebhookBody = { identifier: string; title: string; [key: string]: unknown };

/** What Port returns: the body plus the ingest `url`, its `webhookKey` and meta fields. */
export type PortWebhook = PortWebhookBody & { webhookKey?: string; url?: string };

const WEBHOOKS = "/v1/webhooks";

function webhookPath(identifier: string): string {
  return `${WEBHOOKS}/${pathSegment("webhook", identifier)}`;
}

/** The webhook, or undefined when Port answers 404 `not_found`. */
export async function getWebhook(client: PortClient, identifier: string): Promise<PortWebhook | undefined> {
  const path = webhookPath(identifier);
  return undefinedWhenNotFound(async () => envelopeField<PortWebhook>(await client.request("GET", path), "integration", "GET", path));
}

export async function listWebhooks(client: PortClient): Promise<PortWebhook[]> {
  return envelopeField<PortWebhook[]>(await client.request("GET", WEBHOOKS), "integrations", "GET", WEBHOOKS);
}

export async function createWebhook(client: PortClient, body: PortWebhookBody): Promise<PortWebhook> {
  return envelopeField<PortWebhook>(await client.request("POST", WEBHOOKS, { body }), "integration", "POST", WEBHOOKS);
}

/** PUT replaces the whole webhook (its URL and key stay); keys left out of `body` are dropped by Port. */
export async function replaceWebhook(client: PortClient, identifier: string, body: PortWebhookBody): Promise<PortWebhook> {
  const path = webhookPath(identifier);
  return envelopeField<PortWebhook>(await client.request("PUT", path, { body }), "integration", "PUT", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). */
export async function deleteWebhook(client: PortClient, identifier: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", webhookPath(identifier)));
}
