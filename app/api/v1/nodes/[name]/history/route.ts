import { historyRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  return historyRoute(request, "/api/v1/nodes/[name]/history", "node", name);
}
