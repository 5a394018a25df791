import { PortApiError } from "./errors";

describe("PortApiError", () => {
  it("reads as one sentence naming the call, the status, Port's code and message", () => {
    const error = new PortApiError({
      method: "PUT",
      path: "/v1/blueprints/svc",
      status: 422,
      code: "invalid_request",
      portMessage: "The json provided does not match the route's schema",
    });
    expect(error.message).toBe("Port API PUT /v1/blueprints/svc failed with 422 (invalid_request): The json provided does not match the route's schema");
    expect(error.name).toBe("PortApiError");
    expect(error).toBeInstanceOf(Error);
  });

  it("describes a call that got no response and how many attempts it took", () => {
    const error = new PortApiError({ method: "GET", path: "/v1/blueprints", status: 0, reason: "timeout after 10 ms", attempts: 3 });
    expect(error.message).toBe("Port API GET /v1/blueprints failed with no response: timeout after 10 ms (gave up after 3 attempts)");
    expect(error.attempts).toBe(3);
  });

  it("prefers Port's message over the client's reason and omits a missing code", () => {
    const error = new PortApiError({ method: "GET", path: "/v1/x", status: 500, portMessage: "boom", reason: "unused" });
    expect(error.message).toBe("Port API GET /v1/x failed with 500: boom");
    expect(error.code).toBeUndefined();
  });

  it("is not-found for a 404 of any body, but not for a 404 of the token route or another status", () => {
    const make = (status: number, code?: string, path = "/v1/x") => new PortApiError({ method: "GET", path, status, code });
    expect(make(404, "not_found").isNotFound).toBe(true);
    expect(make(404).isNotFound).toBe(true);
    expect(make(404, "blueprint_not_found").isNotFound).toBe(true);
    expect(make(404, undefined, "/v1/auth/access_token").isNotFound).toBe(false);
    expect(make(422, "not_found").isNotFound).toBe(false);
    expect(make(400, "has_dependents").isNotFound).toBe(false);
  });

  it("has a known outcome unless told otherwise, and says so in the message when it is unknown", () => {
    const known = new PortApiError({ method: "POST", path: "/v1/blueprints", status: 409, code: "identifier_taken" });
    const unknown = new PortApiError({ method: "POST", path: "/v1/blueprints", status: 0, reason: "timeout after 10 ms", outcomeUnknown: true });
    expect(known.outcomeUnknown).toBe(false);
    expect(unknown.outcomeUnknown).toBe(true);
    expect(unknown.message).toBe(
      "Port API POST /v1/blueprints failed with no response: timeout after 10 ms; the outcome is unknown: Port may have applied it, so the provider reads Port back to find out",
    );
  });
});
