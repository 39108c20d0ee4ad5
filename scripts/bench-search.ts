/**
 * Search latency at scale: starts the demo cluster in-process, fills a ClusterCache from it,
 * waits for sync and times the search function for IP, pod and ENI queries.
 * Run: node --conditions=react-server --import tsx scripts/bench-search.ts [--scale 5000] [--queries 2000]
 */
import { parseArgs } from "node:util";

import { type DemoCluster, startDemoCluster } from "../lib/demo/kube/server";
import type { ClusterCache } from "../lib/kube/cache";
import { clusterSearchIndex, searchCluster } from "../lib/server/search";
import { createDemoCache } from "../lib/testing/demo-cache";

const SYNC_TIMEOUT_MS = 300_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function time(label: string, queries: string[]): void {
  const samples: number[] = [];
  let found = 0;
  for (const query of queries) {
    const start = performance.now();
    const result = cacheRef.search(query);
    samples.push(performance.now() - start);
    if (result.matches.length > 0) found += 1;
  }
  samples.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  console.log(
    `${label.padEnd(10)} n=${queries.length} found=${found} p50=${fmt(percentile(samples, 0.5))} p95=${fmt(percentile(samples, 0.95))} max=${fmt(samples[samples.length - 1] ?? 0)}`,
  );
}

const cacheRef: { search: (q: string) => { matches: unknown[] } } = {
  search: () => ({ matches: [] }),
};

function sample<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  const out: T[] = [];
  for (let i = 0; i < items.length && out.length < count; i += step) {
    const item = items[i];
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Maximum wait, in milliseconds, for one watched change to reach the cache. */
const CHANGE_WAIT_MS = 10_000;

/** Times the first search after a watched change, which includes re-indexing the changed node. */
async function timeAfterChange(cluster: DemoCluster, cache: ClusterCache, names: string[]) {
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const name = names[(i * 97) % names.length] ?? "";
    const before = cache.version;
    cluster.store.update("netresourcesets", name, (obj) => {
      const labels = (obj.metadata.labels ??= {});
      labels["bench-touch"] = String(i);
    });
    const waitStart = performance.now();
    while (cache.version === before && performance.now() - waitStart < CHANGE_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const start = performance.now();
    searchCluster(cache, "10.0.19.10");
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `after change n=${samples.length} p50=${percentile(samples, 0.5).toFixed(3)} ms p95=${percentile(samples, 0.95).toFixed(3)} ms (includes re-indexing)`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "5000" },
      queries: { type: "string", default: "2000" },
    },
  });
  const scale = Number(values.scale);
  const count = Number(values.queries);
  console.log(`starting the demo cluster at --scale ${scale}…`);
  const cluster = await startDemoCluster({ scale, churn: false, bookmarkIntervalMs: 60_000 });
  const cache = createDemoCache(cluster);
  const started = performance.now();
  cache.start();
  while (!cache.states().every((state) => state.synced)) {
    if (performance.now() - started > SYNC_TIMEOUT_MS)
      throw new Error("cache did not sync in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(
    `synced ${cache.nodes.items.size} nodes, ${cache.enis.items.size} ENIs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const buildStart = performance.now();
  clusterSearchIndex(cache);
  console.log(
    `full index built in ${(performance.now() - buildStart).toFixed(0)} ms (later versions re-index changed records only)`,
  );
  cacheRef.search = (query) => searchCluster(cache, query);

  const nodes = [...cache.nodes.items.values()];
  const used = nodes.flatMap((node) => [...node.used.entries()]);
  time(
    "ip",
    sample(
      used.map(([ip]) => ip),
      count,
    ),
  );
  time(
    "pod",
    sample(
      used.flatMap(([, entry]) => (entry.owner ? [entry.owner] : [])),
      count,
    ),
  );
  time(
    "pod name",
    sample(
      used.flatMap(([, entry]) => (entry.owner ? [entry.owner.split("/")[1] ?? ""] : [])),
      count,
    ),
  );
  time("eni", sample([...cache.enis.items.keys()], count));
  time(
    "partial",
    sample(
      nodes.map((node) => node.name.slice(0, -1)),
      Math.min(count, 200),
    ),
  );

  await timeAfterChange(
    cluster,
    cache,
    nodes.map((node) => node.name),
  );

  cache.stop();
  await cluster.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
