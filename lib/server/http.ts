import "server-only";

import { type NextRequest, NextResponse } from "next/server";

import { type ClusterCache, getClusterCache } from "@/lib/kube/cache";

import { logger } from "./log";

export type ErrorCode =
  | "not-found"
  | "not-synced"
  | "unconfigured"
  | "invalid-parameter"
  | "unavailable"
  | "internal"
  | "unauthenticated"
  | "forbidden";

/** Builds a response in the API's error shape: {"error": {"code", "message"}}. */
export function errorResponse(status: number, code: ErrorCode, message: string): NextResponse {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** Builds a JSON response from an already serialized body, to reuse shared strings. */
export function rawJsonResponse(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function okJson(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
}

/**
 * Returns the cache when it has the objects a page needs, or the error response to send instead:
 * 503 "unconfigured" without cluster access, 503 "not-synced" before the first full list.
 */
export function requireSyncedCache(
  route: string,
): { cache: ClusterCache } | { response: NextResponse } {
  const { cache, configError } = getClusterCache();
  if (!cache) {
    logger.warn({ route, status: 503 }, "request while cluster access is not configured");
    return {
      response: errorResponse(
        503,
        "unconfigured",
        configError ?? "cluster access is not configured",
      ),
    };
  }
  if (!cache.ready()) {
    const detail = cache.states().find((state) => state.error)?.error?.message;
    const message = detail
      ? `cluster objects are not synced yet: ${detail}`
      : "cluster objects are not synced yet; retry in a few seconds";
    return { response: errorResponse(503, "not-synced", message) };
  }
  return { cache };
}

type RouteHandler<C> = (request: NextRequest, context: C) => Response | Promise<Response>;

/**
 * Wraps a route handler to log one JSON line per request: route pattern, method, status and
 * duration in ms. Query parameter names are logged, never their values; headers are never logged.
 * A thrown error is logged with status 500 and thrown again for Next.js to answer.
 */
export function withRouteLog<C = unknown>(
  route: string,
  handler: RouteHandler<C>,
): (request: NextRequest, context: C) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const logContext = (status: number) => {
      const query = request?.nextUrl ? [...new Set(request.nextUrl.searchParams.keys())] : [];
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      return {
        route,
        method: request?.method,
        status,
        durationMs,
        ...(query.length > 0 ? { query } : {}),
      };
    };
    try {
      const response = await handler(request, context);
      const level = response.status >= 500 ? "warn" : "info";
      logger[level](logContext(response.status), "request served");
      return response;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ ...logContext(500), error: message }, "request failed");
      throw error;
    }
  };
}
