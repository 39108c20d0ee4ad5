import { describe, expect, it } from "vitest";

import {
  authenticate,
  type AuthRequest,
  createSessionValue,
  safeNextPath,
  secretsEqual,
  SESSION_COOKIE,
} from "./auth";
import {
  type AuthConfig,
  parseAuthConfig,
  PEER_ADDRESS_ENV,
  PEER_ADDRESS_HEADER,
} from "./auth-config";

const TOKEN = "0123456789abcdef0123456789abcdef";
const NOW = 1_800_000_000;
const tokenConfig: AuthConfig = { mode: "token", token: TOKEN };

function request(
  headers: Record<string, string>,
  cookies: Record<string, string> = {},
): AuthRequest {
  return { headers: new Headers(headers), cookie: (name) => cookies[name] };
}

function proxyConfig(): AuthConfig {
  const env = {
    AUTH_MODE: "proxy",
    AUTH_PROXY_HEADER: "X-Forwarded-User",
    AUTH_TRUSTED_PROXIES: "10.1.0.0/16,127.0.0.2",
  };
  const result = parseAuthConfig(env, () => "");
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const launched = { [PEER_ADDRESS_ENV]: "1" };

describe("token mode", () => {
  it("accepts the right bearer token", () => {
    const result = authenticate(request({ Authorization: `Bearer ${TOKEN}` }), tokenConfig, NOW);
    expect(result).toEqual({ ok: true });
  });

  it("rejects a wrong token of equal length", () => {
    const wrong = TOKEN.slice(0, -1) + "0";
    expect(wrong).toHaveLength(TOKEN.length);
    const result = authenticate(request({ Authorization: `Bearer ${wrong}` }), tokenConfig, NOW);
    expect(result).toEqual({ ok: false, reason: "invalid-credentials" });
  });

  it("rejects a request without credentials", () => {
    expect(authenticate(request({}), tokenConfig, NOW)).toEqual({
      ok: false,
      reason: "missing-credentials",
    });
  });

  it("rejects a token sent in another scheme", () => {
    const result = authenticate(request({ Authorization: `Basic ${TOKEN}` }), tokenConfig, NOW);
    expect(result.ok).toBe(false);
  });

  it("accepts a valid session cookie", () => {
    const cookie = { [SESSION_COOKIE]: createSessionValue(TOKEN, NOW + 60) };
    expect(authenticate(request({}, cookie), tokenConfig, NOW)).toEqual({ ok: true });
  });

  it("rejects an expired session cookie", () => {
    const cookie = { [SESSION_COOKIE]: createSessionValue(TOKEN, NOW - 1) };
    expect(authenticate(request({}, cookie), tokenConfig, NOW).ok).toBe(false);
  });

  it("rejects a session signed with another token", () => {
    const other = "f".repeat(TOKEN.length);
    const cookie = { [SESSION_COOKIE]: createSessionValue(other, NOW + 60) };
    expect(authenticate(request({}, cookie), tokenConfig, NOW).ok).toBe(false);
  });

  it("rejects a session whose expiry was extended", () => {
    const [, signature] = createSessionValue(TOKEN, NOW + 60).split(".");
    const cookie = { [SESSION_COOKIE]: `${NOW + 999_999}.${signature}` };
    expect(authenticate(request({}, cookie), tokenConfig, NOW).ok).toBe(false);
  });

  it("never puts the token into the session value", () => {
    expect(createSessionValue(TOKEN, NOW)).not.toContain(TOKEN);
  });
});

describe("proxy mode", () => {
  it("accepts the user header from a trusted peer", () => {
    const headers = { "X-Forwarded-User": "alice", [PEER_ADDRESS_HEADER]: "10.1.2.3" };
    const result = authenticate(request(headers), proxyConfig(), NOW, launched);
    expect(result).toEqual({ ok: true, user: "alice" });
  });

  it("accepts an IPv4-mapped IPv6 peer", () => {
    const headers = { "X-Forwarded-User": "alice", [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.2" };
    expect(authenticate(request(headers), proxyConfig(), NOW, launched).ok).toBe(true);
  });

  it("rejects the user header from an untrusted peer", () => {
    const headers = { "X-Forwarded-User": "alice", [PEER_ADDRESS_HEADER]: "10.2.0.1" };
    const result = authenticate(request(headers), proxyConfig(), NOW, launched);
    expect(result).toEqual({ ok: false, reason: "untrusted-peer" });
  });

  it("ignores X-Forwarded-For naming a trusted proxy", () => {
    const headers = {
      "X-Forwarded-User": "alice",
      "X-Forwarded-For": "10.1.2.3",
      [PEER_ADDRESS_HEADER]: "127.0.0.1",
    };
    expect(authenticate(request(headers), proxyConfig(), NOW, launched).ok).toBe(false);
  });

  it("rejects a trusted peer without the user header", () => {
    const headers = { [PEER_ADDRESS_HEADER]: "10.1.2.3" };
    const result = authenticate(request(headers), proxyConfig(), NOW, launched);
    expect(result).toEqual({ ok: false, reason: "missing-credentials" });
  });

  it("trusts no peer header when the launcher did not stamp it", () => {
    const headers = { "X-Forwarded-User": "alice", [PEER_ADDRESS_HEADER]: "10.1.2.3" };
    const result = authenticate(request(headers), proxyConfig(), NOW, {});
    expect(result).toEqual({ ok: false, reason: "misconfigured" });
  });
});

describe("secretsEqual", () => {
  it("compares values of different lengths without throwing", () => {
    expect(secretsEqual("a", "a much longer value")).toBe(false);
    expect(secretsEqual("same", "same")).toBe(true);
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/nodes?type=bbc", "/nodes?type=bbc"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r/evil.example", "/"],
    ["/signin?next=/", "/"],
    [undefined, "/"],
  ])("maps %j to %j", (input, expected) => expect(safeNextPath(input)).toBe(expected));
});
