import { CLUSTER_KEY } from "@/lib/history/figures";
import { historyRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Cluster totals over time: pool, used, free, ceiling and node count. */
async function getHandler(request: Request) {
  return historyRoute(request, "/api/v1/history", "cluster", CLUSTER_KEY);
}

export const GET = withRouteLog("/api/v1/history", getHandler);
