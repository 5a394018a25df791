import type * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { type ProviderKind, stubFileOf } from "../../kinds/registry";

export type { ProviderKind };

/** The name a kind's provider object is required by, and stored in state as. */
export function providerModuleName(kind: ProviderKind): string {
  return `@port-portal/pulumi/providers/${stubFileOf(kind)}`;
}

/**
 * The provider object for a kind (see provider-object.ts), required by the package's own name so
 * that it is the module Pulumi finds under node_modules. Never build provider objects here:
 * anything defined outside node_modules is copied into every resource's state, twice.
 */
export function providerStub(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  const name = providerModuleName(kind);
  const file = require.resolve(name);
  if (!file.split(path.sep).includes("node_modules")) {
    // A symlinked install (npm workspaces, `npm link`) resolves to the real folder, and Pulumi would
    // then copy the provider's code into state instead of a require().
    throw new Error(
      `${name} was loaded from ${file}, outside node_modules, so Pulumi would copy its code into every resource's state. ` +
        "Install @port-portal/pulumi as a package (npm install), or, for a linked copy, run the program with `nodeargs: --preserve-symlinks` in Pulumi.yaml's runtime options.",
    );
  }
  return require(name) as pulumi.dynamic.ResourceProvider;
}
