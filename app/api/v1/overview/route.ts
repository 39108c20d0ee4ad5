import { summarizeCluster } from "@/lib/domain/overview";
import { okJson, requireSyncedCache } from "@/lib/server/http";
import { clusterView, freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

export function GET() {
  const result = requireSyncedCache("/api/v1/overview");
  if ("response" in result) return result.response;
  const overview = summarizeCluster(clusterView(result.cache).summaries);
  return okJson({ ...overview, freshness: freshness(result.cache, null) });
}
