import type { ServerResponse } from "node:http";

import type { StatusBody } from "./status";

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache, private",
    ...headers,
  });
  res.end(text);
}

export function sendStatus(
  res: ServerResponse,
  status: StatusBody,
  headers?: Record<string, string>,
): void {
  sendJson(res, status.code, status, headers);
}
