import { getClusterCache } from "@/lib/kube/cache";
import { rawJsonResponse, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { clusterView, freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

function getHandler(): Response {
  const result = requireSyncedCache("/api/v1/nodes");
  if ("response" in result) return result.response;
  const view = clusterView(result.cache);
  const fresh = JSON.stringify(freshness(result.cache, getClusterCache().configError));
  return rawJsonResponse(`{"items":${view.summariesJson},"freshness":${fresh}}`);
}

export const GET = withRouteLog("/api/v1/nodes", getHandler);
