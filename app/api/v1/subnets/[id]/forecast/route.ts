import { forecastRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return forecastRoute("/api/v1/subnets/[id]/forecast", "subnet", id);
}
