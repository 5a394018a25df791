import type * as pulumi from "@pulumi/pulumi";

/** The Port object kinds that have a dynamic provider; each names an entry of providers/runtime.ts. */
export type ProviderKind =
  | "Blueprint"
  | "BlueprintRelations"
  | "Scorecard"
  | "Page"
  | "PagePermissions"
  | "Folder"
  | "Action"
  | "ActionPermissions"
  | "Webhook"
  | "Integration"
  | "Entity"
  | "Team"
  | "User"
  | "BlueprintPermissions";

/** Each kind's stub module: tools/provider-stub/<file>.js. */
const STUB_FILES: Record<ProviderKind, string> = {
  Blueprint: "blueprint",
  BlueprintRelations: "blueprint-relations",
  Scorecard: "scorecard",
  Page: "page",
  PagePermissions: "page-permissions",
  Folder: "folder",
  Action: "action",
  ActionPermissions: "action-permissions",
  Webhook: "webhook",
  Integration: "integration",
  Entity: "entity",
  Team: "team",
  User: "user",
  BlueprintPermissions: "blueprint-permissions",
};

/**
 * The provider object for a kind, as Pulumi must serialize it: the module exports of
 * `@port-portal/provider-stub/<kind>` (tools/provider-stub), which Pulumi stores in state as a
 * one-line require() because the package lives under node_modules. The stub loads the logic of
 * providers/runtime.ts by name at call time. Never build provider objects here: anything
 * defined in this repo would be copied into every resource's state, twice.
 */
export function providerStub(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  return require(`@port-portal/provider-stub/${STUB_FILES[kind]}`) as pulumi.dynamic.ResourceProvider;
}
