import "server-only";

import { type KubeConfig, Watch } from "@kubernetes/client-node";
import fetch from "node-fetch";

/** Longest time a single list page may take before it counts as a timeout. */
const LIST_TIMEOUT_MS = 30_000;

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

export interface ListPage {
  items: unknown[];
  resourceVersion: string;
  continueToken: string | null;
}

export interface WatchHandle {
  abort(): void;
}

/** The two read operations the cache needs; tests and the demo share the real implementation. */
export interface KubeTransport {
  list(path: string, query: Record<string, string>): Promise<ListPage>;
  watch(
    path: string,
    query: Record<string, string>,
    onEvent: (type: WatchEventType, object: unknown) => void,
    onDone: (error: unknown) => void,
  ): Promise<WatchHandle>;
}

/** A failed request to the Kubernetes API, with the HTTP status when there was a response. */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly reason: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "KubeApiError";
  }
}

function statusMessage(body: unknown): { message: string | null; reason: string | null } {
  if (typeof body !== "object" || body === null) return { message: null, reason: null };
  const record = body as Record<string, unknown>;
  return {
    message: typeof record.message === "string" ? record.message : null,
    reason: typeof record.reason === "string" ? record.reason : null,
  };
}

function readListPage(body: unknown): ListPage {
  const record = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const meta = (record.metadata ?? {}) as Record<string, unknown>;
  if (!Array.isArray(record.items)) {
    throw new KubeApiError("list response has no items array", null, "InvalidResponse");
  }
  return {
    items: record.items,
    resourceVersion: typeof meta.resourceVersion === "string" ? meta.resourceVersion : "",
    continueToken: typeof meta.continue === "string" && meta.continue ? meta.continue : null,
  };
}

function networkError(error: unknown, server: string): KubeApiError {
  const code = (error as { code?: string }).code;
  const name = (error as { name?: string }).name;
  if (name === "AbortError" || name === "TimeoutError") {
    return new KubeApiError(`request to ${server} timed out`, null, "Timeout");
  }
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new KubeApiError(
    `cannot reach the API server at ${server} (${detail})`,
    null,
    "Unreachable",
  );
}

/** Lists and watches through client-node: its KubeConfig for auth and TLS, its Watch for streams. */
export function createKubeTransport(config: KubeConfig): KubeTransport {
  const server = config.getCurrentCluster()?.server ?? "(no server)";
  const watcher = new Watch(config);

  async function list(path: string, query: Record<string, string>): Promise<ListPage> {
    const url = new URL(server + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    // The init carries client-node's TLS agent and a node-fetch Headers with the credentials.
    const init = await config.applyToFetchOptions({ headers: { Accept: "application/json" } });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LIST_TIMEOUT_MS);
    try {
      const response = await fetch(url.toString(), {
        ...(init as object),
        method: "GET",
        signal: controller.signal as never,
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const { message, reason } = statusMessage(body);
        const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
        throw new KubeApiError(
          message ?? `${response.status} ${response.statusText}`,
          response.status,
          reason,
          Number.isFinite(retryAfter) ? retryAfter : null,
        );
      }
      return readListPage(body);
    } catch (error) {
      if (error instanceof KubeApiError) throw error;
      throw networkError(error, server);
    } finally {
      clearTimeout(timer);
    }
  }

  async function watch(
    path: string,
    query: Record<string, string>,
    onEvent: (type: WatchEventType, object: unknown) => void,
    onDone: (error: unknown) => void,
  ): Promise<WatchHandle> {
    const controller = await watcher.watch(
      path,
      query,
      (type: string, object: unknown) => onEvent(type as WatchEventType, object),
      (error: unknown) => {
        if (!error) return onDone(null);
        const status = (error as { statusCode?: number }).statusCode;
        if (typeof status === "number") {
          return onDone(new KubeApiError(`watch failed: ${status}`, status));
        }
        onDone(networkError(error, server));
      },
    );
    return { abort: () => controller.abort() };
  }

  return { list, watch };
}
