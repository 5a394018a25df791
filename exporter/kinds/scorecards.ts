import type { KindExporter } from "../plan";
import { pickKeys } from "../plan";

/** The scorecard keys the Scorecard component takes (kinds/scorecard/schema.ts). */
const KEYS = ["identifier", "title", "filter", "levels", "rules"] as const;

/** Scorecards, on the blueprint variable when the blueprint is exported, else on its identifier. */
export const exportScorecards: KindExporter = (org, plan, scope) => {
  for (const scorecard of org.scorecards) {
    const blueprint = String(scorecard.blueprint);
    if (scope.blueprints && !scope.blueprints.has(blueprint)) continue;
    plan.add({
      area: "scorecards",
      component: "Scorecard",
      key: `scorecard:${blueprint}/${scorecard.identifier}`,
      name: `${blueprint}-${scorecard.identifier}`,
      args: { blueprint: plan.ref(`blueprint:${blueprint}`, "scorecards") ?? blueprint, ...pickKeys(scorecard as Record<string, unknown>, KEYS) },
    });
  }
};
