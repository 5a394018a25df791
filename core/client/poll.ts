import { setTimeout as sleep } from "node:timers/promises";

/**
 * Waiting for what Port does in the background (deleting entities, running a migration, creating
 * permission scopes): a probe repeated with growing pauses, for a bounded time.
 */
export interface PollWait {
  timeoutMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Asks `probe` until it answers something other than undefined, pausing `firstDelayMs`, then twice as long, up to `maxDelayMs`; undefined once `timeoutMs` has passed. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, wait: PollWait): Promise<T | undefined> {
  const deadline = Date.now() + wait.timeoutMs;
  for (let pause = wait.firstDelayMs; ; pause = Math.min(pause * 2, wait.maxDelayMs)) {
    const answer = await probe();
    if (answer !== undefined) return answer;
    if (Date.now() + pause > deadline) return undefined;
    await sleep(pause);
  }
}
