import { type NextRequest, NextResponse } from "next/server";

import { authenticate, type AuthResult, getAuthConfig } from "@/lib/server/auth";
import { logger } from "@/lib/server/log";
import {
  API_CONTENT_SECURITY_POLICY,
  createNonce,
  pageContentSecurityPolicy,
  STATIC_SECURITY_HEADERS,
} from "@/lib/server/security-headers";

/** Paths open without credentials: probes, and the sign-in page with its form target. */
const OPEN_PATHS = new Set(["/healthz", "/readyz", "/signin", "/signin/session"]);

/** Paths that return JSON rather than a page, so a failed check is a 401, not a redirect. */
function isMachinePath(pathname: string): boolean {
  return (
    pathname === "/api" ||
    pathname.startsWith("/api/") ||
    pathname === "/metrics" ||
    pathname === "/healthz" ||
    pathname === "/readyz" ||
    pathname === "/signin/session"
  );
}

function withSecurityHeaders<T extends Response>(response: T, csp: string): T {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function errorJson(status: number, code: string, message: string): NextResponse {
  const response = NextResponse.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
  return withSecurityHeaders(response, API_CONTENT_SECURITY_POLICY);
}

function rejectUnauthenticated(
  request: NextRequest,
  reason: Extract<AuthResult, { ok: false }>["reason"],
): NextResponse {
  const { pathname, search } = request.nextUrl;
  const machine = isMachinePath(pathname);
  // The path only: query values may be secret, and headers are never logged.
  const logContext = { route: pathname, method: request.method, status: machine ? 401 : 303 };
  logger.info({ ...logContext, reason }, "request rejected: not authenticated");
  if (machine) {
    return errorJson(401, "unauthenticated", "sign in first: send Authorization: Bearer <token>");
  }
  const target = new URL("/signin", request.url);
  target.searchParams.set("next", `${pathname}${search}`);
  return withSecurityHeaders(NextResponse.redirect(target, 303), API_CONTENT_SECURITY_POLICY);
}

/**
 * Checks credentials on every request except static files (see config.matcher), and sets the
 * security headers, including a per-request CSP nonce that Next.js copies onto its scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const config = getAuthConfig();
  if (!config.ok) {
    logger.error({ route: pathname, error: config.error }, "authentication settings are invalid");
    return errorJson(500, "internal", "authentication is misconfigured; see the server log");
  }
  if (!OPEN_PATHS.has(pathname)) {
    const result = authenticate(
      { headers: request.headers, cookie: (name) => request.cookies.get(name)?.value },
      config.value,
    );
    if (!result.ok) return rejectUnauthenticated(request, result.reason);
  }

  if (isMachinePath(pathname)) {
    return withSecurityHeaders(NextResponse.next(), API_CONTENT_SECURITY_POLICY);
  }
  const nonce = createNonce();
  const csp = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header while rendering.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
