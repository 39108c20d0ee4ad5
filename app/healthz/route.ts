export const dynamic = "force-dynamic";

/** Liveness: the process serves requests. It does not depend on the cluster being reachable. */
export function GET(): Response {
  return Response.json({ status: "ok" });
}
