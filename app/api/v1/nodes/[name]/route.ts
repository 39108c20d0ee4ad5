import { errorResponse, okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { freshness, nodeDetail } from "@/lib/server/views";
import { vpcState } from "@/lib/server/vpc-sync";

export const dynamic = "force-dynamic";

async function getHandler(_request: Request, context: { params: Promise<{ name: string }> }) {
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
  const eniIds = new Set(detail.enis.map((eni) => eni.id));
  const drift = vpcState().drift?.findings.filter((finding) => eniIds.has(finding.eniId)) ?? [];
  return okJson({ ...detail, drift, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/nodes/[name]", getHandler);
