import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { type DemoCluster, startDemoCluster } from "@/lib/demo/kube/server";
import { createDemoCache } from "@/lib/testing/demo-cache";

import type { ClusterCache } from "./cache";

function createCache(
  cluster: DemoCluster,
  timings: { watchTimeoutSeconds?: number; idleTimeoutMs?: number } = {},
) {
  return createDemoCache(cluster, timings);
}

function addUsedIp(cluster: DemoCluster, ip: string, owner: string) {
  cluster.store.update("netresourcesets", "10.0.19.7", (obj) => {
    const status = obj.status as { ipam: { used: Record<string, unknown> } };
    status.ipam.used[ip] = { owner, resource: "eni-ih1seearb7y8", subnetID: "sbn-kx327kp355ni" };
  });
}

describe("cluster cache against the demo API server", () => {
  let cluster: DemoCluster;
  let cache: ClusterCache | null = null;

  beforeEach(async () => {
    cluster = await startDemoCluster({ churn: false, bookmarkIntervalMs: 60_000 });
  });

  afterEach(async () => {
    cache?.stop();
    cache = null;
    await cluster.close();
  });

  it("lists every kind on start", async () => {
    cache = createCache(cluster);
    cache.start();
    await vi.waitFor(() => expect(cache?.ready()).toBe(true), { timeout: 10_000 });
    expect(cache.nodes.items.size).toBe(cluster.store.count("netresourcesets"));
    expect(cache.nodes.items.get("10.0.19.7")?.instanceId).toBe("i-1SvcOgBl");
    expect(cache.enis.items.get("eni-ih1seearb7y8")?.useMode).toBe("PrimaryWithSecondaryIP");
    await vi.waitFor(() => expect(cache?.subnets.snapshotState().synced).toBe(true));
    expect(cache.subnets.items.size).toBeGreaterThanOrEqual(3);
  });

  it("applies an update that arrives by watch", async () => {
    cache = createCache(cluster);
    cache.start();
    await vi.waitFor(() => expect(cache?.ready()).toBe(true), { timeout: 10_000 });
    const changes: string[] = [];
    cache.subscribe((change) => changes.push(`${change.kind}:${change.type}`));
    addUsedIp(cluster, "10.0.19.11", "test/watched-pod");
    await vi.waitFor(() =>
      expect(cache?.nodes.items.get("10.0.19.7")?.used.get("10.0.19.11")?.owner).toBe(
        "test/watched-pod",
      ),
    );
    expect(changes).toContain("node:MODIFIED");
    expect(cache.nodes.snapshotState().relists).toBe(1);
  });

  it("relists after 410 Gone", async () => {
    cache = createCache(cluster, { watchTimeoutSeconds: 1 });
    cache.start();
    await vi.waitFor(() => expect(cache?.ready()).toBe(true), { timeout: 10_000 });
    // Move the global resourceVersion past the NRS watch without an NRS event, then drop history:
    // the next NRS watch resumes from a version the server no longer has.
    cluster.store.update("enis", "eni-ih1seearb7y8", (obj) => {
      (obj.metadata.labels as Record<string, string>).touched = "yes";
    });
    cluster.store.compact();
    await vi.waitFor(() => expect(cache?.nodes.snapshotState().relists).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
    });
    expect(cache.nodes.snapshotState().error).toBeNull();
  });

  it("reports 403 on one kind as a permission error and keeps the rest", async () => {
    cluster.faults.setStatus("subnets", 403);
    cache = createCache(cluster);
    cache.start();
    await vi.waitFor(() => expect(cache?.subnets.snapshotState().error?.kind).toBe("forbidden"));
    expect(cache.subnets.snapshotState().error?.message).toContain("No permission");
    await vi.waitFor(() => expect(cache?.ready()).toBe(true));
  });

  it("reports a missing CRD as not installed", async () => {
    cluster.faults.setStatus("enis", 404);
    cache = createCache(cluster);
    cache.start();
    await vi.waitFor(() => expect(cache?.enis.snapshotState().error?.kind).toBe("not-installed"));
    expect(cache.enis.snapshotState().error?.message).toContain("CRD is not installed");
    expect(cache.ready()).toBe(false);
  });

  it("reports an unreachable server and recovers when it returns", async () => {
    cache = createCache(cluster);
    cache.start();
    await vi.waitFor(() => expect(cache?.ready()).toBe(true), { timeout: 10_000 });
    cluster.faults.setDown(true);
    await vi.waitFor(() => expect(cache?.nodes.snapshotState().error?.kind).toBe("unreachable"));
    expect(cache.nodes.items.get("10.0.19.7")).toBeDefined();
    cluster.faults.setDown(false);
    await vi.waitFor(() => expect(cache?.nodes.snapshotState().error).toBeNull(), {
      timeout: 15_000,
    });
  });

  it("skips a malformed object and counts it", async () => {
    const name = cluster.faults.injectMalformed("netresourcesets");
    cache = createCache(cluster);
    cache.start();
    await vi.waitFor(() => expect(cache?.ready()).toBe(true), { timeout: 10_000 });
    const state = cache.nodes.snapshotState();
    expect(state.malformedCount).toBe(1);
    expect(state.malformed[0]?.name).toBe(name);
    expect(cache.nodes.items.has(name)).toBe(false);
  });
});
