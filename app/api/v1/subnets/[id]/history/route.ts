import { historyRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return historyRoute(request, "/api/v1/subnets/[id]/history", "subnet", id);
}
