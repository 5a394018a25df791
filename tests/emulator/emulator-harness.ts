/** Test harness: an emulator on an ephemeral port and a tiny fetch wrapper that returns status, body and headers. */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/server";

export const CLIENT_ID = "emulator-client-id";
export const CLIENT_SECRET = "emulator-client-secret";

export interface ApiResponse {
  status: number;
  // Bodies are whatever the emulator sent; tests assert on their fields.
  body: any;
  headers: Headers;
}

export interface CallOptions {
  /** Bearer token; default the harness's own token. `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Raw body text, sent instead of JSON.stringify(body). */
  raw?: string;
}

export class Harness {
  private cachedToken?: string;

  private constructor(readonly emulator: RunningEmulator) {}

  static async start(opts: EmulatorOptions = {}): Promise<Harness> {
    return new Harness(await startEmulator({ port: 0, ...opts }));
  }

  get url(): string {
    return this.emulator.url;
  }

  async requestToken(clientId = CLIENT_ID, clientSecret = CLIENT_SECRET): Promise<ApiResponse> {
    return this.call("POST", "/v1/auth/access_token", { clientId, clientSecret }, { token: null });
  }

  async token(): Promise<string> {
    if (!this.cachedToken) {
      const res = await this.requestToken();
      if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
      this.cachedToken = res.body.accessToken as string;
    }
    return this.cachedToken;
  }

  async call(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? await this.token() : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined = options.raw;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(this.url + path, { method, headers, body: payload });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  get = (path: string, options?: CallOptions) => this.call("GET", path, undefined, options);
  post = (path: string, body?: unknown, options?: CallOptions) => this.call("POST", path, body, options);
  put = (path: string, body?: unknown, options?: CallOptions) => this.call("PUT", path, body, options);
  patch = (path: string, body?: unknown, options?: CallOptions) => this.call("PATCH", path, body, options);
  delete = (path: string, options?: CallOptions) => this.call("DELETE", path, undefined, options);

  close(): Promise<void> {
    return this.emulator.close();
  }
}

/** A minimal valid blueprint body; `extra` overrides or adds top-level keys. */
export function blueprintBody(identifier: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    identifier,
    title: `Blueprint ${identifier}`,
    schema: { properties: { name: { type: "string", title: "Name" } }, required: [] },
    ...extra,
  };
}

/** The JSON pointers a 422 body lists in details.errors. */
export function problemPaths(body: { details?: { errors?: { path: string }[] } }): string[] {
  return (body.details?.errors ?? []).map((e) => e.path);
}
