/**
 * Polls a condition for what Port does asynchronously (entity deletion, migrations): `probe` is
 * asked every `everyMs` until it answers true, for at most `timeoutMs`; then the test fails naming
 * `what`. Never a sleep that hopes something settled.
 */
export async function eventually(what: string, probe: () => Promise<boolean>, { timeoutMs = 5_000, everyMs = 20 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Runs `start` with the environment variable `name` set to `value` (e.g. an emulator reading its settings), then restores it. */
export async function withEnv<T>(name: string, value: string, start: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}
