import { KubeApiError } from "./transport";

export type SourceErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not-installed"
  | "throttled"
  | "server-error"
  | "unreachable"
  | "timeout"
  | "invalid-response";

/** Why a resource cannot be read right now; the UI shows `message` as is. */
export interface SourceError {
  kind: SourceErrorKind;
  status: number | null;
  message: string;
  /** Start of this episode: the first failure of this kind in a row. */
  since: string;
  attempts: number;
  retryAfterSeconds: number | null;
}

function fields(error: unknown): { status: number | null; reason: string | null; message: string } {
  if (error instanceof KubeApiError) {
    return { status: error.status, reason: error.reason, message: error.message };
  }
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  return {
    status: typeof record.status === "number" ? record.status : null,
    reason: typeof record.reason === "string" ? record.reason : null,
    message:
      typeof record.message === "string"
        ? record.message
        : error instanceof Error
          ? error.message
          : String(error),
  };
}

/** Maps a failed list or watch to one of the states the pages word differently. */
export function classifyError(error: unknown, resource: string, now: string): SourceError {
  const { status, reason, message } = fields(error);
  const retryAfterSeconds = error instanceof KubeApiError ? error.retryAfterSeconds : null;
  const base = { status, since: now, attempts: 1, retryAfterSeconds };
  if (status === 401) {
    return {
      ...base,
      kind: "unauthorized",
      message:
        "The API server rejected the dashboard's credentials (401). Check the kubeconfig user or service account token.",
    };
  }
  if (status === 403) {
    return {
      ...base,
      kind: "forbidden",
      message: `No permission to list and watch ${resource} (403). Grant get, list and watch on it to the dashboard's account.`,
    };
  }
  if (status === 404) {
    return {
      ...base,
      kind: "not-installed",
      message: `The API server does not serve ${resource} (404): its CRD is not installed, or this is not a CCE cluster.`,
    };
  }
  if (status === 429) {
    return {
      ...base,
      kind: "throttled",
      message: `The API server is throttling requests for ${resource} (429); retrying later.`,
    };
  }
  if (status !== null && status >= 500) {
    return {
      ...base,
      kind: "server-error",
      message: `The API server failed to serve ${resource} (${status}: ${message}); retrying.`,
    };
  }
  if (reason === "Timeout") {
    return {
      ...base,
      kind: "timeout",
      message: `Reading ${resource} timed out: ${message}; retrying.`,
    };
  }
  if (reason === "Unreachable" || status === null) {
    return {
      ...base,
      kind: "unreachable",
      message: `Cannot reach the Kubernetes API server: ${message}. Showing the last data received.`,
    };
  }
  return {
    ...base,
    kind: "invalid-response",
    message: `Unexpected answer for ${resource} (${status}): ${message}`,
  };
}
