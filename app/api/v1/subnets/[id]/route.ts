import { errorResponse, okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { subnetView } from "@/lib/server/subnets";
import { freshness } from "@/lib/server/views";
import { vpcState } from "@/lib/server/vpc-sync";

export const dynamic = "force-dynamic";

async function getHandler(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const result = requireSyncedCache("/api/v1/subnets/[id]");
  if ("response" in result) return result.response;
  const vpc = vpcState();
  const subnet = subnetView(result.cache, vpc.subnetFree).subnets.find((item) => item.id === id);
  if (!subnet) {
    return errorResponse(
      404,
      "not-found",
      `subnet "${id}" not found: no Subnet object or node uses it`,
    );
  }
  const eniIds = new Set(
    [...result.cache.enis.items.values()].filter((eni) => eni.subnetId === id).map((eni) => eni.id),
  );
  const drift = vpc.drift?.findings.filter((finding) => eniIds.has(finding.eniId)) ?? [];
  return okJson({ subnet, drift, vpc: vpc.status, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/subnets/[id]", getHandler);
