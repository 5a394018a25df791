/**
 * Checks that need the whole declared portal, run by the portal's check: every path through
 * relations (mirror properties, inherited ownership, aggregations) and every property a condition
 * reads must exist on the blueprint it names, with the operator suited to the property's type.
 * Blueprints whose args are not plain values, or are managed elsewhere, are left to Port. The
 * checks of scorecards and actions (kinds/scorecard/checks.ts, kinds/action/checks.ts) build on these.
 */
import { closestNames } from "../../core/components/closest-names";
import type { PortalModel } from "../../core/components/portal-model";
import { Blueprint } from "./component";
import { DeclaredFields, declaredFields } from "./fields";

type Doc = Record<string, any>;

/** Port's meta-properties, which every entity has. */
const META_PROPERTIES = ["$identifier", "$title", "$team", "$icon", "$createdAt", "$updatedAt", "$createdBy", "$updatedBy", "$blueprint"];
const DATE_META = ["$createdAt", "$updatedAt"];
const ORDER_OPERATORS = [">", ">=", "<", "<="];
const DATE_OPERATORS = ["between", "notBetween"];
const TEXT_OPERATORS = ["contains", "doesNotContains", "beginsWith", "doesNotBeginsWith", "endsWith", "doesNotEndsWith"];

/** The declared fields of a blueprint given as a component or an identifier, when they are known. */
export function fieldsOf(model: PortalModel, blueprint: unknown): DeclaredFields | undefined {
  const component = blueprint instanceof Blueprint ? blueprint : typeof blueprint === "string" ? model.blueprintComponent(blueprint) : undefined;
  return component instanceof Blueprint ? declaredFields(component) : undefined;
}

export function hint(wanted: string, known: string[]): string {
  const near = closestNames(wanted, known);
  return near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
}

function readable(fields: DeclaredFields): string[] {
  return [...Object.keys(fields.properties), ...Object.keys(fields.computed)];
}

/** Follows `path`'s relations from `start`; reports the first hop that is not a relation. Returns the blueprint reached, if known. */
function walkRelations(model: PortalModel, where: string, start: DeclaredFields, hops: string[], problems: string[]): DeclaredFields | undefined {
  let at: DeclaredFields | undefined = start;
  for (const hop of hops) {
    if (!at) return undefined;
    const relation = at.relations[hop] as Doc | undefined;
    if (!relation) {
      const known = Object.keys(at.relations);
      problems.push(
        `${where}: "${hop}" is not a relation of blueprint "${at.blueprint}" (${known.length ? `relations: ${known.join(", ")}` : "it has no relations"}).${hint(hop, known)} Fix the path.`,
      );
      return undefined;
    }
    at = fieldsOf(model, relation.target instanceof Blueprint ? relation.target : typeof relation.target === "string" ? relation.target : undefined);
  }
  return at;
}

