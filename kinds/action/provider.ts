import { createAction, deleteAction, getAction, listActiveRuns, replaceAction, type PortActionBody } from "./client";
import { ActionAllowDataLoss, deleteWithRunsProblem } from "./guards";
import { ActionSpec } from "./schema";
import { AutomationSpec } from "../automation/schema";
import { actionJqFields } from "./jq-fields";
import { jqProblems } from "../../core/schemas/jq";
import { asSet } from "../../core/providers/canonical-json";
import { documentLogic, type DocumentKind, type PortDocument } from "../../core/providers/document-logic";
import { ALLOW_DATA_LOSS_KEY, type ResourceLogic } from "../../core/providers/resource-logic";

/**
 * Self-service actions and automations: one Port document kind (`/v1/actions`), told apart by
 * `trigger.type`. Both share this logic; only `check` differs, so that messages name the right
 * kind ("Action" or "Automation") and the right schema validates. Every JQ expression (templates
 * in the invocation method, `{jqQuery}` values, automation conditions) is compiled at check time.
 */

/**
 * Lists whose order Port ignores, compared as sets so reordering them in code is no change; and no
 * `required` list the same as an empty one (apispec.yaml, /v1/actions: `userInputs.required` is
 * optional, and either way no input is required).
 */
function normalize(doc: PortDocument): PortDocument {
  const out = structuredClone(doc);
  const trigger = out.trigger as Record<string, any> | undefined;
  const userInputs = trigger?.userInputs as Record<string, any> | undefined;
  if (userInputs && userInputs.required === undefined) userInputs.required = [];
  if (Array.isArray(userInputs?.required)) userInputs.required = asSet(userInputs.required);
  for (const input of Object.values((userInputs?.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (Array.isArray(input.dependsOn)) input.dependsOn = asSet(input.dependsOn as string[]);
  }
  if (Array.isArray(trigger?.condition?.expressions)) trigger.condition.expressions = asSet(trigger.condition.expressions);
  return out;
}

function kindOf(kind: "Action" | "Automation", schema: typeof ActionSpec | typeof AutomationSpec): DocumentKind {
  return {
    kind,
    schema,
    idOf: (spec) => String(spec.identifier),
    nameOf: (spec) => String(spec.identifier ?? "(no identifier)"),
    serverFields: ["id"],
    normalize,
    shapeOf: (doc) => ((doc.trigger as { type?: string } | undefined)?.type === "automation" ? "an automation" : "a self-service action"),
    extraProblems: (spec, name) => jqProblems(kind, name, actionJqFields(spec)),
    api: {
      get: (client, id) => getAction(client, id),
      create: (client, spec) => createAction(client, spec as PortActionBody),
      replace: (client, id, body) => replaceAction(client, id, body as PortActionBody),
      remove: async (client, id, props) => {
        const problem = deleteWithRunsProblem(id, (await listActiveRuns(client, id)).length, props[ALLOW_DATA_LOSS_KEY] as ActionAllowDataLoss | undefined);
        if (problem) throw new Error(problem);
        await deleteAction(client, id); // already gone counts as done
      },
    },
  };
}

const selfService = documentLogic(kindOf("Action", ActionSpec));
const automation = documentLogic(kindOf("Automation", AutomationSpec));

export const actionLogic: ResourceLogic = {
  ...selfService,
  check: (olds, news) => (news.trigger?.type === "automation" ? automation : selfService).check(olds, news),
};
