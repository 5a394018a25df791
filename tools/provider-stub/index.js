"use strict";
// The dynamic-provider objects, one per Port object kind. Pulumi serializes the provider of every
// resource into state and runs that copy on delete and refresh. Because this package is installed
// as a real folder under node_modules, Pulumi stores `require("@port-portal/provider-stub/<kind>")`
// rather than code: state stays small, and fixes to the provider logic (core/providers and kinds/, loaded by
// name at call time) reach resources created by older versions.
const RUNTIME = Symbol.for("port-portal.providers.runtime");

function runtime() {
  if (!globalThis[RUNTIME]) {
    // Pulumi's provider process is plain Node and the logic is TypeScript: register ts-node once.
    if (!process[Symbol.for("ts-node.register.instance")]) {
      require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    }
    globalThis[RUNTIME] = require("@port-portal/providers");
  }
  return globalThis[RUNTIME];
}

/** The provider for one kind: every method forwards to the logic in core/providers/runtime.ts. */
function providerFor(kind) {
  const logic = () => runtime().providerFor(kind);
  return {
    configure: async (req) => logic().configure(req.config),
    check: async (olds, news) => logic().check(olds, news),
    diff: async (id, olds, news) => logic().diff(id, olds, news),
    create: async (inputs) => logic().create(inputs),
    read: async (id, props) => logic().read(id, props),
    update: async (id, olds, news) => logic().update(id, olds, news),
    delete: async (id, props) => logic().delete(id, props),
  };
}

module.exports = { providerFor };
