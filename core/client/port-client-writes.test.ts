import { PortApiError } from "./errors";
import { PortClient, type PortClientOptions, type RetryInfo } from "./port-client";
import { pacingIntervalMs } from "./retry-policy";
import { startScriptedPortServer, useScriptedClient, type Handler, type Reply, type ScriptedPortServer } from "../../tests/support/scripted-port-server";

const clientWith = useScriptedClient();

/** A scripted server and a client of it that records its retries; `overrides` adjust the client. */
async function serverAndClient(onApi: Handler, overrides: Partial<PortClientOptions> = {}): Promise<{ client: PortClient; s: ScriptedPortServer; retries: RetryInfo[] }> {
  const retries: RetryInfo[] = [];
  const { client, s } = await clientWith(onApi, { client: { onRetry: (info) => retries.push(info), ...overrides } });
  return { client, s, retries };
}

/** Answers with the given replies in order, then keeps repeating the last one. */
function scripted(...replies: Reply[]): Handler {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

async function caught(promise: Promise<unknown>): Promise<PortApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PortApiError);
  return error as PortApiError;
}

const created: Reply = { status: 201, body: { ok: true, blueprint: { identifier: "svc" } } };
const serverError: Reply = { status: 500, body: { ok: false, error: "internal_error", message: "boom" } };
const UNKNOWN = "the outcome is unknown: Port may have applied it, so the provider reads Port back to find out";

