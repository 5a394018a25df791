import { ConfigSource, clientFor, resolveConnection } from "./port-connection";
import { KINDS, type ProviderKind, isProviderKind } from "../../kinds/registry";
import { withoutEchoedTrace } from "./quiet-errors";
import { ADOPT_KEY } from "./resource-logic";

/**
 * What the provider objects (provider-object.ts) load in Pulumi's provider process: it adapts
 * each kind's logic (kinds/registry.ts) to Pulumi's dynamic provider interface and supplies the
 * client.
 */
let stackConfig: ConfigSource | undefined;
const adapters = new Map<ProviderKind, ReturnType<typeof adapterFor>>();

/** The provider for a kind, built once per process (the provider object asks for it on every call). */
export function providerFor(kind: ProviderKind) {
  let adapter = adapters.get(kind);
  if (!adapter) {
    adapter = adapterFor(kind);
    adapters.set(kind, adapter);
  }
  return adapter;
}

function adapterFor(kind: ProviderKind) {
  if (!isProviderKind(kind)) throw new Error(`No Port provider for kind "${kind}"; known kinds: ${Object.keys(KINDS).join(", ")}.`);
  const logic = KINDS[kind].logic();
  const client = () => clientFor(resolveConnection(stackConfig));
  return {
    configure: async (config: ConfigSource) => {
      stackConfig = config;
    },
    check: (olds: any, news: any) => withoutEchoedTrace(async () => withoutPropertyDumps(withAdoption(await logic.check(olds, news), news))),
    diff: (id: string, olds: any, news: any) => withoutEchoedTrace(() => logic.diff(id, olds, news, client)),
    create: (inputs: any) => withoutEchoedTrace(() => (inputs[ADOPT_KEY] && logic.adopt ? logic.adopt(client(), inputs) : logic.create(client(), inputs))),
    read: (id: string, props: any) => withoutEchoedTrace(() => logic.read(client(), id, props)),
    update: (id: string, olds: any, news: any) => withoutEchoedTrace(() => logic.update(client(), id, olds, news)),
    delete: (id: string, props: any) => withoutEchoedTrace(() => logic.delete(client(), id, props)),
  };
}

/**
 * Pulumi prints a check failure that names a property as `property P value <the whole value, as a
 * Go structure> has a problem`; our reasons already name the field, so the engine gets the reason
 * alone and prints it as written.
 */
function withoutPropertyDumps<R extends { failures?: { property: string; reason: string }[] }>(result: R): R {
  return result.failures ? { ...result, failures: result.failures.map((f) => ({ property: "", reason: f.reason })) } : result;
}

/** The checked inputs keep the component's `adopt`: create reads it, and the preview shows the step as an adoption. */
function withAdoption<R extends { inputs?: Record<string, any> }>(result: R, news: Record<string, any>): R {
  return news[ADOPT_KEY] && result.inputs ? { ...result, inputs: { ...result.inputs, [ADOPT_KEY]: true } } : result;
}
