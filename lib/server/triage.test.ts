import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { type DemoCluster, startDemoCluster } from "@/lib/demo/kube/server";
import { PLANTED } from "@/lib/demo/scenario/planted";
import type { ClusterCache } from "@/lib/kube/cache";
import { createDemoCache } from "@/lib/testing/demo-cache";

import { queryChanges } from "./feed";
import { searchCluster } from "./search";
import { eniDetail, healthThresholds, listEnis, listEvents, pendingPods } from "./triage";

let cluster: DemoCluster;
let cache: ClusterCache;

beforeAll(async () => {
  cluster = await startDemoCluster({ churn: false, bookmarkIntervalMs: 60_000 });
  cache = createDemoCache(cluster);
  cache.start();
  await vi.waitFor(
    () => {
      expect(cache.states().every((state) => state.synced)).toBe(true);
    },
    { timeout: 15_000 },
  );
});

afterAll(async () => {
  cache.stop();
  await cluster.close();
});

describe("triage server functions against the demo cluster", () => {
  it("lists the stuck attaching ENI as unhealthy", () => {
    const result = listEnis(cache, { unhealthy: true });
    const attaching = result.items.find((row) => row.id === PLANTED.enis.attaching);
    expect(attaching?.severity).toBe("critical");
    expect(attaching?.findings[0]?.sentence).toMatch(/Stuck in attaching/);
    expect(result.counts.unhealthy).toBe(result.matched);
    expect(result.items.every((row) => row.unhealthy)).toBe(true);
  });

  it("filters ENIs by node and status", () => {
    const byNode = listEnis(cache, { node: PLANTED.upstream.node });
    expect(byNode.items.map((row) => row.id)).toEqual([PLANTED.upstream.eni]);
    expect(byNode.items[0]?.ipQuota).toBe(40);
    const attaching = listEnis(cache, { status: "attaching" });
    expect(attaching.items.map((row) => row.id)).toEqual([PLANTED.enis.attaching]);
  });

  it("returns an ENI detail with its timeline", () => {
    const detail = eniDetail(cache, PLANTED.enis.truncatedLog);
    expect(detail?.timeline.truncated).toEqual(["vpc"]);
    expect(detail?.ips.length).toBeGreaterThan(0);
    expect(eniDetail(cache, "eni-missing")).toBeNull();
  });

  it("decodes warning events on a node", () => {
    const events = listEvents(cache, { kind: "NetResourceSet", name: "10.0.18.30" });
    const failed = events.find((event) => event.reason === "FailedCreateENI");
    expect(failed?.decoded?.cause).toMatch(/subnet has no more IPs/);
  });

  it("lists pending pods with decoded reasons", () => {
    const { items, groups } = pendingPods(cache);
    expect(items.map((pod) => pod.name)).toContain(PLANTED.bbcAtCeiling.pendingPod.name);
    expect(groups.length).toBeGreaterThan(0);
    const onNode = pendingPods(cache, PLANTED.eniCapacityExceed.node).items;
    expect(onNode.map((pod) => pod.code)).toEqual(["ENICapacityExceed"]);
  });

  it("searches an IP", () => {
    const result = searchCluster(cache, "10.0.19.10");
    expect(result.matches[0]?.ip?.owner).toBe(PLANTED.upstream.pod);
  });

  it("records a pod IP assignment seen by watch in the feed", async () => {
    queryChanges(cache, {});
    cluster.store.update("netresourcesets", PLANTED.upstream.node, (obj) => {
      const status = obj.status as { ipam: { used: Record<string, unknown> } };
      status.ipam.used["10.0.19.11"] = {
        owner: "test/feed-pod",
        resource: PLANTED.upstream.eni,
        subnetID: PLANTED.upstream.subnet,
      };
    });
    await vi.waitFor(() => {
      const found = queryChanges(cache, { node: PLANTED.upstream.node, kinds: ["ip-assigned"] });
      expect(found.items[0]?.pod).toBe("test/feed-pod");
    });
  });

  it("keeps ENI transitions observed by watch in the timeline", async () => {
    cluster.store.update("enis", PLANTED.enis.truncatedLog, (obj) => {
      (obj.status as { VPCStatus: string }).VPCStatus = "detaching";
    });
    await vi.waitFor(() => {
      const last = eniDetail(cache, PLANTED.enis.truncatedLog)?.timeline.entries.at(-1);
      expect(last?.origin).toBe("watch");
      expect(last?.status).toBe("detaching");
    });
    const feed = queryChanges(cache, { eni: PLANTED.enis.truncatedLog, kinds: ["eni-status"] });
    expect(feed.items[0]?.summary).toContain("detaching");
  });

  it("reads thresholds from the environment", () => {
    expect(healthThresholds({ ENI_STUCK_MINUTES: "12" }).stuckMinutes).toBe(12);
    expect(healthThresholds({ ENI_STUCK_MINUTES: "abc" }).stuckMinutes).toBe(5);
  });
});
