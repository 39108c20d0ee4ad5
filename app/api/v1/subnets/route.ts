import { okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { subnetView } from "@/lib/server/subnets";
import { freshness } from "@/lib/server/views";
import { vpcState } from "@/lib/server/vpc-sync";

export const dynamic = "force-dynamic";

function getHandler() {
  const result = requireSyncedCache("/api/v1/subnets");
  if ("response" in result) return result.response;
  const vpc = vpcState();
  const view = subnetView(result.cache, vpc.subnetFree);
  return okJson({
    items: view.subnets,
    zoneMisfits: view.misfits,
    vpc: vpc.status,
    freshness: freshness(result.cache, null),
  });
}

export const GET = withRouteLog("/api/v1/subnets", getHandler);
