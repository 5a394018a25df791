import { conditionProblems, fieldsOf, hint } from "../blueprint/checks";
import type { PortalModel } from "../../core/components/portal-model";

type Doc = Record<string, any>;

/** The rules of a query, nested groups flattened, with their field paths. */
function rulesOf(query: Doc | undefined, at: string): [string, Doc][] {
  return ((query?.rules ?? []) as Doc[]).flatMap((rule, i) =>
    Array.isArray(rule?.rules) ? rulesOf(rule, `${at}.rules[${i}]`) : ([[`${at}.rules[${i}]`, rule]] as [string, Doc][]),
  );
}

/** An action's entity-input datasets and upsert-entity mapping, against the blueprints they name. */
export function actionProblems(model: PortalModel, component: string, args: Doc): string[] {
  const problems: string[] = [];
  for (const [key, input] of Object.entries((args.trigger?.userInputs?.properties ?? {}) as Record<string, Doc>)) {
    if (input?.format !== "entity" || !input.dataset) continue;
    const fields = fieldsOf(model, input.blueprint);
    if (!fields) continue;
    for (const [at, rule] of rulesOf(input.dataset, `${component}: field trigger.userInputs.properties.${key}.dataset`)) {
      problems.push(...conditionProblems(at, rule, fields));
    }
  }
  const method = args.invocationMethod as Doc | undefined;
  if (method?.type === "UPSERT_ENTITY") {
    const fields = fieldsOf(model, method.blueprint);
    if (fields) {
      for (const key of Object.keys(method.mapping?.properties ?? {})) {
        if (key in fields.properties) continue;
        problems.push(
          `${component}: field invocationMethod.mapping.properties.${key}: "${key}" is not a property of blueprint "${fields.blueprint}".${hint(key, Object.keys(fields.properties))} Map a declared property.`,
        );
      }
      for (const key of Object.keys(method.mapping?.relations ?? {})) {
        if (key in fields.relations) continue;
        problems.push(
          `${component}: field invocationMethod.mapping.relations.${key}: "${key}" is not a relation of blueprint "${fields.blueprint}".${hint(key, Object.keys(fields.relations))} Map a declared relation.`,
        );
      }
    }
  }
  return problems;
}

/** An automation's timer event names a timer property of its blueprint. */
export function automationProblems(model: PortalModel, component: string, args: Doc): string[] {
  const event = args.trigger?.event as Doc | undefined;
  if (event?.type !== "TIMER_PROPERTY_EXPIRED" || typeof event.propertyIdentifier !== "string") return [];
  const fields = fieldsOf(model, event.blueprint);
  if (!fields) return [];
  const property = fields.properties[event.propertyIdentifier] as Doc | undefined;
  const where = `${component}: field trigger.event.propertyIdentifier`;
  if (!property)
    return [
      `${where}: "${event.propertyIdentifier}" is not a property of blueprint "${fields.blueprint}".${hint(event.propertyIdentifier, Object.keys(fields.properties))} Name a timer property.`,
    ];
  if (property.format !== "timer")
    return [`${where}: "${event.propertyIdentifier}" of blueprint "${fields.blueprint}" is not a timer property (format "timer"). Name a timer property.`];
  return [];
}
