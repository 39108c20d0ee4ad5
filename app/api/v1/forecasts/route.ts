import { forecastListRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

async function getHandler(request: Request) {
  return forecastListRoute(request, "/api/v1/forecasts");
}

export const GET = withRouteLog("/api/v1/forecasts", getHandler);
