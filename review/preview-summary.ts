import { describeChange, kindName, objectName } from "./describe-change";
import type { DestructiveStep } from "./destructive-steps";
import { PortChange, PreviewDigest, portChanges } from "./preview-digest";

/**
 * A preview as markdown for a pull-request comment: per environment, what is added, changed,
 * replaced and deleted in Port, destructive changes first, in a stable order. `losses` (counted in
 * the org by destructive-steps.ts) come before everything: the data a delete takes with it, and
 * whether the run would be refused for it.
 */
const ORDER: Record<PortChange["op"], number> = { delete: 0, replace: 1, update: 2, create: 3, adopt: 4 };

export function summarizePreview(environment: string, digest: PreviewDigest, losses: DestructiveStep[] = []): string {
  const changes = portChanges(digest).sort(
    (a, b) => ORDER[a.op] - ORDER[b.op] || kindName(a).localeCompare(kindName(b)) || objectName(a.after ?? a.before).localeCompare(objectName(b.after ?? b.before)),
  );
  const count = (op: PortChange["op"]) => changes.filter((c) => c.op === op).length;
  const adopting = count("adopt") > 0 ? `, ${count("adopt")} to adopt` : "";
  const heading = `### ${environment}: ${count("create")} to add, ${count("update")} to change, ${count("replace")} to replace, ${count("delete")} to delete${adopting}`;
  if (changes.length === 0) return `${heading}\n\nNo changes to Port.\n`;
  const destructive = changes.filter((c) => c.op === "delete" || c.op === "replace");
  const other = changes.filter((c) => c.op === "update" || c.op === "create" || c.op === "adopt");
  const section = (title: string, items: PortChange[]) => (items.length === 0 ? [] : [`**${title}**`, "", ...items.flatMap(describeChange).map((line) => `- ${line}`), ""]);
  const lossLines = losses.map((loss) => `- ${loss.line}${loss.refusal ? `: **refused**. ${loss.refusal}` : ""}`);
  const lossSection = lossLines.length === 0 ? [] : ["**Destroys data**", "", ...lossLines, ""];
  return [heading, "", ...lossSection, ...section("Destructive", destructive), ...section("Changes", other)].join("\n");
}
