import { describe, expect, it } from "vitest";

import { isLoopbackHost, MIN_TOKEN_LENGTH, parseAuthConfig, parseStartConfig } from "./auth-config";

const TOKEN = "t".repeat(MIN_TOKEN_LENGTH);
const noFile = (path: string): string => {
  throw Object.assign(new Error(`no ${path}`), { code: "ENOENT" });
};

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"])(
    "accepts %s",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );
  it.each(["0.0.0.0", "::", "10.0.0.5", "192.168.1.1", "example.com", "128.0.0.1", "::2"])(
    "rejects %s",
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe("parseStartConfig", () => {
  it("defaults to 127.0.0.1:3000 without auth", () => {
    const result = parseStartConfig({}, noFile);
    expect(result).toEqual({
      ok: true,
      value: { host: "127.0.0.1", port: 3000, auth: { mode: "none" } },
    });
  });

  it("rejects a non-loopback host without auth and names the fix", () => {
    const result = parseStartConfig({ HOST: "0.0.0.0" }, noFile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("HOST=0.0.0.0 is not a loopback address");
    expect(result.error).toContain("AUTH_MODE=token");
  });

  it("accepts a non-loopback host with a token", () => {
    const result = parseStartConfig(
      { HOST: "0.0.0.0", AUTH_MODE: "token", AUTH_TOKEN: TOKEN },
      noFile,
    );
    expect(result.ok).toBe(true);
  });

  it.each(["0", "70000", "abc", "80.5"])("rejects PORT=%s", (port) => {
    const result = parseStartConfig({ PORT: port }, noFile);
    expect(result.ok).toBe(false);
  });
});

describe("parseAuthConfig", () => {
  it("reads the token from AUTH_TOKEN_FILE before AUTH_TOKEN", () => {
    const result = parseAuthConfig(
      { AUTH_MODE: "token", AUTH_TOKEN: "x".repeat(40), AUTH_TOKEN_FILE: "/run/token" },
      (path) => (path === "/run/token" ? `${TOKEN}\n` : ""),
    );
    expect(result).toEqual({ ok: true, value: { mode: "token", token: TOKEN } });
  });

  it("reports an unreadable token file without its content", () => {
    const result = parseAuthConfig({ AUTH_MODE: "token", AUTH_TOKEN_FILE: "/run/token" }, noFile);
    expect(result).toEqual({ ok: false, error: "cannot read AUTH_TOKEN_FILE /run/token (ENOENT)" });
  });

  it("rejects a short token without quoting it", () => {
    const result = parseAuthConfig({ AUTH_MODE: "token", AUTH_TOKEN: "short-secret" }, noFile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).not.toContain("short-secret");
  });

  it("rejects token mode without a token", () => {
    expect(parseAuthConfig({ AUTH_MODE: "token" }, noFile).ok).toBe(false);
  });

  it("parses trusted proxy addresses and CIDRs", () => {
    const result = parseAuthConfig(
      {
        AUTH_MODE: "proxy",
        AUTH_PROXY_HEADER: "X-Forwarded-User",
        AUTH_TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.7, fd00::/8",
      },
      noFile,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const proxies = result.value.trustedProxies;
    expect(result.value.proxyHeader).toBe("x-forwarded-user");
    expect(proxies?.check("10.20.30.40", "ipv4")).toBe(true);
    expect(proxies?.check("192.168.1.7", "ipv4")).toBe(true);
    expect(proxies?.check("192.168.1.8", "ipv4")).toBe(false);
    expect(proxies?.check("fd00::1", "ipv6")).toBe(true);
  });

  it.each(["", "10.0.0.0/33", "not-an-ip", "10.0.0.1/x"])(
    "rejects AUTH_TRUSTED_PROXIES=%j",
    (list) => {
      const env = { AUTH_MODE: "proxy", AUTH_PROXY_HEADER: "X-User", AUTH_TRUSTED_PROXIES: list };
      expect(parseAuthConfig(env, noFile).ok).toBe(false);
    },
  );

  it.each(["0.0.0.0/0", "10.0.0.0/7", "::/0", "fc00::/7"])(
    "rejects the too-wide proxy range %j",
    (list) => {
      const env = { AUTH_MODE: "proxy", AUTH_PROXY_HEADER: "X-User", AUTH_TRUSTED_PROXIES: list };
      const result = parseAuthConfig(env, noFile);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain("too wide");
    },
  );

  it("rejects proxy mode without a header name", () => {
    const env = { AUTH_MODE: "proxy", AUTH_TRUSTED_PROXIES: "10.0.0.1" };
    expect(parseAuthConfig(env, noFile).ok).toBe(false);
  });

  it("rejects an unknown mode", () => {
    expect(parseAuthConfig({ AUTH_MODE: "basic" }, noFile)).toEqual({
      ok: false,
      error: 'invalid AUTH_MODE "basic": use none, token or proxy',
    });
  });
});
