import { getClusterCache } from "@/lib/kube/cache";
import { requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { SharedJsonAnswer } from "@/lib/server/json-cache";
import { clusterView, freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

const answer = new SharedJsonAnswer();

function getHandler(): Response {
  const result = requireSyncedCache("/api/v1/nodes");
  if ("response" in result) return result.response;
  const { cache } = result;
  return answer.respond(cache.version, () => {
    const fresh = JSON.stringify(freshness(cache, getClusterCache().configError));
    return `{"items":${clusterView(cache).summariesJson},"freshness":${fresh}}`;
  });
}

export const GET = withRouteLog("/api/v1/nodes", getHandler);
