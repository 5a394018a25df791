import { ConfigSource, clientFor, resolveConnection } from "./port-connection";
import type { ProviderKind } from "./provider-stub";
import type { ResourceLogic } from "./resource-logic";

/**
 * The entry point the stub in tools/provider-stub loads in Pulumi's provider process: it adapts
 * each kind's logic to Pulumi's dynamic provider interface and supplies the client. Each kind's
 * module is loaded on first use, so one kind's start-up cost is not paid by the others.
 */
const logicByKind: Record<ProviderKind, () => ResourceLogic> = {
  Blueprint: () => require("./blueprint-provider").blueprintLogic,
  BlueprintRelations: () => require("./blueprint-relations-provider").blueprintRelationsLogic,
  Scorecard: () => require("./scorecard-provider").scorecardLogic,
  Page: () => require("./page-provider").pageLogic,
  PagePermissions: () => require("./page-permissions-provider").pagePermissionsLogic,
  Folder: () => require("./folder-provider").folderLogic,
  Action: () => require("./action-provider").actionLogic,
  ActionPermissions: () => require("./action-permissions-provider").actionPermissionsLogic,
  Webhook: () => require("./webhook-provider").webhookLogic,
  Integration: () => require("./integration-provider").integrationLogic,
  Entity: () => require("./entity-provider").entityLogic,
  Team: () => require("./team-provider").teamLogic,
  User: () => require("./user-provider").userLogic,
  BlueprintPermissions: () => require("./blueprint-permissions-provider").blueprintPermissionsLogic,
};

let stackConfig: ConfigSource | undefined;
const adapters = new Map<ProviderKind, ReturnType<typeof adapterFor>>();

/** The provider for a kind, built once per process (the stub asks for it on every call). */
export function providerFor(kind: ProviderKind) {
  let adapter = adapters.get(kind);
  if (!adapter) {
    adapter = adapterFor(kind);
    adapters.set(kind, adapter);
  }
  return adapter;
}

function adapterFor(kind: ProviderKind) {
  const load = logicByKind[kind];
  if (!load) throw new Error(`No Port provider for kind "${kind}"; known kinds: ${Object.keys(logicByKind).join(", ")}.`);
  const logic = load();
  const client = () => clientFor(resolveConnection(stackConfig));
  return {
    configure: async (config: ConfigSource) => {
      stackConfig = config;
    },
    check: (olds: any, news: any) => logic.check(olds, news),
    diff: (id: string, olds: any, news: any) => logic.diff(id, olds, news, client),
    create: (inputs: any) => logic.create(client(), inputs),
    read: (id: string, props: any) => logic.read(client(), id, props),
    update: (id: string, olds: any, news: any) => logic.update(client(), id, olds, news),
    delete: (id: string, props: any) => logic.delete(client(), id, props),
  };
}
