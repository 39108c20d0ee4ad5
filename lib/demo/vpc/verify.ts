// Server-side check of bce-auth-v1 signatures for the local VPC stand-in. It recomputes the
// signature with lib/vpc/signer.ts, so it proves the client and the server agree with each other.
// The signer itself is checked against the official SDK in lib/vpc/signer.test.ts.
import { timingSafeEqual } from "node:crypto";

import type { BceCredentials, QueryParams } from "@/lib/vpc/signer";
import { parseAuthorization, signRequest } from "@/lib/vpc/signer";

/** Largest accepted difference between the signing time and the stand-in clock, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface IncomingSignedRequest {
  method: string;
  /** Decoded path. */
  path: string;
  query: QueryParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
}

export type VerifyResult =
  { ok: true; accessKeyId: string } | { ok: false; status: number; code: string; message: string };

function reject(code: string, message: string, status = 403): VerifyResult {
  return { ok: false, status, code, message };
}

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Verifies the Authorization header of a request against the known key pairs. Rejects a missing
 * or malformed header, an unknown key, an unsigned host or x-bce-date, a signing time outside its
 * validity window, and any signature that differs from the recomputed one.
 */
export function verifyRequest(
  request: IncomingSignedRequest,
  keys: readonly BceCredentials[],
  now: Date,
): VerifyResult {
  const header = request.headers.authorization;
  const auth = header ? parseAuthorization(header) : null;
  if (!auth)
    return reject("InvalidHTTPAuthHeader", "The Authorization header is missing or malformed.");

  const credentials = keys.find((key) => key.accessKeyId === auth.accessKeyId);
  if (!credentials) return reject("InvalidAccessKeyId", "The access key id does not exist.");

  for (const name of ["host", "x-bce-date"]) {
    if (!auth.signedHeaders.includes(name)) {
      return reject("SignatureDoesNotMatch", `The ${name} header must be signed.`);
    }
  }
  if (request.headers["x-bce-date"] !== auth.timestamp) {
    return reject("SignatureDoesNotMatch", "x-bce-date differs from the signing time.");
  }

  const signedAt = Date.parse(auth.timestamp);
  const ageSeconds = (now.getTime() - signedAt) / 1000;
  if (ageSeconds < -MAX_CLOCK_SKEW_SECONDS || ageSeconds > auth.expirationSeconds) {
    return reject("RequestExpired", `The signature made at ${auth.timestamp} is not valid now.`);
  }

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined)
      return reject("SignatureDoesNotMatch", `Signed header ${name} is missing.`);
    headers[name] = value;
  }

  const expected = signRequest({
    method: request.method,
    path: request.path,
    query: request.query,
    headers,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    },
    timestamp: new Date(signedAt),
    expirationSeconds: auth.expirationSeconds,
    headersToSign: auth.signedHeaders,
  });
  const expectedSignature = expected.authorization.split("/").at(-1) ?? "";
  if (!sameSignature(expectedSignature, auth.signature)) {
    return reject(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  return { ok: true, accessKeyId: credentials.accessKeyId };
}
