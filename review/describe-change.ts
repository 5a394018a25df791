import { KINDS, isProviderKind } from "../kinds/registry";
import type { PortChange } from "./preview-digest";

/**
 * One change as sentences in Port's terms ("adds relation service -> team", "scorecard
 * Production readiness: rule has_readme moves to Silver", "changes title from "Service" to
 * "Services""). Old and new values are quoted only for labels (LABEL_FIELDS: titles, icons,
 * types...), never for other values, so nothing secret can reach a pull-request comment.
 */
type Doc = Record<string, any>;

const VERBS = { create: "adds", adopt: "adopts", update: "changes", replace: "replaces", delete: "deletes" } as const;

export function kindName(change: PortChange): string {
  const doc: Doc = change.after ?? change.before ?? {};
  if (change.kind === "Page") return doc.type === "dashboard" ? "dashboard" : `${doc.type ?? "page"} page`;
  if (change.kind === "Action" && doc.trigger?.type === "automation") return "automation";
  return isProviderKind(change.kind) ? KINDS[change.kind].noun : change.kind.toLowerCase();
}

/** How a reviewer recognizes the object: its identifier (or name, email), qualified by its blueprint where Port scopes it. */
export function objectName(doc: Doc | undefined): string {
  if (!doc) return "?";
  const id = doc.identifier ?? doc.name ?? doc.email ?? doc.installationId ?? doc.blueprint ?? doc.page ?? doc.action ?? "?";
  const scoped = doc.blueprint && doc.identifier ? `${doc.blueprint}/${doc.identifier}` : String(id);
  return `\`${scoped}\``;
}

export function describeChange(change: PortChange): string[] {
  const name = kindName(change);
  const subject = `${name} ${objectName(change.after ?? change.before)}`;
  if (change.op === "create" || change.op === "adopt") return [`${VERBS[change.op]} ${subject}${titleOf(change.after)}`];
  if (change.op === "delete") return [`deletes ${subject}`];
  if (change.op === "replace") {
    const from = objectName(change.before);
    const to = objectName(change.after);
    return [from === to ? `replaces ${subject}` : `replaces ${name} ${from} with ${to}`];
  }
  const details = (DETAILERS[change.kind] ?? changedFields)(change.before ?? {}, change.after ?? {});
  const label = change.kind === "Scorecard" ? `${name} ${change.after?.title ?? objectName(change.after)}` : subject;
  return details.length === 0 ? [`${VERBS.update} ${subject}`] : details.map((d) => `${label}: ${d}`);
}

function titleOf(doc: Doc | undefined): string {
  return doc?.title ? ` (${doc.title})` : "";
}

function changedFields(before: Doc, after: Doc): string[] {
  return fieldChanges(before, after).map((change) => `changes ${change}`);
}

/** Fields whose values are labels a reviewer reads, never data or credentials: their values may be quoted. */
const LABEL_FIELDS = new Set(["title", "description", "icon", "color", "type", "format", "target", "required", "many", "level", "operation", "published"]);

/** Each changed key of two documents: `title from "A" to "B"` for a label, the bare key otherwise. */
function fieldChanges(before: Doc, after: Doc): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (isLabel(k, before[k], after[k]) ? `${k} from ${shown(before[k])} to ${shown(after[k])}` : k));
}

function isLabel(key: string, ...values: unknown[]): boolean {
  return (
    LABEL_FIELDS.has(key) &&
    values.every((v) => v === undefined || typeof v === "boolean" || typeof v === "number" || (typeof v === "string" && v.length <= 80 && !v.includes("\n")))
  );
}

function shown(value: unknown): string {
  return value === undefined ? "(unset)" : JSON.stringify(value);
}

function isDoc(value: unknown): value is Doc {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Added, removed and changed entries of a keyed map, e.g. a blueprint's properties. */
function keyedChanges(before: Doc | undefined, after: Doc | undefined, noun: string, describeAdded = (key: string, _v: any) => `adds ${noun} ${key}`): string[] {
  const lines: string[] = [];
  const b = before ?? {};
  const a = after ?? {};
  for (const key of Object.keys(a).sort()) if (!(key in b)) lines.push(describeAdded(key, a[key]));
  for (const key of Object.keys(b).sort()) if (!(key in a)) lines.push(`removes ${noun} ${key}`);
  for (const key of Object.keys(a).sort()) {
    if (!(key in b) || JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    lines.push(isDoc(a[key]) && isDoc(b[key]) ? `changes ${noun} ${key}: ${fieldChanges(b[key], a[key]).join(", ")}` : `changes ${noun} ${key}`);
  }
  return lines;
}

const DETAILERS: Record<string, (before: Doc, after: Doc) => string[]> = {
  Blueprint(before, after) {
    const source = after.identifier ?? before.identifier;
    const lines = [
      ...keyedChanges(before.schema?.properties, after.schema?.properties, "property", (k, v) => `adds property ${k}${v?.type ? ` (${v.format ?? v.type})` : ""}`),
      ...relationChanges(source, before.relations, after.relations),
      ...keyedChanges(before.mirrorProperties, after.mirrorProperties, "mirror property"),
      ...keyedChanges(before.calculationProperties, after.calculationProperties, "calculation property"),
      ...keyedChanges(before.aggregationProperties, after.aggregationProperties, "aggregation property"),
    ];
    const handled = new Set(["schema", "relations", "mirrorProperties", "calculationProperties", "aggregationProperties"]);
    const requiredChanged = JSON.stringify([...(before.schema?.required ?? [])].sort()) !== JSON.stringify([...(after.schema?.required ?? [])].sort());
    if (requiredChanged) lines.push("changes required properties");
    return [...lines, ...changedFields(omit(before, handled), omit(after, handled))];
  },
  Scorecard(before, after) {
    const lines: string[] = [];
    const rulesBefore = byIdentifier(before.rules);
    const rulesAfter = byIdentifier(after.rules);
    for (const [id, rule] of rulesAfter) {
      const old = rulesBefore.get(id);
      if (!old) lines.push(`adds rule ${id} at ${rule.level}`);
      else if (old.level !== rule.level) lines.push(`rule ${id} moves to ${rule.level}`);
      else if (JSON.stringify(old) !== JSON.stringify(rule)) lines.push(`changes rule ${id}`);
    }
    for (const id of rulesBefore.keys()) if (!rulesAfter.has(id)) lines.push(`removes rule ${id}`);
    const handled = new Set(["rules"]);
    return [...lines, ...changedFields(omit(before, handled), omit(after, handled))];
  },
};

function relationChanges(source: string, before: Doc | undefined, after: Doc | undefined): string[] {
  const b = before ?? {};
  const a = after ?? {};
  const lines: string[] = [];
  for (const key of Object.keys(a).sort()) {
    if (!(key in b)) lines.push(`adds relation ${source} -> ${a[key].target} (${key})`);
    else if (b[key].target !== a[key].target) lines.push(`retargets relation ${key}: ${source} -> ${a[key].target}`);
    else if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) lines.push(`changes relation ${key}`);
  }
  for (const key of Object.keys(b).sort()) if (!(key in a)) lines.push(`removes relation ${source} -> ${b[key].target} (${key})`);
  return lines;
}

function byIdentifier(list: unknown): Map<string, Doc> {
  return new Map(((list as Doc[]) ?? []).map((item) => [String(item.identifier), item]));
}

function omit(doc: Doc, keys: Set<string>): Doc {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !keys.has(k)));
}
