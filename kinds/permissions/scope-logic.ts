import type { z } from "zod";
import type { PortClient } from "../../core/client/port-client";
import { normalizePermissions } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { sameJson } from "../../core/providers/canonical-json";
import { ResourceLogic, checkFailures, containsUnknown, withoutPulumiKeys } from "../../core/providers/resource-logic";
import { DEFAULT_SCOPE_WAIT, untilPortSaysOk, type ScopeWait } from "./until-ok";

/**
 * The provider logic shared by Port's permission singletons (a blueprint's, an action's). They
 * have no id and cannot be created or deleted: they exist with their parent, appearing some time
 * after it. So:
 * - create waits (bounded) for the scope, remembers what Port held in the blocks the code
 *   declares (`original`), then PATCHes those blocks; every GET and PATCH is repeated until Port
 *   says ok (until-ok.ts);
 * - blocks the code does not declare are never sent: Port keeps them as they are;
 * - a block the code stops declaring, and every block on delete, goes back to its original;
 * - diff compares the declared blocks only, with users, teams and roles as sets.
 */
type Doc = Record<string, any>;
/** Where a block sits in the document, e.g. `["entities", "updateProperties", "language"]`. */
type BlockPath = string[];

export interface PermissionScopeKind {
  /** The kind's name in messages, e.g. "BlueprintPermissions". */
  kind: string;
  schema: z.ZodType;
  /** The spec key naming the parent ("blueprint", "action"); it is the Pulumi id and is not sent. */
  parentKey: string;
  /** The parent in messages: "blueprint", "action". */
  parentNoun: string;
  /** The blocks a permissions document (without the parent key) declares. */
  blockPaths(body: Doc): BlockPath[];
  /** Extra asynchronous checks (JQ compilation). */
  extraProblems?(spec: Doc, name: string): Promise<{ field: string; message: string }[]>;
  api: {
    /** What Port holds, or undefined while Port has no scope for the parent. */
    get(client: PortClient, parent: string): Promise<Doc | undefined>;
    patch(client: PortClient, parent: string, body: Doc): Promise<Doc>;
  };
}

function getPath(doc: Doc | undefined, path: BlockPath): unknown {
  return path.reduce<any>((node, key) => (node && typeof node === "object" ? node[key] : undefined), doc);
}

function setPath(doc: Doc, path: BlockPath, value: unknown): void {
  let node = doc;
  for (const key of path.slice(0, -1)) node = node[key] ??= {};
  node[path[path.length - 1]] = structuredClone(value);
}

/** The blocks of `doc` at `paths` (those it has), in the document's own nesting. */
function project(doc: Doc | undefined, paths: BlockPath[]): Doc {
  const out: Doc = {};
  for (const path of paths) {
    const value = getPath(doc, path);
    if (value !== undefined) setPath(out, path, value);
  }
  return out;
}

const key = (path: BlockPath) => JSON.stringify(path);

