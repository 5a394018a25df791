/**
 * The guard rail for deleting an action or automation: runs still in progress (or waiting for
 * approval) lose their action, so their backend can no longer report to them. Refused unless the
 * component says so in `allowDataLoss`; the message says how many runs.
 */
export interface ActionAllowDataLoss {
  /** Allow deleting the action while runs of it are in progress or waiting for approval. */
  deleteWithRunsInProgress?: boolean;
}

/** "1 run", "3 runs". */
export function runCount(count: number): string {
  return `${count} ${count === 1 ? "run" : "runs"}`;
}

/** The problem with deleting action `identifier` while `active` runs are open, or undefined when it may go. */
export function deleteWithRunsProblem(identifier: string, active: number, allow: ActionAllowDataLoss = {}): string | undefined {
  if (active === 0 || allow.deleteWithRunsInProgress) return undefined;
  return (
    `Action "${identifier}" has ${runCount(active)} in progress or waiting for approval, which deleting it would cut off from their action. ` +
    `Let them finish first, or set allowDataLoss: { deleteWithRunsInProgress: true } on it (and apply that) before removing it.`
  );
}
