import { forecastRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

async function getHandler(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return forecastRoute("/api/v1/subnets/[id]/forecast", "subnet", id);
}

export const GET = withRouteLog("/api/v1/subnets/[id]/forecast", getHandler);
