/**
 * A minimal method + path-pattern router. Paths are split on "/" before percent-decoding, because
 * Port identifiers may contain "/" (sent as %2F) and must stay one segment.
 */
import { ApiError } from "./api-error";

export interface RequestContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** The authenticated client; "" on public routes. */
  clientId: string;
}

export interface Reply {
  status?: number;
  body: Record<string, unknown>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** "GET /v1/blueprints/:id": the key used in stats. */
  label: string;
  handler: Handler;
  /** Reachable without a token (only the token route). */
  public: boolean;
}

interface Entry {
  segments: string[];
  route: Route;
}

export class Router {
  private readonly entries: Entry[] = [];

  add(method: string, pattern: string, handler: Handler, options: { public?: boolean } = {}): void {
    this.entries.push({
      segments: pattern.split("/"),
      route: { method, label: `${method} ${pattern}`, handler, public: options.public ?? false },
    });
  }

  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    const segments = trimmed.split("/");
    for (const { segments: pattern, route } of this.entries) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < pattern.length && matched; i++) {
        if (pattern[i].startsWith(":")) params[pattern[i].slice(1)] = decodeSegment(segments[i]);
        else matched = pattern[i] === segments[i];
      }
      if (matched) return { route, params };
    }
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, "bad_request", `Path segment "${segment}" is not valid percent-encoding`);
  }
}
