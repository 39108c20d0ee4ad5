import { CLUSTER_KEY } from "@/lib/history/figures";
import { historyRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

/** Cluster totals over time: pool, used, free, ceiling and node count. */
export async function GET(request: Request) {
  return historyRoute(request, "/api/v1/history", "cluster", CLUSTER_KEY);
}
