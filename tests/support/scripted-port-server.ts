/**
 * A tiny scripted stand-in for Port over real HTTP, for client tests only.
 * Why not the emulator: these tests need misbehaviour on cue (429s, dropped sockets, hangs), which a faithful
 * emulator should not offer.
 */

import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { PortClient, type PortClientOptions } from "../../core/client/port-client";

export interface RecordedRequest {
  method: string;
  /** Path without query. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when not JSON, or undefined when empty. */
  body: unknown;
  /** ms since the server started, for ordering checks. */
  receivedAtMs: number;
}

export type Reply =
  | { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> }
  /** Close the connection without answering: a network error for the client. */
  | { destroySocket: true }
  /** Never answer: a timeout for the client. */
  | { hang: true };

export type Handler = (req: RecordedRequest, server: ScriptedPortServer) => Reply | Promise<Reply>;

export interface ScriptedPortServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests other than the token route. */
  apiRequests(): RecordedRequest[];
  tokenRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export const TOKEN_PATH = "/v1/auth/access_token";

/** Issues `tok-1`, `tok-2`, … valid for `expiresIn` seconds (Port: 3 h). */
export function tokenIssuer(expiresIn = 10_800): Handler {
  let issued = 0;
  return () => {
    issued += 1;
    return { status: 200, body: { ok: true, accessToken: `tok-${issued}`, expiresIn, tokenType: "Bearer" } };
  };
}

/**
 * Starts a server on 127.0.0.1 (random port). `onToken` answers the token route (default: tokenIssuer()),
 * `onApi` everything else (default: 200 `{ok:true}`).
 */
export async function startScriptedPortServer(handlers: { onApi?: Handler; onToken?: Handler } = {}): Promise<ScriptedPortServer> {
  const onToken = handlers.onToken ?? tokenIssuer();
  const onApi: Handler = handlers.onApi ?? (() => ({ status: 200, body: { ok: true } }));
  const startedAt = Date.now();
  const requests: RecordedRequest[] = [];

  const httpServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      if (text !== "") {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        receivedAtMs: Date.now() - startedAt,
      };
      requests.push(recorded);
      const handler = recorded.path === TOKEN_PATH ? onToken : onApi;
      Promise.resolve(handler(recorded, server)).then(
        (reply) => send(req, res, reply),
        (error: unknown) => send(req, res, { status: 500, body: { ok: false, error: "test_handler_failed", message: String(error) } }),
      );
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;

  const server: ScriptedPortServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    apiRequests: () => requests.filter((r) => r.path !== TOKEN_PATH),
    tokenRequests: () => requests.filter((r) => r.path === TOKEN_PATH),
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.closeAllConnections();
        httpServer.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return server;
}

function send(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply): void {
  if ("destroySocket" in reply) {
    req.socket.destroy();
    return;
  }
  if ("hang" in reply) return;
  const payload = reply.rawBody ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  const headers: Record<string, string> = { ...(reply.rawBody === undefined ? { "content-type": "application/json" } : {}), ...reply.headers };
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * For a test file: `clientWith(onApi)` starts a scripted server answering the API with `onApi` and
 * gives a client of it whose retries wait milliseconds (and the server, `s`); `options.client`
 * adjusts the client. Every server a test starts is closed after it.
 */
export function useScriptedClient(): (onApi: Handler, options?: { client?: Partial<PortClientOptions> }) => Promise<{ client: PortClient; s: ScriptedPortServer }> {
  const started: ScriptedPortServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return async (onApi, options = {}) => {
    const server = await startScriptedPortServer({ onApi });
    started.push(server);
    const client = new PortClient({ baseUrl: server.url, clientId: "id", clientSecret: "secret-123456", baseDelayMs: 1, maxDelayMs: 10, ...options.client });
    return { client, s: server };
  };
}
