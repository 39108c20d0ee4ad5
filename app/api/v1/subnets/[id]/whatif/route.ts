import { whatIfRoute } from "@/lib/history/routes";
import { withRouteLog } from "@/lib/server/http";

export const dynamic = "force-dynamic";

async function getHandler(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return whatIfRoute(request, "/api/v1/subnets/[id]/whatif", id);
}

export const GET = withRouteLog("/api/v1/subnets/[id]/whatif", getHandler);
