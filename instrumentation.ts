/**
 * Starts the cluster cache, the change feed, the history sampler and the VPC reads once per
 * server process, before any request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getClusterCache } = await import("./lib/kube/cache");
  const { cache } = getClusterCache();
  const { startHistory } = await import("./lib/server/sampler");
  startHistory();
  if (!cache) return;
  const { ensureFeed } = await import("./lib/server/feed");
  ensureFeed(cache);
  const { startVpcSync } = await import("./lib/server/vpc-sync");
  startVpcSync(cache);
}
