import { blueprintLogic } from "./blueprint-provider";
import { ConfigSource, clientFor, resolveConnection } from "./port-connection";
import type { ResourceLogic } from "./resource-logic";
import type { ProviderKind } from "./provider-stub";

/**
 * The entry point the stub in tools/provider-stub loads in Pulumi's provider process:
 * it adapts each kind's logic to Pulumi's dynamic provider interface and supplies the client.
 */
const logicByKind: Record<ProviderKind, ResourceLogic> = {
  Blueprint: blueprintLogic,
};

let stackConfig: ConfigSource | undefined;

export function providerFor(kind: ProviderKind) {
  const logic = logicByKind[kind];
  if (!logic) throw new Error(`No Port provider for kind "${kind}"; known kinds: ${Object.keys(logicByKind).join(", ")}.`);
  const client = () => clientFor(resolveConnection(stackConfig));
  return {
    configure: async (config: ConfigSource) => {
      stackConfig = config;
    },
    check: (olds: any, news: any) => logic.check(olds, news),
    diff: (id: string, olds: any, news: any) => logic.diff(id, olds, news),
    create: (inputs: any) => logic.create(client(), inputs),
    read: (id: string, props: any) => logic.read(client(), id, props),
    update: (id: string, olds: any, news: any) => logic.update(client(), id, olds, news),
    delete: (id: string, props: any) => logic.delete(client(), id, props),
  };
}
