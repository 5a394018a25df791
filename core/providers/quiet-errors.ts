/**
 * Pulumi's dynamic-provider host prints every error a provider throws as `${error}: ${error.stack}`
 * before returning it to the engine, which prints the message again under the resource. For the
 * errors this library throws on purpose (a refused change, an answer from Port) that is the same
 * sentence twice plus a stack trace nobody needs, so those lines are dropped; the engine's own
 * line under the resource remains. Errors that are bugs (TypeError and the like) keep their
 * trace, and PORTAL_DEBUG=1 keeps every trace.
 */
const BUG_CLASSES = [TypeError, ReferenceError, RangeError, SyntaxError];
const quieted = new Set<string>();
let installed = false;

/** Runs a provider call; an error it throws on purpose is not echoed with its trace by Pulumi's host. */
export async function withoutEchoedTrace<T>(call: () => Promise<T> | T): Promise<T> {
  install();
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && !BUG_CLASSES.some((bug) => error instanceof bug) && !process.env.PORTAL_DEBUG) quieted.add(`${error}: ${error.stack}`);
    throw error;
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && quieted.delete(args[0])) return;
    print(...args);
  };
}
