/**
 * Security response headers. proxy.ts sets them on pages and API responses, and next.config.js
 * repeats the static ones for /_next/static files, which proxy.ts does not run for.
 */

/** Headers that do not vary per request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Dashboard URLs carry node names, ENI ids and filters; no other site needs to see them.
  "Referrer-Policy": "no-referrer",
  // For browsers without CSP frame-ancestors support.
  "X-Frame-Options": "DENY",
};

/** Returns a fresh nonce: 16 random bytes in base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/**
 * Builds the page CSP. Scripts need the per-request nonce, which Next.js copies onto its own
 * inline and bundle scripts; 'strict-dynamic' lets those load their chunks. 'unsafe-eval' appears
 * only in development, where React uses eval for error stacks. Inline styles are allowed: bars set
 * widths with style="…" and client libraries insert <style> elements without a nonce. Injected CSS
 * cannot run code, so scripts stay the part the policy locks down.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** CSP for JSON and text responses: nothing may load, and nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