describe("PortClient writes", () => {
  it("sends a POST answered 500 once and throws with an unknown outcome", async () => {
    const { client, s } = await clientWith(() => serverError);

    const error = await caught(client.request("POST", "/v1/blueprints", { body: { identifier: "svc" } }));

    expect(s.apiRequests()).toHaveLength(1);
    expect(error).toMatchObject({ status: 500, code: "internal_error", attempts: 1, outcomeUnknown: true });
    expect(error.message).toBe(`Port API POST /v1/blueprints failed with 500 (internal_error): boom; ${UNKNOWN}`);
  });

  it.each([502, 503])("sends a POST answered %i once and throws with an unknown outcome", async (status) => {
    const { client, s } = await clientWith(() => ({ status, body: { ok: false } }));

    const error = await caught(client.request("POST", "/v1/actions/deploy/runs", { body: {} }));

    expect(s.apiRequests()).toHaveLength(1);
    expect(error).toMatchObject({ status, outcomeUnknown: true });
  });

  it("sends a POST whose connection is destroyed after the server read it once and throws with an unknown outcome", async () => {
    const { client, s } = await clientWith(scripted({ destroySocket: true }, created));

    const error = await caught(client.request("POST", "/v1/blueprints", { body: { identifier: "svc" } }));

    expect(s.apiRequests()).toHaveLength(1);
    expect(s.apiRequests()[0].body).toEqual({ identifier: "svc" });
    expect(error).toMatchObject({ status: 0, attempts: 1, outcomeUnknown: true });
    expect(error.message).toMatch(/^Port API POST \/v1\/blueprints failed with no response: network error \(fetch failed: .+\); the outcome is unknown/);
  });

  it("sends a POST that times out once and throws with an unknown outcome", async () => {
    const { client, s, retries } = await serverAndClient(scripted({ hang: true }, created), { timeoutMs: 200 });

    const error = await caught(client.request("POST", "/v1/blueprints", { body: { identifier: "svc" } }));

    expect(s.apiRequests()).toHaveLength(1);
    expect(retries).toEqual([]);
    expect(error).toMatchObject({ status: 0, outcomeUnknown: true });
    expect(error.message).toBe(`Port API POST /v1/blueprints failed with no response: timeout after 200 ms; ${UNKNOWN}`);
  });

  it("retries a POST answered 429, then returns the 201 body", async () => {
    const { client, s, retries } = await serverAndClient(scripted({ status: 429, body: { ok: false, error: "rate_limited" }, headers: { "retry-after": "0" } }, created));

    await expect(client.request("POST", "/v1/blueprints", { body: { identifier: "svc" } })).resolves.toEqual({ ok: true, blueprint: { identifier: "svc" } });

    expect(s.apiRequests()).toHaveLength(2);
    expect(retries.map((r) => [r.method, r.attempt, r.reason])).toEqual([["POST", 1, "HTTP 429"]]);
  });

  it("repeats a POST refused with 401 once with a renewed token", async () => {
    const { client, s } = await clientWith((req) => (req.headers.authorization === "Bearer tok-1" ? { status: 401, body: { ok: false, error: "unauthorized" } } : created));

    await client.request("POST", "/v1/blueprints", { body: { identifier: "svc" } });

    expect(s.apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("retries a POST whose connection is refused, as a request that was not sent", async () => {
    // Token and first answer close their connections, so the POST cannot reuse a pooled socket of the closed server.
    const close = { connection: "close" };
    const s = await startScriptedPortServer({
      onToken: () => ({ status: 200, body: { ok: true, accessToken: "tok-1", expiresIn: 10_800 }, headers: close }),
      onApi: () => ({ status: 200, body: { ok: true }, headers: close }),
    });
    const retries: RetryInfo[] = [];
    const client = new PortClient({
      baseUrl: s.url,
      clientId: "id",
      clientSecret: "secret-123456",
      baseDelayMs: 1,
      maxDelayMs: 10,
      maxAttempts: 3,
      onRetry: (info) => retries.push(info),
    });
    await client.request("GET", "/v1/blueprints");
    await s.close();

    const error = await caught(client.request("POST", "/v1/blueprints", { body: { identifier: "svc" } }));

    expect(retries.map((r) => [r.method, r.attempt, r.reason])).toEqual([
      ["POST", 1, expect.stringContaining("ECONNREFUSED")],
      ["POST", 2, expect.stringContaining("ECONNREFUSED")],
    ]);
    expect(error).toMatchObject({ status: 0, attempts: 3, outcomeUnknown: false });
    expect(error.message).not.toContain("unknown");
  });

  it("retries a PUT answered 500 twice, then returns the 200 body", async () => {
    const { client, s, retries } = await serverAndClient(scripted(serverError, serverError, { status: 200, body: { ok: true, blueprint: { identifier: "svc" } } }));

    await expect(client.request("PUT", "/v1/blueprints/svc", { body: { identifier: "svc" } })).resolves.toEqual({ ok: true, blueprint: { identifier: "svc" } });

    expect(s.apiRequests()).toHaveLength(3);
    expect(retries.map((r) => [r.method, r.attempt, r.reason])).toEqual([
      ["PUT", 1, "HTTP 500"],
      ["PUT", 2, "HTTP 500"],
    ]);
  });

  it("retries a POST marked idempotent after a 500 and a dropped connection", async () => {
    const { client, s } = await clientWith(scripted(serverError, { destroySocket: true }, { status: 201, body: { ok: true, entity: { identifier: "a" } } }));

    const result = await client.request("POST", "/v1/blueprints/svc/entities", { body: { identifier: "a" }, query: { upsert: true }, idempotent: true });

    expect(result).toEqual({ ok: true, entity: { identifier: "a" } });
    expect(s.apiRequests()).toHaveLength(3);
  });

  it("says the outcome of a PUT is unknown when every attempt failed with 5xx or no answer", async () => {
    const { client, s } = await serverAndClient(scripted(serverError, { destroySocket: true }, serverError), { maxAttempts: 3 });

    const error = await caught(client.request("PUT", "/v1/blueprints/svc", { body: {} }));

    expect(s.apiRequests()).toHaveLength(3);
    expect(error).toMatchObject({ status: 500, attempts: 3, outcomeUnknown: true });
    expect(error.message).toBe(`Port API PUT /v1/blueprints/svc failed with 500 (internal_error): boom (gave up after 3 attempts); ${UNKNOWN}`);
  });

  it("does not call the outcome of a GET or of a definite refusal unknown", async () => {
    const { client } = await serverAndClient(scripted(serverError, serverError, { status: 422, body: { ok: false, error: "invalid_request" } }), { maxAttempts: 2 });

    const read = await caught(client.request("GET", "/v1/blueprints"));
    const refused = await caught(client.request("PUT", "/v1/blueprints/svc", { body: {} }));

    expect(read).toMatchObject({ status: 500, attempts: 2, outcomeUnknown: false });
    expect(refused).toMatchObject({ status: 422, outcomeUnknown: false });
  });

  it("spreads requests over the window when x-ratelimit-remaining runs low", async () => {
    // 3 of 100 left, reset in 0.3 s: below 20% of the limit, so the client keeps pacingIntervalMs between starts.
    const headers = { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "3", "x-ratelimit-reset": "0.3" };
    const gapMs = pacingIntervalMs({ get: (name) => headers[name as keyof typeof headers] ?? null }, Date.now());
    expect(gapMs).toBe(75);
    const { client, s, retries } = await serverAndClient(() => ({ status: 200, body: { ok: true }, headers }), { maxDelayMs: 5_000 });

    await client.request("GET", "/v1/blueprints");
    await Promise.all([1, 2, 3].map(() => client.request("GET", "/v1/blueprints")));

    // Each request after the first waits for its own slot, one gap after the previous one (timers may fire 1 ms early).
    const times = s.apiRequests().map((r) => r.receivedAtMs);
    const sorted = [...times].sort((a, b) => a - b);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k] - sorted[0]).toBeGreaterThanOrEqual(k * gapMs - 2);
    expect(retries).toEqual([]);
  });
});
