import { PortApiError } from "../client/errors";
import { canonical } from "./canonical-json";

/**
 * A create is the one write that is not safe to repeat: if Port applied it but the answer was lost
 * (a timeout, a connection closed, a 5xx: the client's `outcomeUnknown`), or a run was killed after
 * it, the next attempt meets "already exists" (409). Either way Port is read back and decides:
 * - nothing there: the create never landed, so it is sent again;
 * - the object there is the one this create sends (every key the code sets has the code's value;
 *   what Port or others added beside them is kept): it is adopted, as if the create had answered;
 * - anything else is someone else's object: the create fails naming it and what differs.
 */
export interface ReconciledCreate<T> {
  /** The kind and identifier, for the message, e.g. `Blueprint "service"`. */
  what: string;
  create(): Promise<T>;
  /** The object as Port holds it now, or undefined when it is not there. */
  read(): Promise<T | undefined>;
  /** The top-level keys where what Port holds differs from what the create sends; none means it is ours. */
  differences(existing: T): string[];
}

/** How many times a create whose outcome stays unknown is read back and sent again before giving up. */
const MAX_ROUNDS = 5;

export async function reconciledCreate<T>(op: ReconciledCreate<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await op.create();
    } catch (error) {
      if (!(error instanceof PortApiError) || !(error.outcomeUnknown || error.status === 409)) throw error;
      const existing = await op.read();
      if (existing === undefined) {
        // "Exists" yet not readable leaves nothing to decide on; an unknown outcome that did not land is sent again.
        if (error.status === 409 || round >= MAX_ROUNDS) throw error;
        continue;
      }
      const differences = op.differences(existing);
      if (differences.length === 0) return existing;
      throw new Error(
        `${op.what} already exists in Port and differs from the code in ${differences.join(", ")}, so it is not the one this stack created. ` +
          `Give the component another identifier, or, to manage the existing one from this stack, make it match the code in Port (or delete it there) and run again.`,
      );
    }
  }
}

/** The top-level keys of `desired` whose canonical value differs in `current` (both already in the kind's normal form). */
export function differingKeys(desired: Record<string, unknown>, current: Record<string, unknown>): string[] {
  return Object.keys(desired)
    .filter((key) => JSON.stringify(canonical(desired[key])) !== JSON.stringify(canonical(current[key])))
    .sort();
}

/**
 * Taking over an object Port already holds (a component with `adopt`), instead of creating it:
 * - nothing there: fails, naming the object, before any write;
 * - an object of another shape (an automation where the code has a self-service action, a
 *   catalog page where it has a dashboard): fails the same way;
 * - otherwise what Port holds is kept as it was adopted, and the code is applied to it: no write
 *   when it already matches, one update when it does not.
 */
export interface Adoption<T> {
  /** The kind and identifier, for messages, e.g. `Scorecard "readiness"`. */
  what: string;
  read(): Promise<T | undefined>;
  /** Why the object Port holds is not of the shape the code declares, if it is not. */
  shapeProblem?(existing: T): string | undefined;
  differences(existing: T): string[];
  /** Applies the code to the object Port holds; resolves with it as Port then holds it. */
  write(existing: T): Promise<T>;
}

export async function adoptExisting<T>(op: Adoption<T>): Promise<{ held: T; result: T }> {
  const existing = await op.read();
  if (existing === undefined) {
    throw new Error(`${op.what} is to be adopted, but Port holds no such object. Nothing was changed in Port. Check the identifier, or remove \`adopt\` to create it.`);
  }
  const shape = op.shapeProblem?.(existing);
  if (shape) {
    throw new Error(
      `${op.what} is to be adopted, but the object Port holds with that identifier ${shape}. Nothing was changed in Port. Declare it as what it is, or give the component another identifier.`,
    );
  }
  const result = op.differences(existing).length === 0 ? existing : await op.write(existing);
  return { held: existing, result };
}
