import { z } from "zod";

/** The stack config this program reads (namespace `port-portal:` in Pulumi.<stack>.yaml). */
export const StackConfig = z
  .object({
    /** Which environment this stack is: it selects the overlay in stacks/environments.ts. */
    environment: z.enum(["dev", "staging", "prod"]),
    /** Blueprints that exist in the Port org but are managed outside this stack; relations may target them. */
    existingBlueprints: z.array(z.string()).default([]),
  })
  .strict();
export type StackConfig = z.output<typeof StackConfig>;

/** Reads and checks the stack config; a bad value names the key and the fix. */
export function loadStackConfig(read: (key: string) => unknown, keys = Object.keys(StackConfig.shape)): StackConfig {
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const value = read(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = StackConfig.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `port-portal:${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Stack config is invalid; fix it with \`pulumi config set\`:\n  - ${lines.join("\n  - ")}`);
  }
  return parsed.data;
}

/** Config values are strings; structured ones (lists, objects) are written as JSON. */
export function parseConfigValue(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
