import { CLUSTER_KEY } from "@/lib/history/figures";
import { forecastRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** When the cluster's used IPs reach the sum of node ceilings. */
async function getHandler() {
  return forecastRoute("/api/v1/history/forecast", "cluster", CLUSTER_KEY);
}

export const GET = withRouteLog("/api/v1/history/forecast", getHandler);
