import * as pulumi from "@pulumi/pulumi";
import { benchBlueprintSpec } from "../../bench-spec";

// Same inputs as the blueprint program, a provider that does no I/O: what the engine alone costs.
const noop: pulumi.dynamic.ResourceProvider = {
  check: async (_olds, news) => ({ inputs: news }),
  diff: async () => ({ changes: false }),
  create: async (inputs) => ({ id: String(inputs.identifier), outs: inputs }),
  update: async (_id, _olds, news) => ({ outs: news }),
  delete: async () => undefined,
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, props: pulumi.Inputs) {
    super(noop, name, props, undefined, "bench", "Noop");
  }
}

const count = new pulumi.Config().requireNumber("count");
for (let i = 0; i < count; i++) new Noop(`bp${i}`, benchBlueprintSpec(i));
