import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { type DemoCluster, startDemoCluster } from "./server";
import { openWatch, request } from "./test-client";

let cluster: DemoCluster;

beforeAll(async () => {
  cluster = await startDemoCluster({ scale: 4, churn: false });
});
afterEach(() => cluster.faults.clear());
afterAll(async () => {
  await cluster.close();
});

const NRS = "/apis/cce.baidubce.com/v2/netresourcesets";

describe("fault knobs", () => {
  it("setStatus 404 makes a CRD look uninstalled", async () => {
    cluster.faults.setStatus("netresourcesets", 404);
    expect((await request(cluster.url, NRS)).status).toBe(404);
    const { body } = await request(cluster.url, "/apis/cce.baidubce.com/v2");
    expect((body.resources as Array<{ name: string }>).map((r) => r.name)).not.toContain(
      "netresourcesets",
    );
    cluster.faults.setStatus("netresourcesets", null);
    expect((await request(cluster.url, NRS)).status).toBe(200);
  });

  it("setStatus 429 sends Retry-After", async () => {
    cluster.faults.setStatus("*", 429, { retryAfterSeconds: 7 });
    const reply = await request(cluster.url, "/api/v1/nodes");
    expect(reply.status).toBe(429);
    expect(reply.headers["retry-after"]).toBe("7");
    expect(reply.body).toMatchObject({
      reason: "TooManyRequests",
      details: { retryAfterSeconds: 7 },
    });
  });

  it("setStatus 403 names the resource in a Forbidden Status", async () => {
    cluster.faults.setStatus("enis", 403);
    const reply = await request(cluster.url, "/apis/cce.baidubce.com/v2/enis");
    expect(reply.status).toBe(403);
    expect(reply.body.message).toContain('cannot list resource "enis"');
  });

  it("setDown refuses connections until lifted", async () => {
    cluster.faults.setDown(true);
    await expect(fetch(`${cluster.url}/version`)).rejects.toThrow();
    cluster.faults.setDown(false);
    expect((await request(cluster.url, "/version")).status).toBe(200);
  });

  it("setLatency delays answers", async () => {
    cluster.faults.setLatency(150, "netresourcesets");
    const start = Date.now();
    await request(cluster.url, NRS);
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it("setWatchMode end-abruptly aborts the stream", async () => {
    cluster.faults.setWatchMode("netresourcesets", "end-abruptly");
    const watch = await openWatch(cluster.url, `${NRS}?watch=true`);
    expect(await watch.ended).toEqual({ aborted: true });
  });

  it("setWatchMode hang sends nothing", async () => {
    cluster.faults.setWatchMode("*", "hang");
    const watch = await openWatch(cluster.url, `${NRS}?watch=true&allowWatchBookmarks=true`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    watch.close();
    expect(watch.events).toEqual([]);
  });

  it("injectMalformed adds an object with wrong field types and clear removes it", async () => {
    const name = cluster.faults.injectMalformed("netresourcesets");
    const { body } = await request(cluster.url, `${NRS}/${name}`);
    expect(body).toMatchObject({
      spec: { ipam: { pool: "10.0.0.1" }, eni: { maxIPsPerENI: "forty" } },
    });
    cluster.faults.clear();
    expect((await request(cluster.url, `${NRS}/${name}`)).status).toBe(404);
  });

  it("injectHuge adds a NetResourceSet with 20,000 pool entries", async () => {
    const name = cluster.faults.injectHuge();
    const { body } = await request(cluster.url, `${NRS}/${name}`);
    const pool = (body.spec as { ipam: { pool: Record<string, unknown> } }).ipam.pool;
    expect(Object.keys(pool)).toHaveLength(20_000);
  });
});
