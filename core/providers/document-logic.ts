import type { z } from "zod";
import type { PortClient } from "../client/port-client";
import { validateSpec } from "../schemas/problems";
import { canonical, sameJson } from "./canonical-json";
import { withUnmanagedKeys } from "./managed-keys";
import { adoptExisting, differingKeys, reconciledCreate } from "./reconcile";
import {
  ADOPTED_FROM_KEY,
  ALLOW_DATA_LOSS_KEY,
  PORT_META_FIELDS,
  ResourceLogic,
  checkFailures,
  containsUnknown,
  updatedBookkeeping,
  withBookkeeping,
  withoutPulumiKeys,
} from "./resource-logic";

/**
 * The dynamic-provider logic shared by Port objects that are one JSON document each (scorecards,
 * pages, actions, webhooks, teams, ...). A kind describes its schema, its id, what replaces it,
 * the fields Port writes, and four API calls; this turns that into check/diff/create/read/update/
 * delete with the same rules everywhere:
 * - check validates with the schema and reports every problem with the field;
 * - diff compares canonical JSON of what would be sent against what Port holds;
 * - top-level keys Port holds that the code never managed are kept on update, not wiped;
 * - read returns what Port holds, so `pulumi refresh` shows drift;
 * - create is reconciled with what Port holds when its answer is lost or Port says it exists (reconcile.ts);
 * - delete of an object already gone is done;
 * - the component's `allowDataLoss` flags (ALLOW_DATA_LOSS_KEY) are kept in state for `remove` to
 *   read; a change of flags alone is an update that writes nothing to Port;
 * - with `adopt` (ADOPT_KEY), create takes over the object Port holds (reconcile.ts's adoptExisting).
 */
export type PortDocument = Record<string, unknown>;

export interface DocumentApi {
  /** The object as Port holds it, or undefined when Port answers not_found. */
  get(client: PortClient, id: string, props: PortDocument): Promise<PortDocument | undefined>;
  create(client: PortClient, spec: PortDocument): Promise<PortDocument>;
  replace(client: PortClient, id: string, body: PortDocument, current: PortDocument): Promise<PortDocument>;
  /** Deletes; must resolve when the object is already gone. */
  remove(client: PortClient, id: string, props: PortDocument): Promise<void>;
}

export interface DocumentKind {
  /** The kind's name in messages, e.g. "Scorecard". */
  kind: string;
  schema: z.ZodType;
  /** The Pulumi id of a spec (e.g. "service/production_readiness"). Changing it replaces the object. */
  idOf(spec: PortDocument): string;
  /** The name used in problem messages (e.g. the identifier). */
  nameOf(spec: PortDocument): string;
  /** Fields Port writes (ids, meta, computed URLs): never compared, never sent back. */
  serverFields?: string[];
  /** Extra fields that force a replacement when they change (the id always does). */
  replaceOn?: string[];
  /** Normal form for comparison, e.g. sorting lists whose order Port ignores. */
  normalize?(doc: PortDocument): PortDocument;
  /** What kind of object a document is where one kind has several (a page's type), for adoption to refuse another. */
  shapeOf?(doc: PortDocument): string;
  /** Extra asynchronous checks (e.g. JQ compilation), as problems with field and message. */
  extraProblems?(spec: PortDocument, name: string): Promise<{ field: string; message: string }[]>;
  api: DocumentApi;
}

