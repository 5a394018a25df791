import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { StackConfig, loadStackConfig } from "../stacks/config";
import type { PortalSecrets } from "../stacks/portal";

/**
 * A stack's config read from its Pulumi.<stack>.yaml, without the CLI: for reports and docs that
 * describe the portal a stack declares. Secret values are not decrypted; a placeholder stands in,
 * so the objects that use them are still declared.
 */
export function stackFileConfig(root: string, stack: string): { config: StackConfig; secrets: PortalSecrets } {
  const file = path.join(root, `Pulumi.${stack}.yaml`);
  const values = (parse(fs.readFileSync(file, "utf8"))?.config ?? {}) as Record<string, unknown>;
  const read = (key: string) => values[`port-portal:${key}`];
  const secret = (key: string) => (read(key) !== undefined ? "(secret)" : undefined);
  return { config: loadStackConfig(read, stack), secrets: { githubWebhookSecret: secret("githubWebhookSecret") } };
}
