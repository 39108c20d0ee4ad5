import { forecastRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  return forecastRoute("/api/v1/nodes/[name]/forecast", "node", name);
}
