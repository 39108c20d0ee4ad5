import { errorResponse, okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { eniDetail } from "@/lib/server/triage";
import { freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

async function getHandler(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const result = requireSyncedCache("/api/v1/enis/[id]");
  if ("response" in result) return result.response;
  const detail = eniDetail(result.cache, id);
  if (!detail)
    return errorResponse(404, "not-found", `ENI "${id}" not found: no ENI object has that name`);
  return okJson({ ...detail, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/enis/[id]", getHandler);
