/**
 * A webhook (Port's custom integration, port-api.md §15): the body of `POST /v1/webhooks`. Port
 * gives it a URL; every request to that URL is turned into entities by the `mappings`, whose
 * values are JQ over `{body, headers, queryParams}` (and `item` when `itemsToParse` is set).
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, closedUnion, crossCheck } from "../../core/schemas/closed";
import { BlueprintIdentifier, PropertyIdentifier } from "../../core/schemas/identifiers";
import type { JqField } from "../../core/schemas/jq";
import { JqExpression, JqFieldList } from "../../core/schemas/jq-expression";

/** Port's limit on webhook identifiers (its spec gives no pattern). */
export const WEBHOOK_IDENTIFIER_MAX_LENGTH = 30;

/** A webhook `identifier`: 1 to 30 characters, no whitespace (it is part of API paths), not `.` or `..`. */
export const WebhookIdentifier = z.string().superRefine((value, ctx) => {
  const length = [...value].length;
  let problem: string | undefined;
  if (length === 0) problem = `is empty; use an identifier such as "github". Set the identifier.`;
  else if (value === "." || value === "..") problem = `${JSON.stringify(value)} alone is reserved; use an identifier such as "github". Fix the identifier.`;
  else if (/\s/u.test(value)) problem = `${JSON.stringify(value)} contains whitespace; use ${JSON.stringify(value.trim().replace(/\s+/gu, "_"))}. Fix the identifier.`;
  else if (length > WEBHOOK_IDENTIFIER_MAX_LENGTH) {
    problem = `${JSON.stringify(value)} is ${length} characters long; Port allows at most ${WEBHOOK_IDENTIFIER_MAX_LENGTH}. Shorten it.`;
  }
  if (problem) ctx.addIssue({ code: "custom", input: value, message: problem });
});

/** How Port checks that a request really comes from the sender. */
export const WebhookSecurity = closedObject("webhook security", {
  /** The shared secret the sender signs requests with. Pass it as a Pulumi secret; it stays secret in state. */
  secret: z.string().min(1).optional(),
  /** The request header carrying the signature, e.g. `"X-Hub-Signature-256"` (GitHub). */
  signatureHeaderName: z.string().min(1).optional(),
  /** `sha1` / `sha256`: an HMAC of the body with the secret; `plain`: the header holds the secret itself. */
  signatureAlgorithm: closedEnum(["sha1", "sha256", "plain"], { noun: "a signature algorithm", field: "signatureAlgorithm" }).optional(),
  /** Text before the signature in the header, e.g. `"sha256="` (GitHub). */
  signaturePrefix: z.string().optional(),
  /** JQ giving a request's unique id, e.g. `.headers."x-github-delivery"`, so Port drops redeliveries. */
  requestIdentifierPath: JqExpression.optional(),
}).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value === undefined) return;
    if (value.secret !== undefined) {
      for (const key of ["signatureHeaderName", "signatureAlgorithm"]) {
        if (value[key] !== undefined) continue;
        report({
          path: [key],
          message: `is missing while secret is set: Port needs signatureHeaderName and signatureAlgorithm to verify signatures. Set ${key} (e.g. ${key === "signatureHeaderName" ? '"X-Hub-Signature-256"' : '"sha256"'}) or remove the secret.`,
        });
      }
    } else {
      for (const key of ["signatureHeaderName", "signatureAlgorithm", "signaturePrefix"]) {
        if (value[key] === undefined) continue;
        report({ path: [key], input: value[key], message: `is set but secret is not: Port verifies signatures with the secret. Set secret or remove ${key}.` });
      }
    }
  }),
);
export type WebhookSecurity = z.output<typeof WebhookSecurity>;

/** Create (or update) the mapped entity. */
export const WebhookCreateOperation = closedObject("a create operation", {
  /** `"create"`. */
  type: z.literal("create"),
});

/** Delete the entity the mapping's `entity.identifier` names. */
export const WebhookDeleteOperation = closedObject("a delete operation", {
  /** `"delete"`. */
  type: z.literal("delete"),
  /** Also delete entities whose required relations point at it. Omitted: Port's default. */
  deleteDependents: z.boolean().optional(),
});

const OPERATION_TEXT = { noun: "a mapping operation", field: "operation" };

/** What a mapping does: `"create"` (default) or `{type: "create"}`; `"delete"` or `{type: "delete", deleteDependents?}`. */
export const WebhookOperation = z.union([
  // The string form is tried as a string first, so an object with a bad `type` gets the object's message.
  z.string().pipe(closedEnum(["create", "delete"], OPERATION_TEXT)),
  closedUnion("type", [WebhookCreateOperation, WebhookDeleteOperation], { noun: "an operation type", field: "type" }),
]);
export type WebhookOperation = z.output<typeof WebhookOperation>;