export function permissionScopeLogic(kind: PermissionScopeKind, wait: ScopeWait = DEFAULT_SCOPE_WAIT): ResourceLogic {
  const bodyOf = (props: Doc): Doc => {
    const { [kind.parentKey]: _parent, original: _original, ...body } = withoutPulumiKeys(props);
    return body;
  };
  const outputsOf = (parent: string, port: Doc, paths: BlockPath[], original: Doc) => ({ [kind.parentKey]: parent, ...project(port, paths), original });

  const notYet = (parent: string) => () =>
    new Error(
      `${kind.kind} "${parent}": Port still has no permissions for ${kind.parentNoun} "${parent}" after ${wait.timeoutMs / 1000} s. ` +
        `Port creates them shortly after the ${kind.parentNoun}; check that the ${kind.parentNoun} exists, then run again.`,
    );
  /** Port's permissions of `parent`, read again until Port has them (they appear some time after the parent). */
  const scope = (client: PortClient, parent: string): Promise<Doc> => untilPortSaysOk(() => kind.api.get(client, parent), wait, notYet(parent));
  /** A PATCH, repeated until Port says ok, as the GET. */
  const patch = (client: PortClient, parent: string, body: Doc): Promise<Doc> => untilPortSaysOk(() => kind.api.patch(client, parent, body), wait, notYet(parent));

  /** What to send to put blocks back: the original, with a policy the code added cleared (PATCH keeps fields it is not given). */
  const restoring = (original: Doc, paths: BlockPath[], declared: Doc): Doc => {
    const body: Doc = {};
    for (const path of paths) {
      const before = getPath(original, path) as Doc | undefined;
      if (before === undefined) continue;
      const added = (getPath(declared, path) as Doc | undefined)?.policy !== undefined && before.policy === undefined;
      setPath(body, path, added ? { ...before, policy: null } : before);
    }
    return body;
  };

  return {
    async check(_olds, news) {
      const spec = withoutPulumiKeys(news);
      const name = String(spec[kind.parentKey] ?? "(unnamed)");
      const result = validateSpec(kind.schema, kind.kind, name, spec);
      if (!result.ok) return { failures: checkFailures(result.problems, kind.parentKey) };
      const value = result.value as Doc;
      const extra = containsUnknown(value) || !kind.extraProblems ? [] : await kind.extraProblems(value, name);
      return extra.length > 0 ? { failures: checkFailures(extra, kind.parentKey) } : { inputs: value };
    },

    async diff(id, olds, news) {
      const spec = withoutPulumiKeys(news);
      if (!containsUnknown(spec[kind.parentKey]) && spec[kind.parentKey] !== id) return { changes: true, replaces: [kind.parentKey] };
      if (containsUnknown(spec)) return { changes: true };
      const declared = bodyOf(spec);
      const paths = kind.blockPaths(declared);
      const held = bodyOf(olds);
      const dropped = kind.blockPaths(held).some((path) => !paths.some((p) => key(p) === key(path)));
      const changes = dropped || !sameJson(normalizePermissions(project(held, paths)), normalizePermissions(declared));
      return { changes };
    },

    async create(client, inputs) {
      const spec = withoutPulumiKeys(inputs);
      const parent = String(spec[kind.parentKey]);
      const declared = bodyOf(spec);
      const paths = kind.blockPaths(declared);
      const current = await scope(client, parent);
      const original = project(current, paths);
      // Port already grants what the code declares (adopted as it is, or a repeated create): nothing to write.
      const updated = sameJson(normalizePermissions(original), normalizePermissions(declared)) ? current : await patch(client, parent, declared);
      return { id: parent, outs: outputsOf(parent, updated, paths, original) };
    },

    async read(client, id, props) {
      const current = await kind.api.get(client, id);
      if (!current) return {}; // the parent is gone, and its permissions with it
      const paths = kind.blockPaths(bodyOf(props));
      return { id, props: outputsOf(id, current, paths, props.original ?? {}) };
    },

    async update(client, id, olds, news) {
      const declared = bodyOf(withoutPulumiKeys(news));
      const paths = kind.blockPaths(declared);
      const oldPaths = kind.blockPaths(bodyOf(olds));
      const current = await scope(client, id);
      const original: Doc = structuredClone(olds.original ?? {});
      // Newly declared blocks: remember what Port holds now, to restore it later.
      for (const path of paths) {
        if (getPath(original, path) === undefined && getPath(current, path) !== undefined) setPath(original, path, getPath(current, path));
      }
      const dropped = oldPaths.filter((path) => !paths.some((p) => key(p) === key(path)));
      const body = { ...restoring(original, dropped, bodyOf(olds)) };
      for (const path of paths) setPath(body, path, getPath(declared, path));
      const updated = await patch(client, id, body);
      return { outs: outputsOf(id, updated, paths, project(original, paths)) };
    },

    async delete(client, id, props) {
      const paths = kind.blockPaths(props.original ?? {});
      if (paths.length === 0) return;
      if (!(await kind.api.get(client, id))) return; // the parent is gone: nothing to restore
      await patch(client, id, restoring(props.original, paths, bodyOf(props)));
    },
  };
}
