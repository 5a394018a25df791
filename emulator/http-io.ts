/** Reading JSON request bodies (with Port's 1 MiB limit) and writing JSON responses. */
import type { IncomingMessage, ServerResponse } from "http";
import { ApiError } from "./api-error";

/** Port rejects API bodies over 1 MiB with 413 (port-api.md §0). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the whole body even when it is too large: answering before the client finished sending
 * would reset the connection and the client would see a network error instead of the 413.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) {
    // port-api.md §2 gives the status; the code is assumption; see emulator/README.md.
    throw new ApiError(413, "payload_too_large", `Request body is ${size} bytes; the limit is ${MAX_BODY_BYTES} bytes`, {
      limit: MAX_BODY_BYTES,
      size,
    });
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, "invalid_json", `Request body is not valid JSON: ${(err as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}