/** Mirror paths, inherited ownership and aggregation properties of one Blueprint. */
export function blueprintPathProblems(model: PortalModel, component: string, blueprint: Blueprint): string[] {
  const fields = declaredFields(blueprint);
  const args = blueprint.args as Doc;
  if (!fields) return [];
  const problems: string[] = [];
  for (const [key, mirror] of Object.entries((args.mirrorProperties ?? {}) as Record<string, Doc>)) {
    if (typeof mirror?.path !== "string") continue;
    const parts = mirror.path.split(".");
    const where = `${component}: field mirrorProperties.${key}.path`;
    const end = walkRelations(model, where, fields, parts.slice(0, -1), problems);
    const last = parts[parts.length - 1];
    if (end && !last.startsWith("$") && !readable(end).includes(last) && !(last in end.relations)) {
      problems.push(`${where}: "${last}" is not a property of blueprint "${end.blueprint}".${hint(last, readable(end))} Fix the path.`);
    }
  }
  if (args.ownership?.type === "Inherited" && typeof args.ownership.path === "string") {
    const where = `${component}: field ownership.path`;
    const end = walkRelations(model, where, fields, args.ownership.path.split("."), problems);
    const owner = end ? fieldsOf(model, end.blueprint) : undefined;
    const ownerComponent = end ? model.blueprintComponent(end.blueprint) : undefined;
    const ownership = ownerComponent instanceof Blueprint ? (ownerComponent.args as Doc).ownership : undefined;
    if (owner && ownership?.type !== "Direct") {
      problems.push(
        `${where}: the path ends at blueprint "${end!.blueprint}", which has no Direct ownership. Give it ownership: { type: "Direct" } or end the path at one that has.`,
      );
    }
  }
  for (const [key, aggregation] of Object.entries((args.aggregationProperties ?? {}) as Record<string, Doc>)) {
    const target = fieldsOf(model, aggregation?.target);
    const property = aggregation?.calculationSpec?.property;
    if (!target || typeof property !== "string") continue;
    if (!(property in target.properties)) {
      problems.push(
        `${component}: field aggregationProperties.${key}.calculationSpec.property: "${property}" is not a property of blueprint "${target.blueprint}".${hint(property, Object.keys(target.properties))} Fix the property.`,
      );
    } else if ((target.properties[property] as Doc).type !== "number") {
      problems.push(
        `${component}: field aggregationProperties.${key}.calculationSpec.property: "${property}" of blueprint "${target.blueprint}" is not a number; ${aggregation.calculationSpec.func} needs one. Use a number property.`,
      );
    }
  }
  return problems;
}

/** One condition (scorecard rule or filter): the property or relation exists, and the operator suits its type. */
export function conditionProblems(where: string, condition: Doc, fields: DeclaredFields): string[] {
  if (typeof condition.relation === "string") {
    if (condition.relation in fields.relations) return [];
    const known = Object.keys(fields.relations);
    return [`${where}.relation: "${condition.relation}" is not a relation of blueprint "${fields.blueprint}".${hint(condition.relation, known)} Use a declared relation.`];
  }
  const property = condition.property;
  if (typeof property !== "string") return [];
  const operator = String(condition.operator ?? "");
  const value = condition.value;
  const wantsDate = DATE_OPERATORS.includes(operator) || (value && typeof value === "object" && ("preset" in value || "from" in value));
  if (property.startsWith("$")) {
    if (!META_PROPERTIES.includes(property))
      return [`${where}.property: "${property}" is not one of Port's meta-properties (${META_PROPERTIES.join(", ")}).${hint(property, META_PROPERTIES)} Fix the name.`];
    if ((wantsDate || ORDER_OPERATORS.includes(operator)) && !DATE_META.includes(property)) {
      return [`${where}.operator: "${operator}" compares dates or numbers, and "${property}" is neither. Use "=" or "in".`];
    }
    return [];
  }
  if (property in fields.relations) {
    return [`${where}.property: "${property}" is a relation of blueprint "${fields.blueprint}", not a property. Write { relation: "${property}", ... } instead.`];
  }
  const declared = fields.properties[property] as Doc | undefined;
  if (!declared) {
    if (property in fields.computed) return [];
    return [
      `${where}.property: "${property}" is not a property of blueprint "${fields.blueprint}".${hint(property, readable(fields))} Use a declared property or declare it on the blueprint.`,
    ];
  }
  const isDate = declared.type === "string" && declared.format === "date-time";
  const isNumber = declared.type === "number";
  if (wantsDate && !isDate) {
    return [
      `${where}.operator: "${operator}" with a date range or preset needs a date-time property; "${property}" is ${describe(declared)}. Compare it with "=" or "in", or use a date-time property.`,
    ];
  }
  if (ORDER_OPERATORS.includes(operator) && !isNumber && !isDate) {
    return [`${where}.operator: "${operator}" compares numbers or dates; "${property}" is ${describe(declared)}. Use "=" or "in", or compare a number property.`];
  }
  if (TEXT_OPERATORS.includes(operator) && (isNumber || declared.type === "boolean")) {
    return [`${where}.operator: "${operator}" compares text; "${property}" is ${describe(declared)}. Use "=", ">" or "<".`];
  }
  return [];
}

function describe(property: Doc): string {
  return property.format ? `a ${property.type} property (${property.format})` : `a ${property.type} property`;
}
