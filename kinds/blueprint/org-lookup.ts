import * as pulumi from "@pulumi/pulumi";
import { PortClient } from "../../core/client/port-client";
import { getBlueprint } from "./client";
import { clientFor, resolveConnection } from "../../core/providers/port-connection";
import type { OrgLookup } from "../../core/components/portal-model";

/**
 * Read-only lookups in the stack's Port org, with the same credentials the providers use (stack
 * config, then environment). Undefined when no credentials are configured: then a reference the
 * stack does not declare must be listed in existingBlueprints.
 */
export function orgLookupFromStack(): OrgLookup | undefined {
  let connection;
  try {
    connection = resolveConnection({ get: (key) => pulumi.runtime.getConfig(key) });
  } catch {
    return undefined;
  }
  return orgLookup(clientFor(connection));
}

/** Lookups through one client: a GET per blueprint asked about, never a write. */
export function orgLookup(client: PortClient): OrgLookup {
  return { blueprintExists: async (identifier) => (await getBlueprint(client, identifier)) !== undefined };
}
