import { PortApiError } from "./errors";
import { deletedUnlessGone, undefinedWhenNotFound } from "./not-found";

const failure = (status: number, code?: string) => new PortApiError({ method: "GET", path: "/v1/x", status, code });
const failing = (error: unknown) => async () => {
  throw error;
};

describe("undefinedWhenNotFound", () => {
  it("resolves to the call's result", async () => {
    await expect(undefinedWhenNotFound(async () => ({ identifier: "svc" }))).resolves.toEqual({ identifier: "svc" });
  });

  it("resolves to undefined when Port answers 404 not_found", async () => {
    await expect(undefinedWhenNotFound(failing(failure(404, "not_found")))).resolves.toBeUndefined();
  });

  it("rethrows a 404 without Port's not_found code, other Port errors and non-Port errors", async () => {
    for (const error of [failure(404), failure(422, "not_found"), failure(400, "has_dependents"), new Error("boom")]) {
      await expect(undefinedWhenNotFound(failing(error))).rejects.toBe(error);
    }
  });
});

describe("deletedUnlessGone", () => {
  it("resolves to true when the delete succeeds, whatever it answered", async () => {
    await expect(deletedUnlessGone(async () => undefined)).resolves.toBe(true);
    await expect(deletedUnlessGone(async () => ({ ok: true }))).resolves.toBe(true);
  });

  it("resolves to false when Port answers 404 not_found", async () => {
    await expect(deletedUnlessGone(failing(failure(404, "not_found")))).resolves.toBe(false);
  });

  it("rethrows a 404 without Port's not_found code and other errors", async () => {
    for (const error of [failure(404), failure(409, "has_dependents"), new Error("boom")]) {
      await expect(deletedUnlessGone(failing(error))).rejects.toBe(error);
    }
  });
});
