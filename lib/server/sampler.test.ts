import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { type DemoCluster, startDemoCluster } from "@/lib/demo/kube/server";
import { PLANTED } from "@/lib/demo/scenario/planted";
import { DAY_MS } from "@/lib/forecast";
import type { ClusterCache } from "@/lib/kube/cache";
import { createDemoCache } from "@/lib/testing/demo-cache";

import { createMetricsRegistry } from "./metrics";
import { createHistory, currentSubnets, demoExhaustingSubnets, sampleOnce } from "./sampler";

let cluster: DemoCluster;
let cache: ClusterCache;
let dir: string;

beforeAll(async () => {
  cluster = await startDemoCluster({ churn: false, bookmarkIntervalMs: 60_000 });
  cache = createDemoCache(cluster);
  cache.start();
  await vi.waitFor(() => expect(cache.ready()).toBe(true), { timeout: 10_000 });
  dir = mkdtempSync(path.join(tmpdir(), "sampler-"));
});

afterAll(async () => {
  cache.stop();
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sampler", () => {
  it("skips while the cache is not synced", () => {
    const runtime = createHistory({
      file: path.join(dir, "unsynced.db"),
      timer: false,
      cache: () => null,
    });
    expect(sampleOnce(runtime, null)).toBe(false);
    expect(runtime.tick).toBe(0);
    runtime.stop();
  });

  it("records subnet, node and cluster series", () => {
    const runtime = createHistory({
      file: path.join(dir, "plain.db"),
      timer: false,
      cache: () => cache,
    });
    expect(sampleOnce(runtime, cache)).toBe(true);
    const store = runtime.recorder.store();
    expect(store?.seriesKeys("cluster")).toEqual(["cluster"]);
    expect(store?.seriesKeys("node")).toHaveLength(cache.nodes.items.size);
    expect(store?.seriesKeys("subnet")).toContain(PLANTED.nearExhaustedSubnet);
    expect(runtime.tick).toBe(1);
    runtime.stop();
  });

  it("picks the near-exhausted subnet for the demo seed", () => {
    expect(demoExhaustingSubnets(currentSubnets(cache))).toEqual([PLANTED.nearExhaustedSubnet]);
  });

  it("seeds demo history once and forecasts the tight subnet", () => {
    const file = path.join(dir, "demo.db");
    const runtime = createHistory({ file, timer: false, cache: () => cache });
    sampleOnce(runtime, cache, { demoSeed: true });
    const store = runtime.recorder.store();
    const now = Date.now();
    const month = store?.query({
      kind: "subnet",
      key: PLANTED.nearExhaustedSubnet,
      from: now - 30 * DAY_MS,
      to: now + 1,
      step: 3600,
    });
    expect(month?.points.length).toBeGreaterThan(700);

    const forecast = runtime.forecasts.get("subnet", PLANTED.nearExhaustedSubnet);
    expect(forecast?.status).toBe("exhausts");
    expect(forecast?.exhaustsAt).toBeGreaterThan(now);
    expect(forecast?.exhaustsAt).toBeLessThan(now + 7 * DAY_MS);
    expect(forecast?.path?.length).toBeGreaterThan(0);
    runtime.stop();

    const again = createHistory({ file, timer: false, cache: () => cache });
    const before = again.recorder.store()?.db.prepare("SELECT count(*) AS n FROM samples_5m").get();
    sampleOnce(again, cache, { demoSeed: true });
    const after = again.recorder.store()?.db.prepare("SELECT count(*) AS n FROM samples_5m").get();
    expect(after).toEqual(before);
    again.stop();
  });
});

describe("metrics", () => {
  it("exposes bounded gauges from the cache", async () => {
    const runtime = createHistory({
      file: path.join(dir, "metrics.db"),
      timer: false,
      cache: () => cache,
    });
    sampleOnce(runtime, cache, { demoSeed: true });
    runtime.forecasts.get("subnet", PLANTED.nearExhaustedSubnet);
    const registry = createMetricsRegistry({ cache: () => cache, history: () => runtime });
    const text = await registry.metrics();

    const samples = text.split("\n").filter((line) => line && !line.startsWith("#"));
    const labelNames = new Set<string>();
    const nodeNames = new Set(cache.nodes.items.keys());
    for (const line of samples) {
      const match = /^([a-z_]+)(?:\{(.*)\})? (-?[\d.e+]+|NaN)$/.exec(line);
      expect(match, line).not.toBeNull();
      for (const pair of (match?.[2] ?? "").split(",").filter(Boolean)) {
        const [name, quoted] = pair.split("=");
        labelNames.add(name ?? "");
        if (name === "node") expect(nodeNames.has(JSON.parse(quoted ?? '""'))).toBe(true);
      }
    }
    expect([...labelNames].sort()).toEqual(["node", "rule", "source", "subnet"]);
    expect(samples.length).toBeLessThan(10 * nodeNames.size + 200);

    const tight = `cce_subnet_free_ips{subnet="${PLANTED.nearExhaustedSubnet}"}`;
    expect(samples.find((line) => line.startsWith(tight))).toBe(`${tight} 6`);
    expect(text).toMatch(
      new RegExp(`cce_subnet_exhaustion_seconds\\{subnet="${PLANTED.nearExhaustedSubnet}"\\} \\d+`),
    );
    expect(text).toMatch(/cce_node_headroom_ips\{node="10\.0\.17\.20"\} 0/);
    expect(text).toMatch(/cce_eni_unhealthy\{rule="[a-z-]+"\} [1-9]/);
    expect(text).toMatch(/cce_data_age_seconds\{source="netresourcesets"\} /);
    expect(text).toMatch(/cce_history_ok 1/);
    runtime.stop();
  });
});
