import type { NextRequest } from "next/server";

import { okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { listEvents } from "@/lib/server/triage";
import { freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

function getHandler(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const result = requireSyncedCache("/api/v1/events");
  if ("response" in result) return result.response;
  const items = listEvents(result.cache, {
    kind: params.get("kind"),
    name: params.get("name"),
    namespace: params.get("namespace"),
  });
  return okJson({ items, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/events", getHandler);
