import { z } from "zod";

/**
 * The stack config this program reads: `port-portal:*` keys in Pulumi.<stack>.yaml say what
 * differs per environment; the Port org itself is the `port:*` keys (see README). One schema,
 * validated at preview: a missing key or a bad value names the key and the command that fixes it.
 */
const identifierAffix = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "must be 1-20 letters, digits, _ or - (it becomes part of every Port identifier)");

export const StackConfig = z
  .object({
    /** Which environment this stack is: dev, staging or prod. */
    environment: z.enum(["dev", "staging", "prod"]),
    /**
     * Prefix for every identifier this stack declares, when environments share one Port org
     * (e.g. "stg_"). References follow automatically. Default: none (one org per environment).
     */
    identifierPrefix: identifierAffix.optional(),
    /** Suffix for every identifier this stack declares (e.g. "_stg"). Default: none. */
    identifierSuffix: identifierAffix.optional(),
    /** Blueprints that exist in the Port org but are managed outside this stack; relations may target them. */
    existingBlueprints: z.array(z.string()).default([]),
    /** Which parts of the portal this stack builds. Default: all of them. */
    features: z
      .object({
        scorecards: z.boolean().default(true),
        dashboards: z.boolean().default(true),
        actions: z.boolean().default(true),
        automations: z.boolean().default(true),
        ingestion: z.boolean().default(true),
        teamRoles: z.boolean().default(true),
        /** Sample services, APIs, incidents... so dashboards show data (the environments are always seeded). */
        sampleData: z.boolean().default(false),
      })
      .strict()
      .default({ scorecards: true, dashboards: true, actions: true, automations: true, ingestion: true, teamRoles: true, sampleData: false }),
    /** Endpoints that differ per environment: where actions and automations send their runs. */
    urls: z
      .object({
        /** Chat webhook that automations notify. */
        notificationWebhook: z.string().url().optional(),
        /** Backend that provisions requested cloud resources. */
        cloudRequestWebhook: z.string().url().optional(),
        /** GitHub organisation that holds the scaffolding workflow. */
        githubOrg: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /** Installed integrations whose mapping this stack manages. Omitted: the mapping is not managed. */
    integrations: z
      .object({
        /** The installation id of the pre-built GitHub integration (Ocean) in this org. */
        githubInstallationId: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /** The people of the plan's roles, by email (TeamRoles invites them). Default: nobody. */
    people: z
      .object({
        /** Admins, in the platform team. */
        admins: z.array(z.string().email()).default([]),
        /** Moderators of the service catalog, in the platform team. */
        platformEngineers: z.array(z.string().email()).default([]),
        /** Members, in the product team. */
        developers: z.array(z.string().email()).default([]),
      })
      .strict()
      .default({ admins: [], platformEngineers: [], developers: [] }),
    /** Team names in this org, by role in the plan: `platform`, `product`, `security` (e.g. { platform: "platform-eng" }). */
    teams: z.record(z.string(), z.string().min(1)).default({}),
  })
  .strict();
export type StackConfig = z.output<typeof StackConfig>;

const CONFIG_KEYS = Object.keys(StackConfig.shape);

/** Reads and checks the stack config; every bad key is reported with the command that fixes it. */
export function loadStackConfig(read: (key: string) => unknown, stack = "<stack>"): StackConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = read(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = StackConfig.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = `port-portal:${String(issue.path[0] ?? "")}`;
      const where = issue.path.length > 1 ? ` (at ${issue.path.slice(1).map(String).join(".")})` : "";
      return `${key}${where}: ${issue.message}. Fix: pulumi config set ${key} <value> --stack ${stack}`;
    });
    throw new Error(`The config of stack ${stack} is invalid:\n  - ${lines.join("\n  - ")}`);
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
