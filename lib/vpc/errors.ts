// Typed errors of the VPC API layer. Messages name the operation, status, API code and request
// id, and never contain credentials, the Authorization header or the secret.

export type VpcErrorKind =
  | "auth"
  | "throttled"
  | "server"
  | "timeout"
  | "unreachable"
  | "not-found"
  | "invalid-response"
  | "bad-request";

export interface VpcErrorInit {
  kind: VpcErrorKind;
  message: string;
  operation: string;
  /** HTTP status, undefined when no response arrived. */
  status?: number;
  /** BCE error code, e.g. SignatureDoesNotMatch. */
  code?: string;
  requestId?: string;
  /** Delay the server requested with Retry-After, in milliseconds. */
  retryAfterMs?: number;
  /** Response field that failed validation, for kind "invalid-response". */
  field?: string;
}

/** Error of one VPC API call, safe to log and show. */
export class VpcError extends Error {
  readonly kind: VpcErrorKind;
  readonly operation: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly field: string | undefined;

  constructor(init: VpcErrorInit) {
    super(init.message);
    this.name = "VpcError";
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.field = init.field;
  }

  /** Returns plain fields for JSON logs and API responses. */
  toJSON(): Omit<VpcErrorInit, "retryAfterMs"> {
    return {
      kind: this.kind,
      message: this.message,
      operation: this.operation,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      field: this.field,
    };
  }
}

const CREDENTIAL_CODES = new Set(["SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied"]);
const CLOCK_CODES = new Set(["RequestExpired", "RequestTimeTooSkewed"]);
const THROTTLE_CODES = new Set(["RequestLimitExceeded", "Throttling", "RateLimit"]);

export interface HttpFailure {
  operation: string;
  status: number;
  code?: string;
  apiMessage?: string;
  requestId?: string;
  retryAfterMs?: number;
}

function kindOf(status: number, code: string | undefined): VpcErrorKind {
  if (status === 429 || (code && THROTTLE_CODES.has(code))) return "throttled";
  if (code && (CREDENTIAL_CODES.has(code) || CLOCK_CODES.has(code))) return "auth";
  if (status === 401 || code === "InvalidHTTPAuthHeader") return "auth";
  if (status === 404 || code === "NoSuchObject") return "not-found";
  if (status >= 500) return "server";
  if (status === 403) return "auth";
  return "bad-request";
}

function advice(kind: VpcErrorKind, code: string | undefined): string {
  if (kind === "auth" && code && CLOCK_CODES.has(code)) {
    return "The signature timestamp was rejected: check the server clock (NTP).";
  }
  if (kind === "auth") {
    return (
      "Check the access key and secret (BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY) and that the " +
      "key may read VPC resources."
    );
  }
  if (kind === "throttled") return "The dashboard backs off and retries later.";
  return "";
}

/** Builds the error for a non-2xx HTTP response from its status and API error body. */
export function httpError(failure: HttpFailure): VpcError {
  const kind = kindOf(failure.status, failure.code);
  const parts = [
    `${failure.operation} failed with HTTP ${failure.status}`,
    failure.code ? ` ${failure.code}` : "",
    failure.apiMessage ? `: ${failure.apiMessage}` : "",
    failure.requestId ? ` (request id ${failure.requestId})` : "",
    ".",
  ];
  const hint = advice(kind, failure.code);
  return new VpcError({
    kind,
    message: parts.join("") + (hint ? ` ${hint}` : ""),
    operation: failure.operation,
    status: failure.status,
    code: failure.code,
    requestId: failure.requestId,
    retryAfterMs: failure.retryAfterMs,
  });
}

export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** Builds the error for a 2xx response whose body does not match the schema. */
export function invalidResponse(operation: string, issues: readonly SchemaIssue[]): VpcError {
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join(".") : "(body)";
  const reason = first?.message ?? "unexpected shape";
  return new VpcError({
    kind: "invalid-response",
    message: `${operation} returned an unusable response: field "${field}" is invalid (${reason}).`,
    operation,
    field,
  });
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;

  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
