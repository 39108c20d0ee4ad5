import "server-only";

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

import {
  type AuthConfig,
  type ConfigResult,
  normalizeAddress,
  parseAuthConfig,
  PEER_ADDRESS_ENV,
  PEER_ADDRESS_HEADER,
} from "./auth-config";

/** Name of the HttpOnly cookie that contains a signed session, never the token itself. */
export const SESSION_COOKIE = "dashboard_session";
/** Lifetime of a browser session after sign-in: 12 hours, one working day. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export type AuthResult =
  | { ok: true; user?: string }
  | {
      ok: false;
      reason: "missing-credentials" | "invalid-credentials" | "untrusted-peer" | "misconfigured";
    };

/** The parts of a request that authentication reads. */
export interface AuthRequest {
  headers: Headers;
  cookie(name: string): string | undefined;
}

let cached: ConfigResult<AuthConfig> | undefined;

/**
 * Returns the auth settings of this process, read once: a changed AUTH_TOKEN_FILE takes effect
 * on restart (a rolled Kubernetes Secret needs a rollout).
 */
export function getAuthConfig(): ConfigResult<AuthConfig> {
  cached ??= parseAuthConfig(process.env, (path) => readFileSync(path, "utf8"));
  return cached;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Compares in constant time: both sides are hashed first so their lengths are always equal. */
export function secretsEqual(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}

function sessionSignature(token: string, expiresAt: number): string {
  return createHmac("sha256", token).update(`dashboard-session:${expiresAt}`).digest("base64url");
}

/** Creates a cookie value "<expiry seconds>.<HMAC keyed by the token>", valid until expiresAt. */
export function createSessionValue(token: string, expiresAt: number): string {
  return `${expiresAt}.${sessionSignature(token, expiresAt)}`;
}

/** Checks a session cookie against the token; expired, malformed or forged values fail. */
export function verifySessionValue(value: string, token: string, nowSeconds: number): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt <= nowSeconds) return false;
  return secretsEqual(match[2] ?? "", sessionSignature(token, expiresAt));
}

function bearerToken(headers: Headers): string | undefined {
  const header = headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function authenticateToken(request: AuthRequest, token: string, nowSeconds: number): AuthResult {
  const bearer = bearerToken(request.headers);
  if (bearer !== undefined) {
    return secretsEqual(bearer, token)
      ? { ok: true }
      : { ok: false, reason: "invalid-credentials" };
  }
  const session = request.cookie(SESSION_COOKIE);
  if (session === undefined) return { ok: false, reason: "missing-credentials" };
  return verifySessionValue(session, token, nowSeconds)
    ? { ok: true }
    : { ok: false, reason: "invalid-credentials" };
}

function authenticateProxy(
  request: AuthRequest,
  config: AuthConfig,
  env: Readonly<Record<string, string | undefined>>,
) {
  // Without the launcher the peer header could come from the client, so nothing is trusted.
  if (env[PEER_ADDRESS_ENV] !== "1" || !config.trustedProxies || !config.proxyHeader) {
    return { ok: false, reason: "misconfigured" } as const;
  }
  const user = request.headers.get(config.proxyHeader)?.trim();
  if (!user) return { ok: false, reason: "missing-credentials" } as const;
  const peer = normalizeAddress(request.headers.get(PEER_ADDRESS_HEADER) ?? "");
  const family = peer.includes(":") ? "ipv6" : "ipv4";
  if (!peer || !config.trustedProxies.check(peer, family)) {
    return { ok: false, reason: "untrusted-peer" } as const;
  }
  return { ok: true, user } as const;
}

/**
 * Decides whether a request may read the dashboard under the given settings. Token mode accepts
 * an `Authorization: Bearer` header or the session cookie. Proxy mode accepts the user header
 * only from a trusted peer address, as stamped by the launcher.
 */
export function authenticate(
  request: AuthRequest,
  config: AuthConfig,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  env: Readonly<Record<string, string | undefined>> = process.env,
): AuthResult {
  if (config.mode === "none") return { ok: true };
  if (config.mode === "token") {
    if (!config.token) return { ok: false, reason: "misconfigured" };
    return authenticateToken(request, config.token, nowSeconds);
  }
  return authenticateProxy(request, config, env);
}

/**
 * Control characters the URL parser drops or trims, such as the tab in "/\t/evil.example", which a
 * browser resolves to "//evil.example", another site.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Accepts only same-site paths after sign-in, so the form cannot redirect to another site. */
export function safeNextPath(value: string | null | undefined): string {
  if (
    !value ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.includes("\\") ||
    CONTROL_CHARACTER.test(value)
  ) {
    return "/";
  }
  return value.startsWith("/signin") ? "/" : value;
}
