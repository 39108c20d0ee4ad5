import { type NextRequest, NextResponse } from "next/server";

import {
  createSessionValue,
  getAuthConfig,
  safeNextPath,
  secretsEqual,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
} from "@/lib/server/auth";
import { errorResponse, withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * Rejects a sign-in posted from another site. Browsers send Sec-Fetch-Site on every request; the
 * Origin header is only a fallback, as it is "null" under Referrer-Policy: no-referrer. A request
 * with neither comes from a non-browser client, which cannot be used for cross-site forgery.
 */
function isSameOrigin(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

function isHttps(request: NextRequest): boolean {
  return (
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https"
  );
}

/** Exchanges the pasted token for a signed session cookie, then returns to the page asked for. */
async function signIn(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (!config.ok || config.value.mode !== "token" || !config.value.token) {
    return errorResponse(404, "not-found", "sign-in with a token is not enabled on this server");
  }
  if (!isSameOrigin(request)) {
    return errorResponse(403, "forbidden", "sign-in must come from this site's own form");
  }
  const form = await request.formData().catch(() => null);
  const token = form?.get("token");
  const next = safeNextPath(String(form?.get("next") ?? "/"));
  // Relative Location keeps the browser on the host it used, whatever Host the server saw.
  if (typeof token !== "string" || !secretsEqual(token.trim(), config.value.token)) {
    const params = new URLSearchParams({ error: "invalid", next });
    return new NextResponse(null, { status: 303, headers: { Location: `/signin?${params}` } });
  }

  const expiresAt = Math.floor(Date.now() / 1000) + SESSION_TTL_SECONDS;
  const response = new NextResponse(null, { status: 303, headers: { Location: next } });
  response.cookies.set(SESSION_COOKIE, createSessionValue(config.value.token, expiresAt), {
    httpOnly: true,
    sameSite: "strict",
    secure: isHttps(request),
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
  return response;
}

export const POST = withRouteLog("/signin/session", signIn);
