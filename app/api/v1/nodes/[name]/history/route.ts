import { historyRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

async function getHandler(request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  return historyRoute(request, "/api/v1/nodes/[name]/history", "node", name);
}

export const GET = withRouteLog("/api/v1/nodes/[name]/history", getHandler);
