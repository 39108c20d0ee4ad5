import { CONTROL_URL } from "./stack-ports";

/** Calls the demo cluster's control endpoint (loopback, e2e only). */
export async function control<T = unknown>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${CONTROL_URL}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as { result?: T; error?: string };
  if (!response.ok) throw new Error(`control ${path} failed: ${payload.error}`);
  return payload.result as T;
}

export interface RecordedRequest {
  method: string;
  path: string;
}
