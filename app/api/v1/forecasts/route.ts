import { forecastListRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return forecastListRoute(request, "/api/v1/forecasts");
}
