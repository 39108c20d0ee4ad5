import { errorResponse, okJson, requireSyncedCache } from "@/lib/server/http";
import { freshness, nodeDetail } from "@/lib/server/views";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  const result = requireSyncedCache("/api/v1/nodes/[name]");
  if ("response" in result) return result.response;
  const detail = nodeDetail(result.cache, name);
  if (!detail)
    return errorResponse(
      404,
      "not-found",
      `node "${name}" not found: no NetResourceSet has that name`,
    );
  return okJson({ ...detail, freshness: freshness(result.cache, null) });
}
