import { PortClient } from "../../core/client/port-client";
import { startScriptedPortServer, type ScriptedPortServer } from "../../tests/support/scripted-port-server";
import { listPages } from "./client";

let server: ScriptedPortServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("pages client", () => {
  it("lists pages sending compact, which Port's spec marks required: false unless asked", async () => {
    server = await startScriptedPortServer({ onApi: () => ({ status: 200, body: { ok: true, pages: [{ identifier: "$home", type: "home" }] } }) });
    const client = new PortClient({ baseUrl: server.url, clientId: "id", clientSecret: "secret-123456", baseDelayMs: 1, maxDelayMs: 10 });

    await expect(listPages(client)).resolves.toEqual([{ identifier: "$home", type: "home" }]);
    await listPages(client, { compact: true });

    expect(server.apiRequests().map((r) => [r.method, r.path, r.query.toString()])).toEqual([
      ["GET", "/v1/pages", "compact=false"],
      ["GET", "/v1/pages", "compact=true"],
    ]);
  });
});
