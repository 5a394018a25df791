import { conditionProblems, fieldsOf } from "../blueprint/checks";
import type { PortalModel } from "../../core/components/portal-model";

type Doc = Record<string, any>;

/** Every condition of a scorecard's filter and rules against its blueprint. */
export function scorecardProblems(model: PortalModel, component: string, blueprint: unknown, args: Doc): string[] {
  const fields = fieldsOf(model, blueprint);
  if (!fields) return [];
  const problems: string[] = [];
  ((args.filter?.conditions ?? []) as Doc[]).forEach((c, i) => problems.push(...conditionProblems(`${component}: field filter.conditions[${i}]`, c, fields)));
  ((args.rules ?? []) as Doc[]).forEach((rule, r) =>
    ((rule?.query?.conditions ?? []) as Doc[]).forEach((c, i) => problems.push(...conditionProblems(`${component}: field rules[${r}].query.conditions[${i}]`, c, fields))),
  );
  return problems;
}
