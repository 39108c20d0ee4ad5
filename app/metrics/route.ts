import { withRouteLog } from "@/lib/server/http";
import { logger } from "@/lib/server/log";
import { metricsRegistry } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus exposition of pool, subnet, ENI health and data-age gauges. */
async function getHandler() {
  const registry = metricsRegistry();
  try {
    const body = await registry.metrics();
    return new Response(body, {
      headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
    });
  } catch (error) {
    logger.error({ route: "/metrics", err: error }, "metrics collection failed");
    return new Response("metrics collection failed\n", { status: 500 });
  }
}

export const GET = withRouteLog("/metrics", getHandler);