export function documentLogic(kind: DocumentKind): ResourceLogic {
  const serverFields = [...PORT_META_FIELDS, ...(kind.serverFields ?? [])];
  const clientPart = (doc: PortDocument): PortDocument => {
    const out = { ...doc };
    for (const field of serverFields) delete out[field];
    return out;
  };
  const normal = (doc: PortDocument) => canonical(kind.normalize ? kind.normalize(doc) : doc);
  const portPart = (outputs: PortDocument): PortDocument => {
    const { managedKeys: _managed, ...doc } = withoutPulumiKeys(outputs);
    return doc;
  };
  const outputsOf = (portDoc: PortDocument, spec: PortDocument, from: PortDocument) => withBookkeeping({ ...portDoc, managedKeys: Object.keys(spec).sort() }, from);
  /** What the create would send, given what Port holds, and the top-level keys where Port differs from it. */
  const differences = (spec: PortDocument, existing: PortDocument) =>
    differingKeys(normal(clientPart(withUnmanagedKeys(spec, existing, undefined, serverFields))) as PortDocument, normal(clientPart(existing)) as PortDocument);

  return {
    async check(_olds, news) {
      const spec = withoutPulumiKeys(news);
      const name = String(kind.nameOf(spec) ?? "(unnamed)");
      const result = validateSpec(kind.schema, kind.kind, name, spec);
      if (!result.ok) return { failures: checkFailures(result.problems) };
      const value = result.value as PortDocument;
      const extra = containsUnknown(value) || !kind.extraProblems ? [] : await kind.extraProblems(value, name);
      if (extra.length > 0) return { failures: checkFailures(extra) };
      return { inputs: withBookkeeping(value, news) };
    },

    async diff(id, olds, news) {
      const spec = withoutPulumiKeys(news);
      const current = portPart(olds);
      const replaces = ["__id", ...(kind.replaceOn ?? [])].filter((key) =>
        key === "__id" ? !containsUnknown(spec) && kind.idOf(spec) !== id : JSON.stringify(spec[key]) !== JSON.stringify(current[key]),
      );
      if (replaces.length > 0) return { changes: true, replaces: replaces.map((k) => (k === "__id" ? "identifier" : k)) };
      if (containsUnknown(spec)) return { changes: true };
      const lastManaged = olds.managedKeys as string[] | undefined;
      const desired = clientPart(withUnmanagedKeys(spec, current, lastManaged, serverFields));
      const changes =
        JSON.stringify(normal(desired)) !== JSON.stringify(normal(clientPart(current))) ||
        !sameJson(lastManaged, Object.keys(spec).sort()) ||
        !sameJson(olds[ALLOW_DATA_LOSS_KEY], news[ALLOW_DATA_LOSS_KEY]);
      return { changes };
    },

    async create(client, inputs) {
      const spec = withoutPulumiKeys(inputs);
      const id = kind.idOf(spec);
      const created = await reconciledCreate({
        what: `${kind.kind} "${kind.nameOf(spec)}"`,
        create: () => kind.api.create(client, spec),
        read: () => kind.api.get(client, id, spec),
        differences: (existing) => differences(spec, existing),
      });
      return { id, outs: outputsOf(created, spec, inputs) };
    },

    async adopt(client, inputs) {
      const spec = withoutPulumiKeys(inputs);
      const id = kind.idOf(spec);
      const { held, result } = await adoptExisting({
        what: `${kind.kind} "${kind.nameOf(spec)}"`,
        read: () => kind.api.get(client, id, spec),
        shapeProblem: (existing) => {
          const [declared, found] = [kind.shapeOf?.(spec), kind.shapeOf?.(existing)];
          return declared !== found ? `is ${found}, where the code declares ${declared}` : undefined;
        },
        differences: (existing) => differences(spec, existing),
        write: (existing) => kind.api.replace(client, id, clientPart(withUnmanagedKeys(spec, existing, undefined, serverFields)), existing),
      });
      return { id, outs: { ...outputsOf(result, spec, inputs), [ADOPTED_FROM_KEY]: held } };
    },

    async read(client, id, props) {
      const current = await kind.api.get(client, id, props);
      if (!current) return {};
      return { id, props: withBookkeeping({ ...current, managedKeys: props.managedKeys }, props) };
    },

    async update(client, id, olds, news) {
      const spec = withoutPulumiKeys(news);
      // Read Port again rather than trusting state: keep what was added in Port since the last refresh.
      const current = (await kind.api.get(client, id, olds)) ?? portPart(olds);
      const body = clientPart(withUnmanagedKeys(spec, current, olds.managedKeys as string[] | undefined, serverFields));
      // Only the bookkeeping changed (the keys managed, the flags): nothing to send to Port.
      const from = updatedBookkeeping(olds, news);
      if (JSON.stringify(normal(body)) === JSON.stringify(normal(clientPart(current)))) return { outs: outputsOf(current, spec, from) };
      const updated = await kind.api.replace(client, id, body, current);
      return { outs: outputsOf(updated, spec, from) };
    },

    async delete(client, id, props) {
      await kind.api.remove(client, id, props);
    },
  };
}
