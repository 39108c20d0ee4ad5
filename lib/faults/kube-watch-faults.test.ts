/**
 * Fault matrix, watch streams and objects: broken or silent watches, 410 Gone, and objects that
 * are huge or malformed. Regression tests for a watch that breaks right after every list: it
 * used to relist about twice a second and log two lines per relist.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  expectServed,
  expectStale,
  stateOf,
  touchNode,
  waitForFault,
  waitForNodeIp,
  waitForRecovery,
} from "./kube-checks";
import { type KubeHarness, startHarness } from "./kube-harness";
import { captureLogs, type LogCapture } from "./log-capture";
import { FaultMatrix } from "./matrix";

const WAIT = { timeout: 10_000, interval: 50 };
const matrix = new FaultMatrix("Fault matrix: watch streams and objects");
let harness: KubeHarness;
let logs: LogCapture;

beforeEach(() => {
  logs = captureLogs();
});

afterEach(async () => {
  logs.restore();
  await harness.close();
});

afterAll(() => matrix.print());

/** Starts a synced harness; rare bookmarks let a compaction reach a watch as 410 Gone. */
async function syncedHarness(bookmarkIntervalMs?: number) {
  harness = await startHarness(undefined, bookmarkIntervalMs);
  harness.cache.start();
  await harness.waitForSync();
  return (await harness.nodes()).items.length;
}

function nodeLists(since: number): number {
  return harness.cluster.requests.filter(
    (request) =>
      request.time >= since && request.path.endsWith("/netresourcesets") && !request.query.watch,
  ).length;
}

/** Moves the store past the NRS watch and drops history, so the next NRS watch gets 410. */
function expireNodeWatch(): void {
  harness.cluster.store.update("enis", "eni-ih1seearb7y8", (obj) => {
    (obj.metadata.labels as Record<string, string>).touched = String(Date.now());
  });
  harness.cluster.store.compact();
}

