import type { NextRequest } from "next/server";

import { getClusterCache } from "@/lib/kube/cache";
import { errorResponse, okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { listEnis } from "@/lib/server/triage";
import { freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

function getHandler(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const health = params.get("health");
  if (health !== null && health !== "unhealthy" && health !== "all") {
    return errorResponse(
      400,
      "invalid-parameter",
      `invalid health "${health}": use unhealthy or all`,
    );
  }
  const limitText = params.get("limit");
  const limit = limitText === null ? undefined : Number(limitText);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    return errorResponse(
      400,
      "invalid-parameter",
      `invalid limit "${limitText}": use a positive integer`,
    );
  }
  const result = requireSyncedCache("/api/v1/enis");
  if ("response" in result) return result.response;
  const list = listEnis(result.cache, {
    node: params.get("node"),
    unhealthy: health === "unhealthy",
    type: params.get("type"),
    status: params.get("status"),
    limit,
  });
  return okJson({ ...list, freshness: freshness(result.cache, getClusterCache().configError) });
}

export const GET = withRouteLog("/api/v1/enis", getHandler);
