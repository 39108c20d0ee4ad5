import { okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { freshness } from "@/lib/server/views";
import { vpcState } from "@/lib/server/vpc-sync";

export const dynamic = "force-dynamic";

function getHandler() {
  const result = requireSyncedCache("/api/v1/drift");
  if ("response" in result) return result.response;
  const vpc = vpcState();
  return okJson({
    findings: vpc.drift?.findings ?? [],
    checkedAt: vpc.drift?.checkedAt ?? null,
    enisChecked: vpc.drift?.enisChecked ?? 0,
    oldestFigureAgeSeconds: vpc.drift?.oldestFigureAgeSeconds ?? null,
    vpc: vpc.status,
    freshness: freshness(result.cache, null),
  });
}

export const GET = withRouteLog("/api/v1/drift", getHandler);
