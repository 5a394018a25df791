import { PortClient } from "../client/port-client";
import { resolvePortBaseUrl } from "../client/base-url";

/**
 * Where the providers find Port and its credentials, read at call time only: the stack's config
 * (`port:baseUrl`, `port:clientId`, `port:clientSecret` as a secret) first, then the environment
 * (`PORT_BASE_URL`, `PORT_CLIENT_ID`, `PORT_CLIENT_SECRET`). Nothing here is ever written into
 * resource inputs, outputs or the serialized provider.
 */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface PortConnection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export const PORT_CONFIG_KEYS = { baseUrl: "port:baseUrl", clientId: "port:clientId", clientSecret: "port:clientSecret" } as const;

export function resolveConnection(config: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): PortConnection {
  const clientId = config?.get(PORT_CONFIG_KEYS.clientId) ?? env.PORT_CLIENT_ID;
  const clientSecret = config?.get(PORT_CONFIG_KEYS.clientSecret) ?? env.PORT_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Error(
      "Port credentials are missing: run `pulumi config set port:clientId <id>` and " +
        "`pulumi config set --secret port:clientSecret <secret>`, or set PORT_CLIENT_ID and PORT_CLIENT_SECRET.",
    );
  }
  const baseUrl = resolvePortBaseUrl(config?.get(PORT_CONFIG_KEYS.baseUrl) ?? env.PORT_BASE_URL);
  return { baseUrl, clientId, clientSecret };
}

let shared: { key: string; client: PortClient } | undefined;

/** One client per target for the whole provider process, so the access token is shared. */
export function clientFor(connection: PortConnection): PortClient {
  const key = `${connection.baseUrl}\n${connection.clientId}\n${connection.clientSecret}`;
  if (shared?.key !== key) {
    shared = { key, client: new PortClient({ ...connection, userAgent: "port-portal-pulumi" }) };
  }
  return shared.client;
}
