import { inspect } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { PortApiError } from "./errors";
import { PortClient, type PortClientOptions, type RetryInfo } from "./port-client";
import { startScriptedPortServer, tokenIssuer, TOKEN_PATH, type Handler, type Reply, type ScriptedPortServer } from "../../tests/support/scripted-port-server";

const SECRET = "s3cr3t-never-print-me-0123456789";

let server: ScriptedPortServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handlers: { onApi?: Handler; onToken?: Handler }): Promise<ScriptedPortServer> {
  server = await startScriptedPortServer(handlers);
  return server;
}

function clientFor(s: ScriptedPortServer, overrides: Partial<PortClientOptions> = {}): { client: PortClient; retries: RetryInfo[] } {
  const retries: RetryInfo[] = [];
  const client = new PortClient({
    baseUrl: s.url,
    clientId: "client-id-1",
    clientSecret: SECRET,
    baseDelayMs: 1,
    maxDelayMs: 50,
    timeoutMs: 2_000,
    onRetry: (info) => retries.push(info),
    ...overrides,
  });
  return { client, retries };
}

/** Answers API requests with the given replies in order, then keeps repeating the last one. */
function scripted(...replies: Reply[]): Handler {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

async function caught(promise: Promise<unknown>): Promise<PortApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PortApiError);
    return error as PortApiError;
  }
  throw new Error("expected the call to fail");
}

const ok = (body: Record<string, unknown> = {}): Reply => ({ status: 200, body: { ok: true, ...body } });

