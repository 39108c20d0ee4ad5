import { describe, expect, it } from "vitest";

import { createNonce, pageContentSecurityPolicy } from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production", () => {
    const csp = pageContentSecurityPolicy("abc123==", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("adds unsafe-eval only in development", () => {
    expect(pageContentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});

describe("createNonce", () => {
  it("returns 16 random bytes in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
