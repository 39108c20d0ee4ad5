import { forecastRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

async function getHandler(_request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  return forecastRoute("/api/v1/nodes/[name]/forecast", "node", name);
}

export const GET = withRouteLog("/api/v1/nodes/[name]/forecast", getHandler);
