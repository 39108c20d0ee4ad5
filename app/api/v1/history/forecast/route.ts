import { CLUSTER_KEY } from "@/lib/history/figures";
import { forecastRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

/** When the cluster's used IPs reach the sum of node ceilings. */
export async function GET() {
  return forecastRoute("/api/v1/history/forecast", "cluster", CLUSTER_KEY);
}