/** The entity a mapping writes; every value is JQ over the request (`.body`, `.headers`, `.queryParams`, `.item`). */
export const WebhookEntityMapping = closedObject("a webhook entity mapping", {
  /** JQ giving the entity identifier, e.g. `.body.repository.name`. */
  identifier: JqExpression,
  /** JQ giving the title. */
  title: JqExpression.optional(),
  /** JQ giving the icon name. */
  icon: JqExpression.optional(),
  /** JQ giving the owning team identifier(s). */
  team: JqExpression.optional(),
  /** JQ per property identifier of the blueprint, e.g. `{url: ".body.repository.html_url"}`. */
  properties: z.record(PropertyIdentifier, JqExpression).optional(),
  /** JQ per relation identifier of the blueprint, giving the related entity identifier(s). */
  relations: z.record(PropertyIdentifier, JqExpression).optional(),
});
export type WebhookEntityMapping = z.output<typeof WebhookEntityMapping>;

function isDelete(operation: unknown): boolean {
  return operation === "delete" || asRecord(operation)?.type === "delete";
}

/** One mapping: which requests (`filter`), which blueprint, and how to build (or delete) the entity. */
export const WebhookMapping = closedObject("a webhook mapping", {
  /** Identifier of the blueprint of the entities this mapping writes; it must exist in Port. */
  blueprint: BlueprintIdentifier,
  /** JQ boolean: only requests for which it is true are mapped, e.g. `.headers."x-github-event" == "push"`. Omitted: every request. */
  filter: JqExpression.optional(),
  /** JQ giving an array in the request: the mapping runs once per element, available as `.item` (at most 500). */
  itemsToParse: JqExpression.optional(),
  /** `create` (default) or `delete`; see {@link WebhookOperation}. */
  operation: WebhookOperation.optional(),
  /** The entity to write; for `delete`, only `identifier`. */
  entity: WebhookEntityMapping,
}).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    const entity = asRecord(value?.entity);
    if (!value || !entity || !isDelete(value.operation)) return;
    for (const key of Object.keys(entity)) {
      if (key === "identifier") continue;
      report({
        path: ["entity", key],
        message: `is set, but a delete mapping uses only entity.identifier (Port deletes the entity it names). Remove entity.${key} or make the operation "create".`,
      });
    }
  }),
);
export type WebhookMapping = z.output<typeof WebhookMapping>;
export type WebhookMappingInput = z.input<typeof WebhookMapping>;

/** A webhook exactly as Port's JSON has it (Port adds `webhookKey`, `url` and meta fields). */
export const WebhookSpec = closedObject("a webhook", {
  /** Unique id, at most 30 characters; changing it replaces the webhook (and its URL). */
  identifier: WebhookIdentifier,
  /** Display name, 1–30 characters. */
  title: z.string().min(1).max(30),
  /** Free text, at most 200 characters. */
  description: z.string().max(200).optional(),
  /** An icon name from Port's icon list, e.g. `"Github"`. */
  icon: z.string().optional(),
  /** Whether Port processes requests to the URL. Default `true`. */
  enabled: z.boolean().default(true),
  /** `custom` (built by you) or `template` (from Port's templates). Omitted: Port's default. */
  integrationType: closedEnum(["custom", "template"], { noun: "an integration type", field: "integrationType" }).optional(),
  /** Signature verification and deduplication; see {@link WebhookSecurity}. Omitted: requests are not verified. */
  security: WebhookSecurity.optional(),
  /** The mappings, applied to every request. Default `[]`. */
  mappings: z.array(WebhookMapping).default([]),
});
export type WebhookSpec = z.output<typeof WebhookSpec>;
export type WebhookSpecInput = z.input<typeof WebhookSpec>;

/** Every JQ expression of a webhook, with its field path, for compiling at check time. */
export function webhookJqFields(spec: Partial<WebhookSpec>): JqField[] {
  const list = new JqFieldList();
  list.add(["security", "requestIdentifierPath"], spec.security?.requestIdentifierPath);
  (spec.mappings ?? []).forEach((mapping, i) => {
    const at = ["mappings", i];
    list.add([...at, "filter"], mapping.filter);
    list.add([...at, "itemsToParse"], mapping.itemsToParse);
    for (const key of ["identifier", "title", "icon", "team"] as const) list.add([...at, "entity", key], mapping.entity?.[key]);
    list.addMap([...at, "entity", "properties"], mapping.entity?.properties);
    list.addMap([...at, "entity", "relations"], mapping.entity?.relations);
  });
  return list.fields;
}
