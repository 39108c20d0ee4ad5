import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { PEER_ADDRESS_ENV, PEER_ADDRESS_HEADER } from "./auth-config";

const TOKEN = "proxy-test-token-0123456789abcdef";

/** Loads proxy.ts afresh, because the auth settings are read once per process. */
async function loadProxy(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import("@/proxy")).proxy;
}

function get(path: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(`http://127.0.0.1:3000${path}`, { headers });
}

afterEach(() => vi.unstubAllEnvs());

describe("proxy in token mode", () => {
  it("answers an API request without a token with 401 JSON", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "token", AUTH_TOKEN: TOKEN });
    const response = proxy(get("/api/v1/nodes"));
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unauthenticated");
  });

  it("answers /metrics without a token with 401", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "token", AUTH_TOKEN: TOKEN });
    expect(proxy(get("/metrics")).status).toBe(401);
  });

  it("redirects a page request to the sign-in page", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "token", AUTH_TOKEN: TOKEN });
    const response = proxy(get("/nodes?type=bbc"));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "", "http://x");
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("next")).toBe("/nodes?type=bbc");
  });

  it("leaves probes and the sign-in page open", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "token", AUTH_TOKEN: TOKEN });
    for (const path of ["/healthz", "/readyz", "/signin"]) {
      expect(proxy(get(path)).headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("lets a request with the token through", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "token", AUTH_TOKEN: TOKEN });
    const response = proxy(get("/api/v1/nodes", { Authorization: `Bearer ${TOKEN}` }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers 500 when the settings are invalid", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "token", AUTH_TOKEN: "" });
    expect(proxy(get("/api/v1/nodes")).status).toBe(500);
  });
});

describe("proxy in proxy mode", () => {
  const env = {
    AUTH_MODE: "proxy",
    AUTH_PROXY_HEADER: "X-Forwarded-User",
    AUTH_TRUSTED_PROXIES: "10.0.0.9",
    [PEER_ADDRESS_ENV]: "1",
  };

  it("lets the user header through from the trusted proxy", async () => {
    const proxy = await loadProxy(env);
    const headers = { "X-Forwarded-User": "bob", [PEER_ADDRESS_HEADER]: "10.0.0.9" };
    expect(proxy(get("/api/v1/nodes", headers)).headers.get("x-middleware-next")).toBe("1");
  });

  it("rejects the user header from another address", async () => {
    const proxy = await loadProxy(env);
    const headers = { "X-Forwarded-User": "bob", [PEER_ADDRESS_HEADER]: "10.0.0.10" };
    expect(proxy(get("/api/v1/nodes", headers)).status).toBe(401);
  });
});

describe("security headers", () => {
  it("puts a nonce CSP on pages and passes the nonce on to rendering", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "none" });
    const response = proxy(get("/nodes"));
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("uses a new nonce for every request", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "none" });
    const first = proxy(get("/")).headers.get("content-security-policy");
    const second = proxy(get("/")).headers.get("content-security-policy");
    expect(first).not.toBe(second);
  });

  it("puts a deny-all CSP on API answers", async () => {
    const proxy = await loadProxy({ AUTH_MODE: "none" });
    const csp = proxy(get("/api/v1/overview")).headers.get("content-security-policy");
    expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
