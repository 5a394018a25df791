import { PortApiError } from "../../core/client/errors";
import { PollWait, pollUntil } from "../../core/client/poll";

/**
 * How long a permissions call is repeated until Port says ok. Port creates a blueprint's or an
 * action's permissions asynchronously after the parent, and Port's own client repeats every
 * `/permissions` call whose answer is not ok (terraform-provider-port-labs internal/cli/client.go,
 * the retry condition "scopes are created async-ly"): both the GET and the PATCH.
 */
export interface ScopeWait extends PollWait {
  /** `timeoutMs`: how long a 404 (no scope yet) is waited out. */
  /** How many times another refusal (4xx, or `ok: false`) is repeated; the Terraform provider repeats 5 times. Default 5. */
  refusalRetries?: number;
}

export const DEFAULT_SCOPE_WAIT: ScopeWait = { timeoutMs: 60_000, firstDelayMs: 250, maxDelayMs: 2_000, refusalRetries: 5 };

/** Port answered, but not ok: what the Terraform provider repeats (network failures, 429 and 5xx are the client's own retries). */
const isRefusal = (error: unknown): error is PortApiError => error instanceof PortApiError && error.status >= 200 && error.status < 500;

/**
 * Runs `call` until it gives a value: "no scope yet" (a 404, or `undefined` from a read that maps
 * 404 to it) is repeated, with growing pauses, until `wait.timeoutMs` has passed, then `notYet()` is
 * thrown; another refusal at most `wait.refusalRetries` times, then Port's error is thrown; any
 * other failure at once.
 */
export async function untilPortSaysOk<T>(call: () => Promise<T | undefined>, wait: ScopeWait, notYet: () => Error): Promise<T> {
  let refusals = 0;
  let refused: PortApiError | undefined;
  const answer = await pollUntil(async () => {
    refused = undefined;
    try {
      return await call();
    } catch (error) {
      if (!isRefusal(error)) throw error;
      if (!error.isNotFound) {
        if (refusals++ >= (wait.refusalRetries ?? 5)) throw error;
        refused = error;
      }
      return undefined;
    }
  }, wait);
  if (answer === undefined) throw refused ?? notYet();
  return answer;
}
