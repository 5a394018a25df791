/**
 * /v1/webhooks: list, read, create, replace, patch and delete custom webhook integrations
 * (port-api.md §15). Port answers with the webhook under `integration` (list: `integrations`)
 * and adds a `webhookKey` and the ingest `url` built from it, which never change.
 */
import { randomBytes } from "crypto";
import { ApiError, identifierTaken, notFound } from "./api-error";
import { withoutServerFields, type OrgStore, type StoredObject } from "./org-store";
import type { RequestContext, Router } from "./router";
import { requireBodyObject } from "./validation-problems";
import { validateWebhook } from "./webhook-validation";

/** Port's EU ingest host; a webhook's URL is `<host>/<webhookKey>` (port-api.md §0). */
export const WEBHOOK_INGEST_HOST = "https://ingest.port.io";

/** Fields only Port sets: never taken from a body. */
const WEBHOOK_SERVER_FIELDS = ["webhookKey", "url"];

type Webhook = StoredObject & { identifier: string; webhookKey: string };

export function registerWebhookRoutes(router: Router, store: OrgStore): void {
  // Looked up per call: reset() replaces the collection's map.
  const webhooks = () => store.collection<Webhook>("webhooks");
  const find = (identifier: string): Webhook => {
    const webhook = webhooks().get(identifier);
    if (!webhook) throw notFound("Webhook", identifier);
    return webhook;
  };
  const validate = (body: Record<string, unknown>) => validateWebhook(body, { blueprintExists: (id) => store.blueprints.has(id) });

  router.add("GET", "/v1/webhooks", () => ({ body: { ok: true, integrations: [...webhooks().values()] } }));

  router.add("GET", "/v1/webhooks/:id", ({ params }) => ({ body: { ok: true, integration: find(params.id) } }));

  router.add("POST", "/v1/webhooks", ({ body, clientId }) => {
    const doc = requireBodyObject(body);
    validate(doc);
    // Port generates an identifier when none is given (assumption; see emulator/README.md).
    const identifier = (doc.identifier as string | undefined) ?? `webhook-${randomBytes(4).toString("hex")}`;
    if (webhooks().has(identifier)) throw identifierTaken("Webhook", identifier);
    const webhookKey = randomBytes(16).toString("hex");
    const now = new Date().toISOString();
    const webhook: Webhook = {
      ...doc,
      identifier,
      webhookKey,
      url: `${WEBHOOK_INGEST_HOST}/${webhookKey}`,
      createdAt: now,
      createdBy: clientId,
      updatedAt: now,
      updatedBy: clientId,
    };
    webhooks().set(identifier, webhook);
    store.changed();
    return { body: { ok: true, integration: webhook } };
  });

  router.add("PUT", "/v1/webhooks/:id", (ctx) => ({ body: { ok: true, integration: replace(ctx, requireBodyObject(ctx.body)) } }));

  // PATCH merges top-level keys, then the result is validated and stored exactly like a PUT.
  router.add("PATCH", "/v1/webhooks/:id", (ctx) => {
    const existing = withoutServerFields(find(ctx.params.id), WEBHOOK_SERVER_FIELDS);
    return { body: { ok: true, integration: replace(ctx, { ...existing, ...requireBodyObject(ctx.body) }) } };
  });

  router.add("DELETE", "/v1/webhooks/:id", ({ params }) => {
    find(params.id);
    webhooks().delete(params.id);
    store.changed();
    return { body: { ok: true } };
  });

  /** PUT semantics: the body replaces the document; the key, URL and creation meta stay. */
  function replace({ params, clientId }: RequestContext, body: Record<string, unknown>): Webhook {
    const existing = find(params.id);
    validate(body);
    if (body.identifier !== undefined && body.identifier !== existing.identifier) {
      // Renaming through PUT is refused (assumption; see emulator/README.md).
      throw new ApiError(422, "invalid_request", `/identifier must equal the identifier in the path ("${existing.identifier}"); webhooks cannot be renamed`, {
        errors: [{ path: "/identifier", message: `must equal the identifier in the path ("${existing.identifier}")` }],
      });
    }
    const webhook: Webhook = {
      ...body,
      identifier: existing.identifier,
      webhookKey: existing.webhookKey,
      url: existing.url,
      createdAt: existing.createdAt,
      createdBy: existing.createdBy,
      updatedAt: new Date().toISOString(),
      updatedBy: clientId,
    };
    webhooks().set(existing.identifier, webhook);
    store.changed();
    return webhook;
  }
}
