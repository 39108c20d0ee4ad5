import { getClusterCache } from "@/lib/kube/cache";
import { errorResponse, okJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Readiness: NetResourceSets and ENIs have been listed at least once. */
export function GET() {
  const { cache, configError } = getClusterCache();
  if (!cache)
    return errorResponse(503, "unconfigured", configError ?? "cluster access is not configured");
  if (!cache.ready()) return errorResponse(503, "not-synced", "cluster objects are not synced yet");
  return okJson({ status: "ready" });
}
