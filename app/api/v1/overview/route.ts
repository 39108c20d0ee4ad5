import { summarizeCluster } from "@/lib/domain/overview";
import { okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { clusterView, freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

function getHandler() {
  const result = requireSyncedCache("/api/v1/overview");
  if ("response" in result) return result.response;
  const overview = summarizeCluster(clusterView(result.cache).summaries);
  return okJson({ ...overview, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/overview", getHandler);
