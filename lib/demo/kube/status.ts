/** A metav1.Status failure body, the JSON every API server error carries. */
export interface StatusBody {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: string;
  details?: Record<string, unknown>;
  code: number;
}

export function statusBody(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): StatusBody {
  const body: StatusBody = {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    code,
  };
  if (details) body.details = details;
  return body;
}

/** Reason strings of metav1.StatusReason for the codes the demo server and its faults return. */
export const REASON_BY_CODE: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "Conflict",
  410: "Expired",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

export function notFoundPath(): StatusBody {
  return statusBody(404, "NotFound", "the server could not find the requested resource");
}

export function expiredContinue(): StatusBody {
  return statusBody(
    410,
    "Expired",
    "The provided continue parameter is too old to display a consistent list result. " +
      "Start a new list without the continue parameter.",
  );
}

export function expiredWatch(version: string): StatusBody {
  return statusBody(410, "Expired", `too old resource version: ${version}`);
}
