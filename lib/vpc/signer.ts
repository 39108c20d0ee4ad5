// bce-auth-v1 request signing for Baidu Cloud (BCE) OpenAPI calls. Pure: no I/O.
//
// Reference: the official JavaScript SDK, @baiducloud/sdk 1.0.7, src/auth.js. Where the SDKs
// disagree this module follows the JavaScript SDK:
// - every x-bce-* header is signed, x-bce-request-id included (the Go SDK leaves that one out).
//   The server recomputes over the names listed in the Authorization header, so both forms verify.
// - a query value given as an array is joined with "," before encoding, so `k: ["a", "b"]` signs
//   as `k=a%2Cb`. Callers must send the query string that canonicalQueryString() returns.
// - query keys are signed unencoded. The Go and Python SDKs encode them, so the two agree only for
//   keys made of unreserved characters; signRequest() rejects any other key.
import { createHmac } from "node:crypto";

/** Access key pair, plus the STS session token when the keys are temporary. */
export interface BceCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

export interface SignRequestInput {
  /** HTTP method, signed as given (use upper case). */
  method: string;
  /** Decoded request path starting with "/", e.g. "/v1/subnet/sbn-1". */
  path: string;
  query?: QueryParams;
  /** Request headers. Include `host` (host[:port] exactly as sent). */
  headers?: Readonly<Record<string, string | number | undefined>>;
  credentials: BceCredentials;
  /** Signing time; also written to the x-bce-date header unless the caller set one. */
  timestamp: Date;
  /** Seconds the signature stays valid after `timestamp`. Default 1800. */
  expirationSeconds?: number;
  /** Header names to sign besides x-bce-*. Default host, content-md5, content-length, content-type. */
  headersToSign?: readonly string[];
}

export interface SignedRequest {
  /** Value of the Authorization header. */
  authorization: string;
  /** Input headers plus x-bce-date, x-bce-security-token (session keys) and authorization. */
  headers: Record<string, string>;
  /** Lower-case names of the signed headers, sorted. */
  signedHeaders: string[];
  /** The canonical request the signature covers; contains no secret. */
  canonicalRequest: string;
}

export const DEFAULT_EXPIRATION_SECONDS = 1800;
const DEFAULT_HEADERS_TO_SIGN = ["host", "content-md5", "content-length", "content-type"];
const UNRESERVED_KEY = /^[A-Za-z0-9\-_.~]+$/;

/** Percent-encodes everything except A-Z a-z 0-9 - _ . ~ (uppercase hex, UTF-8). */
export function encodeBce(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => "%" + char.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** Encodes a decoded path for signing and sending; "/" stays as is. */
export function canonicalUri(path: string): string {
  if (!path.startsWith("/")) {
    throw new Error(`invalid request path "${path}": it must start with "/"`);
  }
  return path.split("/").map(encodeBce).join("/");
}

/** Formats a time as the BCE timestamp, UTC `YYYY-MM-DDThh:mm:ssZ`. */
export function formatBceTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d+Z$/, "Z");
}

/**
 * Builds the sorted, encoded query string that is both signed and sent. The `authorization` key is
 * skipped, and null or undefined values sign as `key=`.
 */
export function canonicalQueryString(query: QueryParams = {}): string {
  const items: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (key.toLowerCase() === "authorization") continue;
    if (!UNRESERVED_KEY.test(key)) {
      throw new Error(`invalid query key "${key}": only A-Z a-z 0-9 - _ . ~ can be signed`);
    }
    const value = raw == null ? "" : Array.isArray(raw) ? raw.join(",") : String(raw);
    items.push(`${key}=${encodeBce(value)}`);
  }
  return items.sort().join("&");
}

function canonicalHeaders(
  headers: Readonly<Record<string, string | number | undefined>>,
  headersToSign: readonly string[] | undefined,
): { text: string; names: string[] } {
  const chosen = headersToSign?.length ? headersToSign : DEFAULT_HEADERS_TO_SIGN;
  const namesToSign = new Set(chosen.map((name) => name.toLowerCase()));
  const lines: string[] = [];

  for (const [name, raw] of Object.entries(headers)) {
    const value = raw == null ? "" : String(raw).trim();
    const lower = name.toLowerCase();
    if (value === "") continue;
    if (!lower.startsWith("x-bce-") && !namesToSign.has(lower)) continue;
    lines.push(`${encodeBce(lower)}:${encodeBce(value)}`);
  }

  lines.sort();
  const names = lines.map((line) => line.slice(0, line.indexOf(":")));
  return { text: lines.join("\n"), names };
}

function hmacHex(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("hex");
}

/** Signs a request with bce-auth-v1 and returns the headers to send. */
export function signRequest(input: SignRequestInput): SignedRequest {
  const expiration = input.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (value != null) headers[name] = String(value);
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === "x-bce-date")) {
    headers["x-bce-date"] = formatBceTimestamp(input.timestamp);
  }
  if (input.credentials.sessionToken) {
    headers["x-bce-security-token"] = input.credentials.sessionToken;
  }

  const timestamp = formatBceTimestamp(input.timestamp);
  const prefix = `bce-auth-v1/${input.credentials.accessKeyId}/${timestamp}/${expiration}`;
  const signingKey = hmacHex(input.credentials.secretAccessKey, prefix);
  const signed = canonicalHeaders(headers, input.headersToSign);
  const canonicalRequest = [
    input.method,
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    signed.text,
  ].join("\n");
  const signature = hmacHex(signingKey, canonicalRequest);

  const authorization = `${prefix}/${signed.names.join(";")}/${signature}`;
  headers.authorization = authorization;
  return { authorization, headers, signedHeaders: signed.names, canonicalRequest };
}

/** Fields of a bce-auth-v1 Authorization header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  timestamp: string;
  expirationSeconds: number;
  signedHeaders: string[];
  signature: string;
}

/** Splits an Authorization header into its fields, or returns null when it is not bce-auth-v1. */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  const parts = header.split("/");
  if (parts.length !== 6 || parts[0] !== "bce-auth-v1") return null;

  const [, accessKeyId = "", timestamp = "", expiration = "", names = "", signature = ""] = parts;
  const expirationSeconds = Number(expiration);
  if (!accessKeyId || !/^\d+$/.test(expiration) || !/^[0-9a-f]{64}$/.test(signature)) return null;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(timestamp)) return null;

  const signedHeaders = names === "" ? [] : names.split(";");
  return { accessKeyId, timestamp, expirationSeconds, signedHeaders, signature };
}
