import { PortApiError } from "./errors";

/**
 * What a call means when Port says the object does not exist, in one place: which failures
 * count as "not found" is decided by `PortApiError.isNotFound`, and the calls ask it only here.
 */

/** The call's result, or undefined when Port answers not found; any other failure is rethrown. */
export async function undefinedWhenNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PortApiError && error.isNotFound) return undefined;
    throw error;
  }
}

/** Runs a delete: true when it deleted, false when Port answers that the object was already gone. */
export async function deletedUnlessGone(call: () => Promise<unknown>): Promise<boolean> {
  return (await undefinedWhenNotFound(async () => (await call(), true))) ?? false;
}
