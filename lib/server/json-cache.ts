import "server-only";

/** How long one serialized response is reused while the cache is unchanged; freshness ages by 1 s. */
const REUSE_MS = 1_000;

/**
 * Serializes a large JSON response once per cache version and second, shared by every viewer,
 * instead of once per request. The server still compresses each response: Next.js drops a
 * Content-Encoding header set by a route handler, so a pre-compressed body cannot be sent.
 */
export class SharedJsonAnswer {
  private entry: { version: number; expiresAt: number; body: string } | null = null;

  respond(version: number, build: () => string, now = Date.now()): Response {
    let entry = this.entry;
    if (!entry || entry.version !== version || now >= entry.expiresAt) {
      entry = { version, expiresAt: now + REUSE_MS, body: build() };
      this.entry = entry;
    }
    return new Response(entry.body, {
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
