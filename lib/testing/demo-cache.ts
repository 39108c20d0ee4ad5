import { KubeConfig } from "@kubernetes/client-node";

import { DEFAULT_TOKEN, type DemoCluster } from "@/lib/demo/kube/server";
import { type CacheOptions, ClusterCache } from "@/lib/kube/cache";
import { createKubeTransport } from "@/lib/kube/transport";

/** Builds a kubeconfig for a demo cluster, as the user of `npm run demo` would have one. */
export function demoKubeConfig(cluster: DemoCluster): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    // client-node 1.x refuses a plain-http server unless TLS verification is marked skipped.
    clusters: [{ name: "demo", server: cluster.url, skipTLSVerify: true }],
    users: [{ name: "demo", token: DEFAULT_TOKEN }],
    contexts: [{ name: "demo", cluster: "demo", user: "demo" }],
    currentContext: "demo",
  });
  return config;
}

/** Creates a cluster cache (not started) that reads a demo cluster through client-node. */
export function createDemoCache(
  cluster: DemoCluster,
  timings: Pick<CacheOptions, "idleTimeoutMs" | "watchTimeoutSeconds"> = {},
): ClusterCache {
  return new ClusterCache({
    transport: createKubeTransport(demoKubeConfig(cluster)),
    server: cluster.url,
    context: "demo",
    ...timings,
  });
}
