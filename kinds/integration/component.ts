import * as pulumi from "@pulumi/pulumi";
import { IntegrationEntityMapping, IntegrationMappingSpec, IntegrationMappingSpecInput, IntegrationResource } from "./schema";
import { jqStringLiteral } from "../../core/schemas/jq-expression";
import { Blueprint } from "../blueprint/component";
import { declaredFields, unknownPropertyProblems, unknownRelationProblems } from "../blueprint/fields";
import type { DeepInput } from "../../core/components/input-types";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import { ExistingBlueprint, type ResolvedBlueprint, resolveBlueprint } from "../blueprint/refs";

/** The keys the schema names (its catch-all index signature left out). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/** Keys of the integration's own, passed through as JSON. */
type IntegrationKeys = { [integrationKey: string]: unknown };

type EntityMappingFields = Pick<IntegrationEntityMapping, Exclude<NamedKeys<IntegrationEntityMapping>, "blueprint">>;
/**
 * One entity mapping; every value is JQ over the integration's item (identifier, team and relations
 * may be search queries instead). `blueprint` is a `Blueprint` (checked, and written as the JQ
 * constant of its identifier) or JQ, e.g. `'"service"'`.
 */
export type IntegrationEntityMappingArgs = { [K in keyof EntityMappingFields]: DeepInput<EntityMappingFields[K]> } & {
  blueprint: Blueprint | ExistingBlueprint | pulumi.Input<string>;
} & IntegrationKeys;

type ResourceFields = Pick<IntegrationResource, Exclude<NamedKeys<IntegrationResource>, "port">>;
type PortSection = IntegrationResource["port"];
type PortFields = Pick<PortSection, Exclude<NamedKeys<PortSection>, "entity">>;
/** One kind of the integration's data and how it becomes entities. */
export type IntegrationResourceArgs = { [K in keyof ResourceFields]: DeepInput<ResourceFields[K]> } & {
  port: { [K in keyof PortFields]: DeepInput<PortFields[K]> } & {
    entity: { mappings: IntegrationEntityMappingArgs | IntegrationEntityMappingArgs[] } & IntegrationKeys;
  } & IntegrationKeys;
} & IntegrationKeys;

type ConfigInput = IntegrationMappingSpecInput["config"];
type ConfigFields = Pick<ConfigInput, Exclude<NamedKeys<ConfigInput>, "resources">>;
/** The mapping config, as typed args; keys of the integration's own (e.g. GitHub's `repositoryType`) pass through as JSON. */
export type IntegrationConfigArgs = { [K in keyof ConfigFields]: DeepInput<ConfigFields[K]> } & { resources: IntegrationResourceArgs[] } & IntegrationKeys;

export interface IntegrationMappingArgs {
  /** The installation's id in Port; the integration must already be installed. */
  installationId: pulumi.Input<string>;
  /** The mapping config that replaces the installation's own while this component exists. */
  config: IntegrationConfigArgs;
}

/** The dynamic resource behind an IntegrationMapping: `pulumi-nodejs:dynamic/port:Integration`, id = installationId. */
export class IntegrationMappingResource extends PortResource {
  declare readonly installationId: pulumi.Output<string>;
  declare readonly installationAppType: pulumi.Output<string | undefined>;
  declare readonly originalConfig: pulumi.Output<Record<string, unknown> | null>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Integration", name, spec, opts);
  }
}

/**
 * The mapping of an integration already installed in Port (an Ocean integration or exporter,
 * e.g. GitHub): which kinds it ingests, which items (`selector.query`) and how they become
 * entities. It adopts the installation's mapping on create and puts the original back on
 * delete; it never installs or uninstalls the integration.
 */
export class IntegrationMapping extends PortComponent {
  readonly installationId: pulumi.Output<string>;
  /** The integration's type in Port, e.g. `github-ocean`. */
  readonly installationAppType: pulumi.Output<string | undefined>;
  /** The dynamic resource. */
  readonly resource: IntegrationMappingResource;

  constructor(name: string, args: IntegrationMappingArgs, opts?: PortComponentOptions) {
    super("IntegrationMapping", name, opts);
    if (typeof args.installationId === "string") this.model.declareIntegrationMapping(args.installationId, this.component);
    // References are recorded once, by the first pass.
    const jq = (pick: (resolved: ResolvedBlueprint) => pulumi.Input<string>, refer: boolean) =>
      mapBlueprints(args.config, (blueprint, field) =>
        blueprintJq(blueprint, (ref) => pick(resolveBlueprint(ref, this.portal, refer ? { from: this.component, field } : undefined))),
      );
    this.checkKnown(IntegrationMappingSpec, { installationId: args.installationId, config: jq((b) => b.known, true) });
    this.report(mappingFieldProblems(this.component, args.config));

    // Written by the provider: named here (undefined) so the resource has them as outputs.
    const outputs = { installationAppType: undefined, originalConfig: undefined };
    this.resource = new IntegrationMappingResource(name, { installationId: args.installationId, config: jq((b) => b.input, false), ...outputs }, { parent: this });
    this.installationId = this.resource.installationId;
    this.installationAppType = this.resource.installationAppType;
    this.registerOutputs({ installationId: this.installationId, installationAppType: this.installationAppType });
  }
}

/** The config with each mapping's `blueprint` replaced by `convert(blueprint, field)`, in the form (one or a list) it was written. */
function mapBlueprints(config: IntegrationConfigArgs, convert: (blueprint: IntegrationEntityMappingArgs["blueprint"], field: string) => unknown): Record<string, unknown> {
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

/**
 * A mapping's `blueprint` as JQ: a blueprint reference (a `Blueprint`, or a JQ string constant
 * naming one) becomes the JQ constant of `identifier(ref)`; other JQ is computed per item and
 * left to Port, which resolves it at ingestion.
 */
function blueprintJq(blueprint: IntegrationEntityMappingArgs["blueprint"], identifier: (ref: unknown) => pulumi.Input<string>): pulumi.Input<string> {
  const literal = typeof blueprint === "string" ? jqStringLiteral(blueprint) : undefined;
  if (typeof blueprint === "string" && literal === undefined) return blueprint;
  if (!(blueprint instanceof Blueprint) && !(blueprint instanceof ExistingBlueprint) && literal === undefined) return blueprint as pulumi.Input<string>;
  const id = identifier(literal ?? blueprint);
  return typeof id === "string" ? JSON.stringify(id) : pulumi.output(id).apply((value) => JSON.stringify(value));
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
