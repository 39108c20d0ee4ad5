/**
 * Runs a ClusterCache against the demo API server and reads it through the real route handler,
 * so fault tests check what a viewer of /api/v1/nodes would get.
 */
import { NextRequest } from "next/server";
import { vi } from "vitest";

import { GET as getNodes } from "@/app/api/v1/nodes/route";
import { type DemoCluster, startDemoCluster } from "@/lib/demo/kube/server";
import type { ClusterCache } from "@/lib/kube/cache";
import type { Freshness } from "@/lib/server/views";
import { createDemoCache } from "@/lib/testing/demo-cache";

const CACHE_KEY = Symbol.for("cce-dashboard.cluster-cache");
type GlobalWithCache = typeof globalThis & { [CACHE_KEY]?: unknown };

/**
 * Bookmarks end a failure episode, so they come often. NOTE: not a divisor of the 1 s watch
 * timeout, because the demo server can write a bookmark after ending a watch at the same tick.
 */
const BOOKMARK_INTERVAL_MS = 350;

/** Reflector timings short enough that a fault and its recovery fit in a few seconds. */
export const FAST_TIMINGS = { watchTimeoutSeconds: 1, idleTimeoutMs: 1_500 };

export interface NodesAnswer {
  status: number;
  items: { name: string }[];
  freshness: Freshness | null;
  error: { code: string; message: string } | null;
}

export interface KubeHarness {
  cluster: DemoCluster;
  cache: ClusterCache;
  /** Calls GET /api/v1/nodes with this cache installed as the process cache. */
  nodes(): Promise<NodesAnswer>;
  /**
   * Calls GET /api/v1/nodes until `check` passes. The route reuses its serialized response for
   * up to 1 s while the cache version is unchanged, so a new fault may show a moment late.
   */
  nodesWhen(check: (answer: NodesAnswer) => void): Promise<NodesAnswer>;
  waitForSync(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  timings: { watchTimeoutSeconds?: number; idleTimeoutMs?: number } = FAST_TIMINGS,
  bookmarkIntervalMs = BOOKMARK_INTERVAL_MS,
): Promise<KubeHarness> {
  const cluster = await startDemoCluster({ churn: false, bookmarkIntervalMs });
  const cache = createDemoCache(cluster, timings);
  (globalThis as GlobalWithCache)[CACHE_KEY] = { cache, configError: null };

  async function nodes(): Promise<NodesAnswer> {
    const request = new NextRequest("http://127.0.0.1/api/v1/nodes");
    const response = await getNodes(request, {} as never);
    const body = (await response.json()) as Partial<NodesAnswer>;
    return {
      status: response.status,
      items: body.items ?? [],
      freshness: body.freshness ?? null,
      error: body.error ?? null,
    };
  }

  return {
    cluster,
    cache,
    nodes,
    async nodesWhen(check) {
      return vi.waitFor(
        async () => {
          const answer = await nodes();
          check(answer);
          return answer;
        },
        { timeout: 10_000, interval: 100 },
      );
    },
    async waitForSync() {
      await vi.waitFor(
        () => {
          if (!cache.states().every((state) => state.synced)) throw new Error("not synced");
        },
        { timeout: 10_000, interval: 50 },
      );
    },
    async close() {
      cache.stop();
      delete (globalThis as GlobalWithCache)[CACHE_KEY];
      await cluster.close();
    },
  };
}
