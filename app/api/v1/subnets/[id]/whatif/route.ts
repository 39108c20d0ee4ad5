import { whatIfRoute } from "@/lib/history/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return whatIfRoute(request, "/api/v1/subnets/[id]/whatif", id);
}
