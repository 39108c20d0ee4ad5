/** Starts the cluster cache once per server process, before the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getClusterCache } = await import("./lib/kube/cache");
  getClusterCache();
}
