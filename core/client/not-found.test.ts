import { PortApiError } from "./errors";
import { deletedUnlessGone, undefinedWhenNotFound } from "./not-found";
import { PortClient } from "./port-client";
import { startScriptedPortServer, type Reply, type ScriptedPortServer } from "../../tests/support/scripted-port-server";

const failure = (status: number, code?: string) => new PortApiError({ method: "GET", path: "/v1/x", status, code });
const failing = (error: unknown) => async () => {
  throw error;
};

describe("undefinedWhenNotFound", () => {
  it("resolves to the call's result", async () => {
    await expect(undefinedWhenNotFound(async () => ({ identifier: "svc" }))).resolves.toEqual({ identifier: "svc" });
  });

  it("resolves to undefined when Port answers 404, with or without its not_found code", async () => {
    await expect(undefinedWhenNotFound(failing(failure(404, "not_found")))).resolves.toBeUndefined();
    await expect(undefinedWhenNotFound(failing(failure(404)))).resolves.toBeUndefined();
  });

  it("rethrows other Port errors and non-Port errors", async () => {
    for (const error of [failure(422, "not_found"), failure(400, "has_dependents"), new Error("boom")]) {
      await expect(undefinedWhenNotFound(failing(error))).rejects.toBe(error);
    }
  });
});

describe("deletedUnlessGone", () => {
  it("resolves to true when the delete succeeds, whatever it answered", async () => {
    await expect(deletedUnlessGone(async () => undefined)).resolves.toBe(true);
    await expect(deletedUnlessGone(async () => ({ ok: true }))).resolves.toBe(true);
  });

  it("resolves to false when Port answers 404", async () => {
    await expect(deletedUnlessGone(failing(failure(404, "not_found")))).resolves.toBe(false);
    await expect(deletedUnlessGone(failing(failure(404)))).resolves.toBe(false);
  });

  it("rethrows other errors", async () => {
    for (const error of [failure(409, "has_dependents"), new Error("boom")]) {
      await expect(deletedUnlessGone(failing(error))).rejects.toBe(error);
    }
  });
});

// Over real HTTP: Port's own clients read any 404 as "gone" (terraform-provider-port-labs port/*/resource.go).
describe("not found over HTTP", () => {
  let server: ScriptedPortServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const clientFor = (s: ScriptedPortServer) => new PortClient({ baseUrl: s.url, clientId: "id", clientSecret: "secret", baseDelayMs: 1, maxDelayMs: 5 });

  const otherNotFounds: [string, Reply][] = [
    ["another error code", { status: 404, body: { ok: false, error: "blueprint_not_found", message: 'Blueprint with identifier "svc" was not found' } }],
    ["no error code", { status: 404, body: { ok: false, message: "Not found" } }],
    ["an empty body", { status: 404 }],
  ];

  it.each(otherNotFounds)("reads a 404 with %s as gone on GET and on DELETE", async (_name, reply) => {
    server = await startScriptedPortServer({ onApi: () => reply });
    const client = clientFor(server);
    await expect(undefinedWhenNotFound(() => client.request("GET", "/v1/blueprints/svc"))).resolves.toBeUndefined();
    await expect(deletedUnlessGone(() => client.request("DELETE", "/v1/blueprints/svc"))).resolves.toBe(false);
  });

  it("throws, rather than reporting the object gone, when the token route answers 404 (a wrong base URL)", async () => {
    server = await startScriptedPortServer({ onToken: () => ({ status: 404, rawBody: "<html>Not Found</html>" }) });
    const error = await undefinedWhenNotFound(() => clientFor(server!).request("GET", "/v1/blueprints/svc")).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PortApiError", status: 404, path: "/v1/auth/access_token", isNotFound: false });
    expect(server.apiRequests()).toHaveLength(0);
  });
});
