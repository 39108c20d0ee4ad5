import type { NextRequest } from "next/server";

import { errorResponse, okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { searchCluster } from "@/lib/server/search";

export const dynamic = "force-dynamic";

/** Longest query accepted; no key in the index comes close. */
const MAX_QUERY_LENGTH = 256;

function getHandler(request: NextRequest) {
  const query = request.nextUrl.searchParams.get("q") ?? "";
  if (query.length > MAX_QUERY_LENGTH) {
    return errorResponse(
      400,
      "invalid-parameter",
      `query too long: at most ${MAX_QUERY_LENGTH} characters`,
    );
  }
  const result = requireSyncedCache("/api/v1/search");
  if ("response" in result) return result.response;
  return okJson(searchCluster(result.cache, query));
}

export const GET = withRouteLog("/api/v1/search", getHandler);
