/**
 * What differs between two stacks' config, for promotion: keys the target lacks (which fail the
 * promotion) and values that differ. Secret values are never compared or shown.
 */
export type StackConfigValues = Record<string, { value?: string; secret: boolean }>;

export interface ConfigDiff {
  missingInTarget: string[];
  /** Of those, the ones the source holds as secrets (set with `--secret`). */
  missingSecrets: string[];
  differing: { key: string; source: string; target: string }[];
}

/** Keys expected to differ between stacks, which promotion does not require in the target. */
const PER_STACK_KEYS = new Set(["port-portal:environment"]);

export function diffConfig(source: StackConfigValues, target: StackConfigValues): ConfigDiff {
  const missingInTarget = Object.keys(source)
    .filter((key) => !(key in target) && !PER_STACK_KEYS.has(key))
    .sort();
  const missingSecrets = missingInTarget.filter((key) => source[key].secret);
  const differing: ConfigDiff["differing"] = [];
  for (const key of Object.keys(source).sort()) {
    if (!(key in target)) continue;
    const a = source[key];
    const b = target[key];
    if (a.secret || b.secret) {
      if (a.secret !== b.secret) differing.push({ key, source: show(a), target: show(b) });
      continue;
    }
    if (a.value !== b.value) differing.push({ key, source: show(a), target: show(b) });
  }
  return { missingInTarget, missingSecrets, differing };
}

function show(entry: { value?: string; secret: boolean }): string {
  return entry.secret ? "(secret)" : `\`${entry.value ?? ""}\``;
}

export function configDiffMarkdown(sourceStack: string, targetStack: string, diff: ConfigDiff): string {
  const lines = [`### Config: ${sourceStack} -> ${targetStack}`, ""];
  if (diff.missingInTarget.length > 0) {
    lines.push(`**Missing in ${targetStack}** (set them before promoting):`, "");
    for (const key of diff.missingInTarget) {
      const secret = diff.missingSecrets.includes(key) ? "--secret " : "";
      lines.push(`- \`${key}\`: run \`pulumi config set ${secret}${key} <value> --stack ${targetStack}\``);
    }
    lines.push("");
  }
  if (diff.differing.length === 0) {
    lines.push("No other config values differ.", "");
  } else {
    lines.push(`| key | ${sourceStack} | ${targetStack} |`, "|---|---|---|");
    for (const d of diff.differing) lines.push(`| \`${d.key}\` | ${d.source} | ${d.target} |`);
    lines.push("");
  }
  return lines.join("\n");
}
