/**
 * The parts of `pulumi preview --json` a review needs: each step's operation, its resource and the
 * inputs before and after. Only our Port resources (`pulumi-nodejs:dynamic/port:<Kind>`) count.
 */
export type PreviewOp = "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh" | string;

export interface PreviewStep {
  op: PreviewOp;
  urn: string;
  oldState?: { inputs?: Record<string, unknown> };
  newState?: { inputs?: Record<string, unknown> };
}

export interface PreviewDigest {
  steps?: PreviewStep[];
  changeSummary?: Record<string, number>;
  diagnostics?: { severity?: string; message?: string; urn?: string }[];
}

/** A Port object's change, in the terms a reviewer reads. */
export interface PortChange {
  op: "create" | "update" | "replace" | "delete";
  /** Port's kind, e.g. "Blueprint", "Scorecard", "Page". */
  kind: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

const PORT_TYPE = /\$?pulumi-nodejs:dynamic\/port:([A-Za-z]+)::/;

/** The Port object changes of a preview; replacement bookkeeping steps fold into their "replace". */
export function portChanges(digest: PreviewDigest): PortChange[] {
  const changes: PortChange[] = [];
  for (const step of digest.steps ?? []) {
    const kind = PORT_TYPE.exec(step.urn)?.[1];
    if (!kind) continue;
    if (step.op !== "create" && step.op !== "update" && step.op !== "replace" && step.op !== "delete") continue;
    changes.push({ op: step.op, kind, before: inputsOf(step.oldState), after: inputsOf(step.newState) });
  }
  return changes;
}

function inputsOf(state: PreviewStep["oldState"]): Record<string, unknown> | undefined {
  if (!state?.inputs) return undefined;
  const { __provider: _provider, ...inputs } = state.inputs;
  return inputs;
}
