import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { IntegrationEntityMapping, IntegrationMappingSpec, IntegrationMappingSpecInput, IntegrationResource, jqStringLiteral, validateSpec } from "../../core/schemas";
import { Blueprint } from "../blueprint/component";
import { declaredFields, unknownPropertyProblems, unknownRelationProblems } from "../blueprint/fields";
import type { DeepInput } from "../../core/components/input-types";
import { isPlain } from "../../core/components/plain-input";
import { PortalModel, currentPortalModel } from "../../core/components/portal-model";

type EntityMappingFields = Omit<IntegrationEntityMapping, "blueprint">;
/**
 * One entity mapping; every value is JQ over the integration's item. `blueprint` is a `Blueprint`
 * (checked, and written as the JQ constant of its identifier) or JQ, e.g. `'"service"'`.
 */
export type IntegrationEntityMappingArgs = { [K in keyof EntityMappingFields]: DeepInput<EntityMappingFields[K]> } & {
  blueprint: Blueprint | pulumi.Input<string>;
};

type ResourceFields = Omit<IntegrationResource, "port">;
/** One kind of the integration's data and how it becomes entities. */
export type IntegrationResourceArgs = { [K in keyof ResourceFields]: DeepInput<ResourceFields[K]> } & {
  port: {
    entity: { mappings: IntegrationEntityMappingArgs | IntegrationEntityMappingArgs[] };
    itemsToParse?: pulumi.Input<string>;
  };
};

type ConfigInput = IntegrationMappingSpecInput["config"];
/** The keys the schema names (its catch-all index signature left out). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
type ConfigFields = Pick<ConfigInput, Exclude<NamedKeys<ConfigInput>, "resources">>;
/** The mapping config, as typed args; keys of the integration's own (e.g. GitHub's `repositoryType`) pass through as JSON. */
export type IntegrationConfigArgs = { [K in keyof ConfigFields]: DeepInput<ConfigFields[K]> } & { resources: IntegrationResourceArgs[] } & {
  [integrationKey: string]: unknown;
};

export interface IntegrationMappingArgs {
  /** The installation's id in Port; the integration must already be installed. */
  installationId: pulumi.Input<string>;
  /** The mapping config that replaces the installation's own while this component exists. */
  config: IntegrationConfigArgs;
}

/** One provider instance for every integration mapping: Pulumi serializes it once per kind, not per resource. */
const integrationProvider = providerStub("Integration");

/** The dynamic resource behind an IntegrationMapping: `pulumi-nodejs:dynamic/port:Integration`, id = installationId. */
export class IntegrationMappingResource extends pulumi.dynamic.Resource {
  declare readonly installationId: pulumi.Output<string>;
  declare readonly installationAppType: pulumi.Output<string | undefined>;
  declare readonly originalConfig: pulumi.Output<Record<string, unknown> | null>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(integrationProvider, name, spec, opts, "port", "Integration");
  }
}

/**
 * The mapping of an integration already installed in Port (an Ocean integration or exporter,
 * e.g. GitHub): which kinds it ingests, which items (`selector.query`) and how they become
 * entities. It adopts the installation's mapping on create and puts the original back on
 * delete; it never installs or uninstalls the integration.
 */
export class IntegrationMapping extends pulumi.ComponentResource {
  readonly installationId: pulumi.Output<string>;
  /** The integration's type in Port, e.g. `github-ocean`. */
  readonly installationAppType: pulumi.Output<string | undefined>;
  /** The dynamic resource, absent when the args were invalid (the portal check then fails the run). */
  readonly resource: IntegrationMappingResource | undefined;

  constructor(name: string, args: IntegrationMappingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:IntegrationMapping", name, {}, opts);
    const component = `IntegrationMapping "${name}"`;
    const model = currentPortalModel();
    if (typeof args.installationId === "string") model.declareIntegrationMapping(args.installationId, component);
    const spec: pulumi.Inputs = { installationId: args.installationId, config: configInputs(args.config, model, component) };
    // Written by the provider: named here (undefined) so the resource has them as outputs.
    const outputs = { installationAppType: undefined, originalConfig: undefined };

    const problems = [...knownProblems(name, args, model), ...mappingFieldProblems(component, args.config)];
    if (problems.length > 0) {
      model.reportProblems(problems);
      this.resource = undefined;
      this.installationId = pulumi.output(args.installationId);
      this.installationAppType = pulumi.output(undefined);
    } else {
      this.resource = new IntegrationMappingResource(name, { ...spec, ...outputs }, { parent: this });
      this.installationId = this.resource.installationId;
      this.installationAppType = this.resource.installationAppType;
    }
    this.registerOutputs({ installationId: this.installationId, installationAppType: this.installationAppType });
  }
}

