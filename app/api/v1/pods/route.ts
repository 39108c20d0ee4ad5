import type { NextRequest } from "next/server";

import { okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { pendingPods } from "@/lib/server/triage";
import { freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

function getHandler(request: NextRequest) {
  const result = requireSyncedCache("/api/v1/pods");
  if ("response" in result) return result.response;
  const pods = pendingPods(result.cache, request.nextUrl.searchParams.get("node"));
  return okJson({ ...pods, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/pods", getHandler);