describe("PortClient", () => {
  it("requests a token once, without an Authorization header, and reuses it across calls", async () => {
    const s = await start({ onApi: () => ok({ blueprints: [] }) });
    const { client } = clientFor(s);

    const first = await client.request("GET", "/v1/blueprints");
    await client.request("GET", "/v1/blueprints");
    await client.request("GET", "/v1/blueprints");

    expect(first).toEqual({ ok: true, blueprints: [] });
    expect(s.tokenRequests()).toHaveLength(1);
    const [tokenRequest] = s.tokenRequests();
    expect(tokenRequest.method).toBe("POST");
    expect(tokenRequest.body).toEqual({ clientId: "client-id-1", clientSecret: SECRET });
    expect(tokenRequest.headers.authorization).toBeUndefined();
    expect(s.apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-1"]);
  });

  it("shares one in-flight token request between concurrent callers", async () => {
    const issue = tokenIssuer();
    const s = await start({
      onToken: async (req, srv) => {
        await sleep(50);
        return issue(req, srv);
      },
    });
    const { client } = clientFor(s);

    await Promise.all([1, 2, 3, 4, 5].map(() => client.request("GET", "/v1/blueprints")));

    expect(s.tokenRequests()).toHaveLength(1);
    expect(s.apiRequests()).toHaveLength(5);
    expect(new Set(s.apiRequests().map((r) => r.headers.authorization))).toEqual(new Set(["Bearer tok-1"]));
  });

  it("renews the token after it expires", async () => {
    // 0.2 s lifetime: the client renews 10% early, so after 300 ms the token is stale.
    const s = await start({ onToken: tokenIssuer(0.2) });
    const { client } = clientFor(s);

    await client.request("GET", "/v1/blueprints");
    await sleep(300);
    await client.request("GET", "/v1/blueprints");

    expect(s.tokenRequests()).toHaveLength(2);
    expect(s.apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("renews the token after a 401 and retries once", async () => {
    const s = await start({
      onApi: (req) => (req.headers.authorization === "Bearer tok-1" ? { status: 401, body: { ok: false, error: "unauthorized", message: "token expired" } } : ok({ n: 1 })),
    });
    const { client, retries } = clientFor(s);

    await expect(client.request("GET", "/v1/blueprints")).resolves.toEqual({ ok: true, n: 1 });
    await client.request("GET", "/v1/blueprints");

    expect(s.tokenRequests()).toHaveLength(2);
    expect(s.apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2", "Bearer tok-2"]);
    expect(retries).toEqual([]);
  });

  it("throws the 401 when the renewed token is rejected too", async () => {
    const s = await start({ onApi: () => ({ status: 401, body: { ok: false, error: "unauthorized", message: "no access" } }) });
    const { client } = clientFor(s);

    const error = await caught(client.request("GET", "/v1/blueprints"));

    expect(error.status).toBe(401);
    expect(error.code).toBe("unauthorized");
    expect(s.apiRequests()).toHaveLength(2);
    expect(s.tokenRequests()).toHaveLength(2);
  });

  it("retries 429 and 500 responses, then returns the success body", async () => {
    const s = await start({
      onApi: scripted(
        { status: 429, body: { ok: false, error: "too_many_requests" } },
        { status: 500, body: { ok: false, error: "internal_error" } },
        ok({ blueprint: { identifier: "svc" } }),
      ),
    });
    const { client, retries } = clientFor(s);

    const result = await client.request("GET", "/v1/blueprints/svc");

    expect(result).toEqual({ ok: true, blueprint: { identifier: "svc" } });
    expect(s.apiRequests()).toHaveLength(3);
    expect(s.tokenRequests()).toHaveLength(1);
    expect(retries.map((r) => [r.method, r.path, r.attempt, r.reason])).toEqual([
      ["GET", "/v1/blueprints/svc", 1, "HTTP 429"],
      ["GET", "/v1/blueprints/svc", 2, "HTTP 500"],
    ]);
  });

  it("waits until x-ratelimit-reset when a 429 reports x-ratelimit-remaining 0 (seconds until reset)", async () => {
    const s = await start({
      onApi: scripted({ status: 429, body: { ok: false }, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.2" } }, ok()),
    });
    const { client, retries } = clientFor(s, { maxDelayMs: 5_000 });

    await client.request("GET", "/v1/blueprints");

    const [first, second] = s.apiRequests();
    expect(s.apiRequests()).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0].delayMs).toBeGreaterThanOrEqual(200);
    expect(retries[0].delayMs).toBeLessThanOrEqual(220);
    expect(second.receivedAtMs - first.receivedAtMs).toBeGreaterThanOrEqual(180);
  });

  it("reads an x-ratelimit-reset above 1e9 as epoch seconds", async () => {
    let calls = 0;
    const s = await start({
      onApi: () => (++calls === 1 ? { status: 429, body: { ok: false }, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String((Date.now() + 300) / 1000) } } : ok()),
    });
    const { client, retries } = clientFor(s, { maxDelayMs: 5_000 });

    await client.request("GET", "/v1/blueprints");

    // Read as "seconds until reset" it would be ~1.7e9 s, capped to maxDelayMs (5000).
    expect(retries).toHaveLength(1);
    expect(retries[0].delayMs).toBeGreaterThan(100);
    expect(retries[0].delayMs).toBeLessThan(1_000);
    expect(s.apiRequests()).toHaveLength(2);
  });

  it("holds back the next request after a success reports x-ratelimit-remaining 0", async () => {
    const s = await start({
      onApi: scripted({ status: 200, body: { ok: true }, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.2" } }, ok()),
    });
    const { client, retries } = clientFor(s, { maxDelayMs: 5_000 });

    await client.request("GET", "/v1/blueprints");
    await client.request("GET", "/v1/blueprints");

    const [first, second] = s.apiRequests();
    expect(s.apiRequests()).toHaveLength(2);
    expect(retries).toEqual([]);
    expect(second.receivedAtMs - first.receivedAtMs).toBeGreaterThanOrEqual(180);
  });

  it("honours retry-after but caps the wait at maxDelayMs", async () => {
    const s = await start({ onApi: scripted({ status: 503, body: { ok: false }, headers: { "retry-after": "30" } }, ok()) });
    const { client, retries } = clientFor(s, { maxDelayMs: 40 });

    await client.request("GET", "/v1/blueprints");

    expect(retries.map((r) => [r.attempt, r.delayMs, r.reason])).toEqual([[1, 40, "HTTP 503"]]);
    expect(s.apiRequests()).toHaveLength(2);
  });

  it("retries when the server drops the connection", async () => {
    const s = await start({ onApi: scripted({ destroySocket: true }, ok({ n: 2 })) });
    const { client, retries } = clientFor(s);

    await expect(client.request("GET", "/v1/blueprints")).resolves.toEqual({ ok: true, n: 2 });

    expect(s.apiRequests()).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0].reason).toMatch(/^network error \(fetch failed: \S+/);
  });

  it("stops after maxAttempts when the server always answers 503", async () => {
    const s = await start({ onApi: () => ({ status: 503, body: { ok: false, error: "unavailable", message: "try later" } }) });
    const { client, retries } = clientFor(s, { maxAttempts: 4 });

    const error = await caught(client.request("GET", "/v1/blueprints"));

    expect(s.apiRequests()).toHaveLength(4);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(error.status).toBe(503);
    expect(error.code).toBe("unavailable");
    expect(error.attempts).toBe(4);
    expect(error.message).toBe("Port API GET /v1/blueprints failed with 503 (unavailable): try later (gave up after 4 attempts)");
  });

  it("makes five attempts by default", async () => {
    const s = await start({ onApi: () => ({ status: 500, rawBody: "<html>oops</html>" }) });
    const { client } = clientFor(s, { maxAttempts: undefined });

    const error = await caught(client.request("GET", "/v1/blueprints"));

    expect(s.apiRequests()).toHaveLength(5);
    expect(error.status).toBe(500);
    expect(error.code).toBeUndefined();
    expect(error.message).toContain("non-JSON response body: <html>oops</html>");
  });

  it("does not retry a 422 and reports method, path, status, code, message and details", async () => {
    const details = { issues: [{ path: "/schema", message: "must have required property 'properties'" }] };
    const s = await start({
      onApi: () => ({
        status: 422,
        headers: { "x-trace-id": "trace-abc" },
        body: { ok: false, error: "invalid_request", message: "The json provided does not match the route's schema", details },
      }),
    });
    const { client, retries } = clientFor(s);

    const error = await caught(client.request("PUT", "/v1/blueprints/svc", { body: { identifier: "svc", title: "BODY-MARKER-xyz" } }));

    expect(s.apiRequests()).toHaveLength(1);
    expect(retries).toEqual([]);
    expect(error).toMatchObject({
      name: "PortApiError",
      method: "PUT",
      path: "/v1/blueprints/svc",
      status: 422,
      code: "invalid_request",
      portMessage: "The json provided does not match the route's schema",
      details,
      traceId: "trace-abc",
      attempts: 1,
      isNotFound: false,
    });
    expect(error.message).toBe("Port API PUT /v1/blueprints/svc failed with 422 (invalid_request): The json provided does not match the route's schema");
    expect(error.message).not.toContain("BODY-MARKER-xyz");
  });

  it("treats a 2xx body with ok:false as an error", async () => {
    const s = await start({ onApi: () => ({ status: 200, body: { ok: false, error: "conflict", message: "already exists" } }) });
    const { client, retries } = clientFor(s);

    const error = await caught(client.request("POST", "/v1/blueprints", { body: { identifier: "svc", title: "Svc" } }));

    expect(error).toMatchObject({ status: 200, code: "conflict", portMessage: "already exists", method: "POST" });
    expect(retries).toEqual([]);
    expect(s.apiRequests()).toHaveLength(1);
  });

  it("aborts an attempt that exceeds timeoutMs and retries it", async () => {
    const s = await start({ onApi: scripted({ hang: true }, ok({ n: 3 })) });
    const { client, retries } = clientFor(s, { timeoutMs: 300 });

    await expect(client.request("GET", "/v1/blueprints")).resolves.toEqual({ ok: true, n: 3 });

    expect(s.apiRequests()).toHaveLength(2);
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([[1, "timeout after 300 ms"]]);
  });

  it("reports status 0 when no attempt gets a response", async () => {
    const s = await start({ onApi: () => ({ hang: true }) });
    const { client } = clientFor(s, { timeoutMs: 200, maxAttempts: 2 });

    const error = await caught(client.request("DELETE", "/v1/blueprints/svc"));

    expect(s.apiRequests()).toHaveLength(2);
    expect(error.status).toBe(0);
    expect(error.code).toBeUndefined();
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toBe(
      "Port API DELETE /v1/blueprints/svc failed with no response: timeout after 200 ms (gave up after 2 attempts); the outcome is unknown: Port may have applied it, so the provider reads Port back to find out",
    );
  });

  it("sends JSON bodies, query parameters and the user agent", async () => {
    const s = await start({ onApi: () => ({ status: 201, body: { ok: true, created: true } }) });
    const { client } = clientFor(s, { userAgent: "portal-tests/1.0" });

    const result = await client.request("POST", "/v1/blueprints", {
      body: { identifier: "svc", title: "Service" },
      query: { create_catalog_page: false, limit: 5, skipped: undefined },
    });

    const [req] = s.apiRequests();
    expect(result).toEqual({ ok: true, created: true });
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v1/blueprints");
    expect(req.query.toString()).toBe("create_catalog_page=false&limit=5");
    expect(req.body).toEqual({ identifier: "svc", title: "Service" });
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["user-agent"]).toBe("portal-tests/1.0");
  });

  it("does not follow redirects, so credentials never travel elsewhere", async () => {
    const s = await start({ onApi: () => ({ status: 307, headers: { location: "http://127.0.0.1:1/elsewhere" }, rawBody: "" }) });
    const { client } = clientFor(s);

    const error = await caught(client.request("GET", "/v1/blueprints"));

    expect(error.status).toBe(307);
    expect(error.message).toBe("Port API GET /v1/blueprints failed with 307: redirected to http://127.0.0.1:1/elsewhere");
    expect(s.apiRequests()).toHaveLength(1);
  });

  it("keeps the client secret out of errors, JSON.stringify and util.inspect", async () => {
    // A worst case: the server echoes the secret back in its error.
    const s = await start({
      onToken: () => ({
        status: 401,
        body: { ok: false, error: "unauthorized", message: `bad credentials: ${SECRET}`, details: { clientSecret: SECRET } },
      }),
    });
    const { client } = clientFor(s);

    const error = await caught(client.request("GET", "/v1/blueprints"));

    expect(error).toMatchObject({ method: "POST", path: TOKEN_PATH, status: 401, code: "unauthorized" });
    expect(error.message).toBe(`Port API POST ${TOKEN_PATH} failed with 401 (unauthorized): bad credentials: [REDACTED]`);
    expect(error.details).toEqual({ clientSecret: "[REDACTED]" });
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(s.apiRequests()).toHaveLength(0);
    expect(s.tokenRequests()).toHaveLength(1);
  });

  it("keeps the secret and the cached token out of util.inspect after a successful call", async () => {
    const s = await start({});
    const { client } = clientFor(s);

    await client.request("GET", "/v1/blueprints");

    const shown = inspect(client, { depth: Infinity, showHidden: true }) + JSON.stringify(client);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain("tok-1");
    expect(JSON.parse(JSON.stringify(client))).toEqual({ baseUrl: s.url });
  });

  it("keeps the secret out of a network failure on the token route", async () => {
    const s = await start({ onToken: () => ({ destroySocket: true }) });
    const { client } = clientFor(s, { maxAttempts: 2 });

    const error = await caught(client.request("GET", "/v1/blueprints"));

    expect(error).toMatchObject({ path: TOKEN_PATH, status: 0, attempts: 2, outcomeUnknown: false });
    expect(s.tokenRequests()).toHaveLength(2);
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
  });

  it("rejects invalid options before any request", () => {
    expect(() => new PortClient({ baseUrl: "eu", clientId: "id", clientSecret: SECRET, maxAttempts: 0 })).toThrow("PortClient: maxAttempts must be an integer >= 1, got 0.");
    expect(() => new PortClient({ baseUrl: "eu", clientId: "id", clientSecret: "" })).toThrow("clientSecret is empty");
    expect(() => new PortClient({ baseUrl: "ftp://x", clientId: "id", clientSecret: SECRET })).toThrow('"ftp://x"');
    expect(new PortClient({ baseUrl: "us", clientId: "id", clientSecret: SECRET }).baseUrl).toBe("https://api.us.port.io");
  });
});