describe("watch and object faults", () => {
  it("watch ending abruptly backs off and logs once", async () => {
    const row = matrix.row("watch ends abruptly (netresourcesets)");
    const count = await syncedHarness();
    const since = Date.now();
    harness.cluster.faults.setWatchMode("netresourcesets", "end-abruptly");
    await waitForFault(harness, "netresourcesets", "unreachable", 4);

    // Backoff grows across relists: four failures take about 2 s, not 16 relists.
    expect(nodeLists(since)).toBeLessThanOrEqual(stateOf(harness, "netresourcesets").relists);
    expect(nodeLists(since)).toBeLessThanOrEqual(5);
    const stale = await harness.nodesWhen((answer) =>
      expectStale(answer, "netresourcesets", "Cannot reach"),
    );
    expectServed(stale, count);
    row.pass("served");
    row.pass("staleMarked");

    harness.cluster.faults.setWatchMode("netresourcesets", "normal");
    await vi.waitFor(() => expect(logs.count("info", { resource: "netresourcesets" })).toBe(1), {
      timeout: 40_000,
    });
    touchNode(harness, "10.0.19.31");
    await waitForNodeIp(harness, "10.0.19.31");
    await waitForRecovery(harness, "netresourcesets");
    row.pass("recovered");

    expect(logs.count("error", { resource: "netresourcesets" })).toBe(1);
    row.pass("loggedOnce");
  }, 60_000);

  it("silent watch is restarted after the idle timeout", async () => {
    const row = matrix.row("watch hangs silently (netresourcesets)");
    const count = await syncedHarness();
    harness.cluster.faults.setWatchMode("netresourcesets", "hang");
    await waitForFault(harness, "netresourcesets", "timeout", 2);

    const stale = await harness.nodesWhen((answer) =>
      expectStale(answer, "netresourcesets", "watch sent nothing for 1.5 s"),
    );
    expectServed(stale, count);
    row.pass("served");
    row.pass("staleMarked");

    harness.cluster.faults.setWatchMode("netresourcesets", "normal");
    await vi.waitFor(() => expect(logs.count("info", { resource: "netresourcesets" })).toBe(1), {
      timeout: 40_000,
    });
    touchNode(harness, "10.0.19.32");
    await waitForNodeIp(harness, "10.0.19.32");
    await waitForRecovery(harness, "netresourcesets");
    row.pass("recovered");

    expect(logs.count("error", { resource: "netresourcesets", kind: "timeout" })).toBe(1);
    expect(logs.count("warn", { resource: "netresourcesets" })).toBe(0);
    row.pass("loggedOnce");
  }, 60_000);

  it("410 Gone relists without an error", async () => {
    const row = matrix.row("410 Gone (history compacted)");
    const count = await syncedHarness(60_000);
    touchNode(harness, "10.0.19.33");
    await waitForNodeIp(harness, "10.0.19.33");
    expireNodeWatch();
    await vi.waitFor(() => {
      expect(stateOf(harness, "netresourcesets").relists).toBeGreaterThanOrEqual(2);
    }, WAIT);

    const answer = await harness.nodes();
    expectServed(answer, count);
    row.pass("served");
    expect(answer.freshness?.status).toBe("ok");
    row.skip("staleMarked", "routine relist, status stays ok");

    touchNode(harness, "10.0.19.34");
    await waitForNodeIp(harness, "10.0.19.34");
    row.pass("recovered");

    expect(logs.count("info", { resource: "netresourcesets" })).toBe(1);
    expect(logs.count("error")).toBe(0);
    row.pass("loggedOnce");
  });

  it("huge object is stored and served quickly", async () => {
    const row = matrix.row("huge object (20,000 pool IPs)");
    const count = await syncedHarness();
    const name = harness.cluster.faults.injectHuge("netresourcesets");
    await vi.waitFor(() => expect(harness.cache.nodes.items.has(name)).toBe(true), WAIT);

    const started = performance.now();
    const answer = await harness.nodes();
    const elapsedMs = performance.now() - started;
    expectServed(answer, count + 1);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(harness.cache.nodes.items.get(name)?.pool.size).toBe(20_000);
    row.pass("served");
    expect(answer.freshness?.status).toBe("ok");
    row.skip("staleMarked", "valid object, status stays ok");

    harness.cluster.faults.clear();
    await vi.waitFor(() => expect(harness.cache.nodes.items.has(name)).toBe(false), WAIT);
    await harness.nodesWhen((answer) => expectServed(answer, count));
    row.pass("recovered");

    expect(logs.count("error")).toBe(0);
    expect(logs.count("warn")).toBe(0);
    row.skip("loggedOnce", "nothing to log, 0 error lines");
  });

  it("malformed object is skipped, named and logged once", async () => {
    const row = matrix.row("malformed object (netresourcesets)");
    const count = await syncedHarness(60_000);
    const name = harness.cluster.faults.injectMalformed("netresourcesets");
    await vi.waitFor(() => {
      expect(stateOf(harness, "netresourcesets").malformedCount).toBe(1);
    }, WAIT);

    const answer = await harness.nodesWhen((current) => {
      const state = current.freshness?.resources.find(
        (item) => item.resource === "netresourcesets",
      );
      expect(state?.malformedCount).toBe(1);
    });
    expectServed(answer, count);
    row.pass("served");
    const nodes = answer.freshness?.resources.find((state) => state.resource === "netresourcesets");
    expect(nodes?.malformed[0]?.name).toBe(name);
    expect(nodes?.malformed[0]?.error).toMatch(/^spec\./);
    row.pass("staleMarked");

    // A relist reads the same object again; it must not be logged a second time.
    expireNodeWatch();
    await vi.waitFor(() => {
      expect(stateOf(harness, "netresourcesets").relists).toBeGreaterThanOrEqual(2);
    }, WAIT);
    expect(stateOf(harness, "netresourcesets").malformedCount).toBe(1);
    expect(logs.count("warn", { name })).toBe(1);
    row.pass("loggedOnce");

    harness.cluster.faults.clear();
    await vi.waitFor(() => {
      expect(stateOf(harness, "netresourcesets").malformedCount).toBe(0);
    }, WAIT);
    row.pass("recovered");
  });
});
