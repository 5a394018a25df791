import { setTimeout as sleep } from "node:timers/promises";

/**
 * Waiting for what Port does in the background (deleting entities, running a migration, creating
 * permission scopes): a probe repeated with growing pauses, for a bounded time.
 */
export interface PollWait {
  timeoutMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** At most this many probes, whatever the time left (e.g. the Terraform provider's "10 tries"). */
  maxAttempts?: number;
}

/** Asks `probe` until it answers something other than undefined, pausing `firstDelayMs`, then twice as long, up to `maxDelayMs`; undefined once `timeoutMs` has passed or `maxAttempts` probes were made. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, wait: PollWait): Promise<T | undefined> {
  const deadline = Date.now() + wait.timeoutMs;
  for (let attempt = 1, pause = wait.firstDelayMs; ; attempt++, pause = Math.min(pause * 2, wait.maxDelayMs)) {
    const answer = await probe();
    if (answer !== undefined) return answer;
    if (Date.now() + pause > deadline || attempt >= (wait.maxAttempts ?? Infinity)) return undefined;
    await sleep(pause);
  }
}
