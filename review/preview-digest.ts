import { ADOPT_KEY } from "../core/providers/resource-logic";
import { sameJson } from "../core/providers/canonical-json";

/**
 * The parts of `pulumi preview --json` a review needs: each step's operation, its resource and the
 * inputs before and after. Only our Port resources (`pulumi-nodejs:dynamic/port:<Kind>`) count.
 */
export type PreviewOp = "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh" | string;

export interface PreviewStep {
  op: PreviewOp;
  urn: string;
  oldState?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  newState?: { inputs?: Record<string, unknown> };
}

export interface PreviewDigest {
  steps?: PreviewStep[];
  changeSummary?: Record<string, number>;
  diagnostics?: { severity?: string; message?: string; urn?: string }[];
}

/** A Port object's change, in the terms a reviewer reads. */
export interface PortChange {
  /** "adopt": a create of a component with `adopt`, which takes over the object Port holds. */
  op: "create" | "adopt" | "update" | "replace" | "delete";
  /** Port's kind, e.g. "Blueprint", "Scorecard", "Page". */
  kind: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

const PORT_TYPE = /\$?pulumi-nodejs:dynamic\/port:([A-Za-z]+)::/;

/** The Port kind of a step's resource (`Blueprint`, `Entity`...), or undefined for any other resource. */
export function portKindOf(urn: string): string | undefined {
  return PORT_TYPE.exec(urn)?.[1];
}

/**
 * The steps of an engine event log (`pulumi preview|destroy --event-log FILE`), in the shape
 * `pulumi preview --json` lists them, so a command can print its own preview and still be read.
 */
export function digestFromEventLog(text: string): PreviewDigest {
  const steps: PreviewStep[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const metadata = (JSON.parse(line) as { resourcePreEvent?: { metadata?: { op: string; urn: string; old?: PreviewStep["oldState"]; new?: PreviewStep["newState"] } } })
      .resourcePreEvent?.metadata;
    if (metadata) steps.push({ op: metadata.op, urn: metadata.urn, oldState: metadata.old ?? undefined, newState: metadata.new ?? undefined });
  }
  return { steps };
}

/** The Port object changes of a preview; replacement bookkeeping steps fold into their "replace". */
export function portChanges(digest: PreviewDigest): PortChange[] {
  const changes: PortChange[] = [];
  for (const step of digest.steps ?? []) {
    const kind = portKindOf(step.urn);
    if (!kind) continue;
    if (step.op !== "create" && step.op !== "update" && step.op !== "replace" && step.op !== "delete") continue;
    const before = inputsOf(step.oldState);
    const after = inputsOf(step.newState);
    const op = step.op === "create" && step.newState?.inputs?.[ADOPT_KEY] ? "adopt" : step.op;
    changes.push({ op, kind, before: step.op === "update" && sameJson(before, after) ? heldInPort(step.oldState, after) : before, after });
  }
  return changes;
}

/**
 * An update whose code did not change is drift (seen by a refreshing preview): what Port holds, for
 * the keys the code sets, is what the update puts back.
 */
function heldInPort(state: PreviewStep["oldState"], after: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!state?.outputs || !after) return inputsOf(state);
  return Object.fromEntries(Object.keys(after).map((key) => [key, state.outputs![key]]));
}

function inputsOf(state: PreviewStep["oldState"]): Record<string, unknown> | undefined {
  if (!state?.inputs) return undefined;
  const { __provider: _provider, [ADOPT_KEY]: _adopt, ...inputs } = state.inputs;
  return inputs;
}
