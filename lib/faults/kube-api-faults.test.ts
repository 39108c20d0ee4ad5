/**
 * Fault matrix, Kubernetes API responses: each row breaks the demo API server, checks that the
 * nodes API keeps serving the last data marked stale, clears the fault and checks recovery and
 * that the fault was logged once for the whole episode.
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
const matrix = new FaultMatrix("Fault matrix: Kubernetes API responses");
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

async function syncedHarness(timings?: Parameters<typeof startHarness>[0]) {
  harness = await startHarness(timings);
  harness.cache.start();
  await harness.waitForSync();
  return (await harness.nodes()).items.length;
}

function recoveredLines(resource: string): number {
  return logs.lines.filter(
    (line) => line.message === "recovered after errors" && line.fields.resource === resource,
  ).length;
}

describe("Kubernetes API faults", () => {
  it("server down at start: 503 names it, then syncs", async () => {
    const row = matrix.row("server down at start");
    harness = await startHarness();
    harness.cluster.faults.setDown(true);
    harness.cache.start();
    await waitForFault(harness, "netresourcesets", "unreachable", 3);

    const down = await harness.nodes();
    expect(down.status).toBe(503);
    expect(down.error?.message).toContain("Cannot reach the Kubernetes API server");
    row.skip("served", "no data before the first sync; 503 names the fault");
    row.pass("staleMarked");

    harness.cluster.faults.setDown(false);
    await harness.waitForSync();
    const up = await harness.nodes();
    expect(up.status).toBe(200);
    expect(up.items.length).toBeGreaterThan(0);
    expect(up.freshness?.status).toBe("ok");
    row.pass("recovered");

    expect(logs.count("error", { resource: "netresourcesets", kind: "unreachable" })).toBe(1);
    await vi.waitFor(() => expect(recoveredLines("netresourcesets")).toBe(1), WAIT);
    row.pass("loggedOnce");
  });

  it("server down after sync: last data stays, marked stale", async () => {
    const row = matrix.row("server down after sync");
    const count = await syncedHarness();
    harness.cluster.faults.setDown(true);
    await waitForFault(harness, "netresourcesets", "unreachable", 3);

    const down = await harness.nodesWhen((answer) =>
      expectStale(answer, "netresourcesets", "Cannot reach the Kubernetes API server"),
    );
    expectServed(down, count);
    row.pass("served");
    row.pass("staleMarked");

    touchNode(harness, "10.0.19.21");
    harness.cluster.faults.setDown(false);
    await waitForRecovery(harness, "netresourcesets");
    await waitForNodeIp(harness, "10.0.19.21");
    await harness.nodesWhen((answer) => expect(answer.freshness?.status).toBe("ok"));
    row.pass("recovered");

    expect(logs.count("error", { resource: "netresourcesets", kind: "unreachable" })).toBe(1);
    await vi.waitFor(() => expect(recoveredLines("netresourcesets")).toBe(1), WAIT);
    row.pass("loggedOnce");
  });

  it("slow server: responses stay fast and current", async () => {
    const row = matrix.row("slow server (1.5 s per response)");
    harness = await startHarness({ watchTimeoutSeconds: 1, idleTimeoutMs: 10_000 });
    harness.cluster.faults.setLatency(1_500);
    harness.cache.start();
    await harness.waitForSync();

    const started = performance.now();
    const slow = await harness.nodes();
    expect(performance.now() - started).toBeLessThan(500);
    expect(slow.status).toBe(200);
    expect(slow.items.length).toBeGreaterThan(0);
    row.pass("served");
    expect(slow.freshness?.status).toBe("ok");
    expect(slow.freshness?.errors).toEqual([]);
    row.skip("staleMarked", "not a failure, status stays ok");

    touchNode(harness, "10.0.19.22");
    await waitForNodeIp(harness, "10.0.19.22");
    harness.cluster.faults.setLatency(0);
    touchNode(harness, "10.0.19.23");
    await waitForNodeIp(harness, "10.0.19.23");
    row.pass("recovered");

    expect(logs.count("error")).toBe(0);
    row.skip("loggedOnce", "nothing to log, 0 error lines");
  });

  it("500 on NetResourceSets: stale, then recovers", async () => {
    const row = matrix.row("500 on netresourcesets");
    const count = await syncedHarness();
    harness.cluster.faults.setStatus("netresourcesets", 500);
    await waitForFault(harness, "netresourcesets", "server-error", 3);

    const failing = await harness.nodesWhen((answer) =>
      expectStale(answer, "netresourcesets", "failed to serve netresourcesets (500"),
    );
    expectServed(failing, count);
    row.pass("served");
    row.pass("staleMarked");

    harness.cluster.faults.setStatus("netresourcesets", null);
    touchNode(harness, "10.0.19.24");
    await waitForRecovery(harness, "netresourcesets");
    await waitForNodeIp(harness, "10.0.19.24");
    row.pass("recovered");

    expect(logs.count("error", { resource: "netresourcesets", kind: "server-error" })).toBe(1);
    await vi.waitFor(() => expect(recoveredLines("netresourcesets")).toBe(1), WAIT);
    row.pass("loggedOnce");
  });

  it("429 with Retry-After: waits as asked", async () => {
    const row = matrix.row("429 + Retry-After 2 s on enis");
    const count = await syncedHarness();
    const since = Date.now();
    harness.cluster.faults.setStatus("enis", 429, { retryAfterSeconds: 2 });
    await waitForFault(harness, "enis", "throttled", 3);

    const lists = harness.cluster.requests.filter(
      (request) => request.time >= since && request.path.endsWith("/enis") && !request.query.watch,
    );
    for (let index = 1; index < lists.length; index++) {
      const gap = (lists[index]?.time ?? 0) - (lists[index - 1]?.time ?? 0);
      expect(gap).toBeGreaterThanOrEqual(1_900);
    }
    expect(stateOf(harness, "enis").error?.retryAfterSeconds).toBe(2);

    const throttled = await harness.nodesWhen((answer) =>
      expectStale(answer, "enis", "throttling requests for enis (429)"),
    );
    expectServed(throttled, count);
    row.pass("served");
    row.pass("staleMarked");

    harness.cluster.faults.setStatus("enis", null);
    await waitForRecovery(harness, "enis");
    await harness.nodesWhen((answer) => expect(answer.freshness?.status).toBe("ok"));
    row.pass("recovered");

    expect(logs.count("error", { resource: "enis", kind: "throttled" })).toBe(1);
    row.pass("loggedOnce");
  });

  it("403 on subnets only: other kinds serve", async () => {
    const row = matrix.row("403 on subnets only");
    harness = await startHarness();
    harness.cluster.faults.setStatus("subnets", 403);
    harness.cache.start();
    await waitForFault(harness, "subnets", "forbidden", 3);
    await vi.waitFor(() => expect(harness.cache.ready()).toBe(true), WAIT);

    const answer = await harness.nodesWhen((current) => {
      const error = current.freshness?.errors.find((item) => item.resource === "subnets");
      expect(error?.kind).toBe("forbidden");
    });
    expect(answer.status).toBe(200);
    expect(answer.items.length).toBeGreaterThan(0);
    row.pass("served");
    const error = answer.freshness?.errors.find((candidate) => candidate.resource === "subnets");
    expect(error?.message).toContain("No permission to list and watch subnets (403)");
    expect(answer.freshness?.message).toContain("No permission");
    row.pass("staleMarked");

    harness.cluster.faults.setStatus("subnets", null);
    await waitForRecovery(harness, "subnets");
    expect(harness.cache.subnets.items.size).toBeGreaterThan(0);
    row.pass("recovered");

    expect(logs.count("error", { resource: "subnets", kind: "forbidden" })).toBe(1);
    expect(logs.count("error", { resource: "netresourcesets" })).toBe(0);
    row.pass("loggedOnce");
  });

  it("ENI CRD removed after sync: stale, then back", async () => {
    const row = matrix.row("CRD missing (enis 404)");
    const count = await syncedHarness();
    harness.cluster.faults.setStatus("enis", 404);
    await waitForFault(harness, "enis", "not-installed", 3);

    const missing = await harness.nodesWhen((answer) =>
      expectStale(answer, "enis", "CRD is not installed"),
    );
    expectServed(missing, count);
    row.pass("served");
    row.pass("staleMarked");

    harness.cluster.faults.setStatus("enis", null);
    await waitForRecovery(harness, "enis");
    expect(harness.cache.enis.items.size).toBeGreaterThan(0);
    row.pass("recovered");

    expect(logs.count("error", { resource: "enis", kind: "not-installed" })).toBe(1);
    row.pass("loggedOnce");
  });
});