/** The config with each mapping's `blueprint` replaced by `convert(blueprint, field)`, in the form (one or a list) it was written. */
function mapBlueprints(config: IntegrationConfigArgs, convert: (blueprint: Blueprint | pulumi.Input<string>, field: string) => unknown): Record<string, unknown> {
  const resources = config.resources.map((resource, i) => {
    const mappings = resource.port.entity.mappings;
    const many = Array.isArray(mappings);
    const converted = (many ? mappings : [mappings]).map((mapping, j) => {
      const field = `config.resources[${i}].port.entity.mappings${many ? `[${j}]` : ""}.blueprint`;
      return { ...mapping, blueprint: convert(mapping.blueprint, field) };
    });
    return { ...resource, port: { ...resource.port, entity: { ...resource.port.entity, mappings: many ? converted : converted[0] } } };
  });
  return { ...config, resources };
}

/** Each mapping's `blueprint` as JQ: a `Blueprint` becomes the constant of its identifier; a constant naming one is qualified and checked. */
function configInputs(config: IntegrationConfigArgs, model: PortalModel, component: string): Record<string, unknown> {
  return mapBlueprints(config, (blueprint, field) => blueprintJq(blueprint, model, component, field));
}

function blueprintJq(blueprint: Blueprint | pulumi.Input<string>, model: PortalModel, component: string, field: string): pulumi.Input<string> {
  if (blueprint instanceof Blueprint) return blueprint.identifier.apply((identifier) => JSON.stringify(identifier));
  if (typeof blueprint !== "string") return blueprint;
  const literal = jqStringLiteral(blueprint);
  if (literal === undefined) return blueprint; // computed per item: Port resolves it at ingestion
  const identifier = model.qualify(literal);
  model.referBlueprint({ from: component, field, identifier });
  return JSON.stringify(identifier);
}

/** Stands in for a blueprint identifier not known yet, so the rest of the spec is still checked now. */
const PLACEHOLDER_BLUEPRINT = '"blueprint"';

/** Validate now when every value is known; the provider's check validates the rest (and compiles the JQ) during preview. */
function knownProblems(name: string, args: IntegrationMappingArgs, model: PortalModel): string[] {
  const config = mapBlueprints(args.config, (blueprint) => {
    if (blueprint instanceof Blueprint) return blueprint.declaredIdentifier ? JSON.stringify(blueprint.declaredIdentifier) : PLACEHOLDER_BLUEPRINT;
    const literal = typeof blueprint === "string" ? jqStringLiteral(blueprint) : undefined;
    return literal === undefined ? blueprint : JSON.stringify(model.qualify(literal));
  });
  const spec = { installationId: args.installationId, config };
  if (!isPlain(spec)) return [];
  const result = validateSpec(IntegrationMappingSpec, "IntegrationMapping", name, spec);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

/** Each mapping's property and relation keys against its `Blueprint`, when both are known. */
function mappingFieldProblems(component: string, config: IntegrationConfigArgs): string[] {
  const problems: string[] = [];
  const keysOf = (map: unknown) => (map && typeof map === "object" && !pulumi.Output.isInstance(map) ? Object.keys(map) : []);
  config.resources.forEach((resource, i) => {
    const mappings = resource.port.entity.mappings;
    const many = Array.isArray(mappings);
    (many ? mappings : [mappings]).forEach((mapping, j) => {
      const fields = mapping.blueprint instanceof Blueprint ? declaredFields(mapping.blueprint) : undefined;
      if (!fields) return;
      const at = `config.resources[${i}].port.entity.mappings${many ? `[${j}]` : ""}`;
      problems.push(...unknownPropertyProblems(component, `${at}.properties`, keysOf(mapping.properties), fields));
      problems.push(...unknownRelationProblems(component, `${at}.relations`, keysOf(mapping.relations), fields));
    });
  });
  return problems;
}
