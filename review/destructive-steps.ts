import { ALLOW_DATA_LOSS_KEY, AllowDataLoss, deleteDataLossProblem } from "../kinds/blueprint/guards";
import type { PortClient } from "../core/client/port-client";
import { undefinedWhenNotFound } from "../core/client/not-found";
import { listEntities } from "../kinds/entity/client";
import { listActiveRuns } from "../kinds/action/client";
import { ActionAllowDataLoss, deleteWithRunsProblem, runCount } from "../kinds/action/guards";
import { PreviewDigest, portKindOf } from "./preview-digest";

/**
 * What the deletes of a preview would destroy in Port beyond the objects themselves, counted in
 * the org before anything runs: a blueprint's entities that the same run does not delete, and an
 * action's runs in progress. The
 * provider refuses such a delete when it gets to it, after the steps before it have run; found
 * here, the refusal comes before the first step. Each refusal is the provider's own sentence.
 */
export interface DestructiveStep {
  /** The loss, for the preview and the summary: "deletes blueprint `repository` and its 3 entities". */
  line: string;
  /** Why the run is refused and how to allow it, when it is. */
  refusal?: string;
}

/** Read-only questions to the org. */
export interface OrgContents {
  /** The identifiers of a blueprint's entities in the org. */
  entityIdentifiers(blueprint: string): Promise<string[]>;
  /** How many runs of an action are in progress or waiting for approval. */
  activeRunCount(action: string): Promise<number>;
}

/** The org as Port's API answers: a blueprint already gone has no entities to lose. */
export function orgContentsOf(client: PortClient): OrgContents {
  return {
    entityIdentifiers: async (blueprint) => ((await undefinedWhenNotFound(() => listEntities(client, blueprint))) ?? []).map((entity) => entity.identifier),
    activeRunCount: async (action) => (await listActiveRuns(client, action)).length,
  };
}

const DELETES = new Set(["delete", "delete-replaced"]);

export async function destructiveSteps(digest: PreviewDigest, org: OrgContents): Promise<DestructiveStep[]> {
  const steps = (digest.steps ?? []).filter((step) => DELETES.has(step.op) && step.oldState?.outputs);
  // Entities this run deletes itself go before their blueprint and are no loss of its own.
  const deletedEntities = new Set(
    steps.filter((step) => portKindOf(step.urn) === "Entity").map((step) => `${step.oldState!.outputs!.blueprint}/${step.oldState!.outputs!.identifier}`),
  );
  const found: DestructiveStep[] = [];
  for (const step of steps) {
    if (portKindOf(step.urn) === "Action") {
      const action = step.oldState!.outputs!;
      const active = await org.activeRunCount(String(action.identifier));
      if (active > 0) {
        found.push({
          line: `deletes action \`${action.identifier}\` with ${runCount(active)} in progress`,
          refusal: deleteWithRunsProblem(String(action.identifier), active, action[ALLOW_DATA_LOSS_KEY] as ActionAllowDataLoss | undefined),
        });
      }
      continue;
    }
    if (portKindOf(step.urn) !== "Blueprint") continue;
    const blueprint = step.oldState!.outputs!;
    const identifier = String(blueprint.identifier);
    const remaining = (await org.entityIdentifiers(identifier)).filter((entity) => !deletedEntities.has(`${identifier}/${entity}`)).length;
    if (remaining === 0) continue;
    found.push({
      line: `deletes blueprint \`${identifier}\` and its ${remaining} ${remaining === 1 ? "entity" : "entities"}`,
      refusal: deleteDataLossProblem(blueprint, remaining, blueprint[ALLOW_DATA_LOSS_KEY] as AllowDataLoss | undefined),
    });
  }
  return found;
}

/** The refusals as one message for a command that stops before applying anything. */
export function refusalMessage(found: DestructiveStep[]): string | undefined {
  const refusals = found.filter((step) => step.refusal).map((step) => `  - ${step.refusal}`);
  if (refusals.length === 0) return undefined;
  return `This run would destroy data in Port that the code does not allow it to; nothing was applied:\n${refusals.join("\n")}`;
}
