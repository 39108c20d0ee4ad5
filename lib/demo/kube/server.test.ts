import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DemoCluster, startDemoCluster } from "./server";
import { openWatch, request, TABLE_ACCEPT } from "./test-client";

let cluster: DemoCluster;

beforeAll(async () => {
  cluster = await startDemoCluster({ scale: 8, churn: false, bookmarkIntervalMs: 50 });
});
afterAll(async () => {
  await cluster.close();
});

const NRS = "/apis/cce.baidubce.com/v2/netresourcesets";
const ENIS = "/apis/cce.baidubce.com/v2/enis";

describe("authentication", () => {
  it("rejects a missing token with a 401 Status", async () => {
    const reply = await request(cluster.url, NRS, { token: null });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
  });

  it("rejects a wrong token", async () => {
    expect((await request(cluster.url, NRS, { token: "wrong" })).status).toBe(401);
  });
});

describe("discovery", () => {
  it("lists the cce group with v2 preferred", async () => {
    const { body } = await request(cluster.url, "/apis");
    expect(body.kind).toBe("APIGroupList");
    expect(body.groups).toEqual([
      {
        name: "cce.baidubce.com",
        versions: [
          { groupVersion: "cce.baidubce.com/v2", version: "v2" },
          { groupVersion: "cce.baidubce.com/v1", version: "v1" },
        ],
        preferredVersion: { groupVersion: "cce.baidubce.com/v2", version: "v2" },
      },
    ]);
  });

  it("describes netresourcesets with short names and category", async () => {
    const { body } = await request(cluster.url, "/apis/cce.baidubce.com/v2");
    const resources = body.resources as Array<Record<string, unknown>>;
    expect(resources.find((r) => r.name === "netresourcesets")).toEqual({
      name: "netresourcesets",
      singularName: "netresourceset",
      namespaced: false,
      kind: "NetResourceSet",
      verbs: ["get", "list", "watch"],
      shortNames: ["nrs", "nr"],
      categories: ["cce"],
    });
    const v1 = await request(cluster.url, "/apis/cce.baidubce.com/v1");
    expect((v1.body.resources as Array<{ name: string }>).map((r) => r.name)).toContain("subnets");
  });

  it("answers aggregated discovery requests with legacy JSON", async () => {
    const accept =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
    const reply = await request(cluster.url, "/apis", { accept });
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(reply.body.kind).toBe("APIGroupList");
  });

  it("returns 404 for openapi and 406 for protobuf only", async () => {
    expect((await request(cluster.url, "/openapi/v2")).status).toBe(404);
    const proto = await request(cluster.url, NRS, {
      accept: "application/vnd.kubernetes.protobuf",
    });
    expect(proto.status).toBe(406);
  });
});

describe("get and list", () => {
  it("gets an object by name and 404s with the real message", async () => {
    const found = await request(cluster.url, `${NRS}/10.0.19.7`);
    expect(found.body).toMatchObject({
      kind: "NetResourceSet",
      spec: { "instance-id": "i-1SvcOgBl" },
    });
    const missing = await request(cluster.url, `${NRS}/x`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      reason: "NotFound",
      message: 'netresourcesets.cce.baidubce.com "x" not found',
      details: { name: "x", kind: "netresourcesets" },
    });
  });

  it("rejects writes with 405 and records them", async () => {
    const reply = await request(cluster.url, `${NRS}/10.0.19.7`, { method: "DELETE" });
    expect(reply.status).toBe(405);
    expect(reply.body.reason).toBe("MethodNotAllowed");
    expect(cluster.requests.some((r) => r.method === "DELETE")).toBe(true);
  });

  it("lists with kind, typed items and a resourceVersion", async () => {
    const { body } = await request(cluster.url, ENIS);
    expect(body.kind).toBe("ENIList");
    expect(body.apiVersion).toBe("cce.baidubce.com/v2");
    const items = body.items as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(5);
    expect(
      items.every((item) => item.kind === "ENI" && item.apiVersion === "cce.baidubce.com/v2"),
    ).toBe(true);
    expect((body.metadata as { resourceVersion: string }).resourceVersion).toBe(
      cluster.store.resourceVersion,
    );
  });

  it("filters by label and field selectors", async () => {
    const byLabel = await request(
      cluster.url,
      `${ENIS}?labelSelector=cce.baidubce.com%2Fnode%3D10.0.19.7`,
    );
    expect((byLabel.body.items as unknown[]).length).toBe(1);
    const pending = await request(cluster.url, "/api/v1/pods?fieldSelector=status.phase%3DPending");
    expect((pending.body.items as unknown[]).length).toBe(3);
    const bad = await request(cluster.url, `${ENIS}?fieldSelector=status.phase%3DX`);
    expect(bad.status).toBe(400);
  });

  it("pages with limit and continue until the list is complete", async () => {
    const total = cluster.store.count("enis");
    const names: string[] = [];
    let token = "";
    for (let page = 0; page < 100; page++) {
      const reply = await request(
        cluster.url,
        `${ENIS}?limit=4${token ? `&continue=${token}` : ""}`,
      );
      const meta = reply.body.metadata as { continue?: string; remainingItemCount?: number };
      names.push(
        ...(reply.body.items as Array<{ metadata: { name: string } }>).map((i) => i.metadata.name),
      );
      if (!meta.continue) break;
      expect(meta.remainingItemCount).toBe(total - names.length);
      token = encodeURIComponent(meta.continue);
    }
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
  });

  it("answers 410 Expired for a compacted or invalid continue token", async () => {
    const first = await request(cluster.url, `${ENIS}?limit=2`);
    const token = (first.body.metadata as { continue: string }).continue;
    cluster.store.compact();
    const expired = await request(
      cluster.url,
      `${ENIS}?limit=2&continue=${encodeURIComponent(token)}`,
    );
    expect(expired.status).toBe(410);
    expect(expired.body.reason).toBe("Expired");
    expect((await request(cluster.url, `${ENIS}?continue=garbage`)).status).toBe(410);
  });

  it("renders Tables with the printer columns", async () => {
    const { body } = await request(cluster.url, NRS, { accept: TABLE_ACCEPT });
    expect(body.kind).toBe("Table");
    const columns = (body.columnDefinitions as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(["Name", "ID", "MODE", "TYPE", "Age"]);
    const rows = body.rows as Array<{ cells: unknown[]; object: { kind: string } }>;
    const upstream = rows.find((row) => row.cells[0] === "10.0.19.7");
    expect(upstream?.cells.slice(1, 4)).toEqual(["i-1SvcOgBl", "Secondary", "bbc"]);
    expect(upstream?.object.kind).toBe("PartialObjectMetadata");
    const full = await request(cluster.url, `${NRS}?includeObject=Object`, {
      accept: TABLE_ACCEPT,
    });
    expect((full.body.rows as Array<{ object: { kind: string } }>)[0]?.object.kind).toBe(
      "NetResourceSet",
    );
  });
});

describe("watch", () => {
  it("sends ADDED for current objects and then live changes", async () => {
    const watch = await openWatch(
      cluster.url,
      `${NRS}?watch=true&fieldSelector=metadata.name%3D10.0.19.7`,
    );
    await watch.until((events) => events.length === 1);
    cluster.store.update("netresourcesets", "10.0.19.7", (obj) => {
      obj.metadata.annotations = { ...obj.metadata.annotations, touched: "yes" };
    });
    const events = await watch.until((all) => all.length === 2);
    watch.close();
    expect(events.map((event) => event.type)).toEqual(["ADDED", "MODIFIED"]);
  });

  it("replays history after a resourceVersion", async () => {
    const from = cluster.store.resourceVersion;
    cluster.store.update("enis", "eni-ih1seearb7y8", (obj) => {
      obj.metadata.annotations = { replay: "1" };
    });
    const watch = await openWatch(cluster.url, `${ENIS}?watch=1&resourceVersion=${from}`);
    const events = await watch.until((all) => all.length >= 1);
    watch.close();
    expect(events[0]).toMatchObject({
      type: "MODIFIED",
      object: { metadata: { name: "eni-ih1seearb7y8" } },
    });
  });

  it("sends a 410 ERROR event for a compacted resourceVersion", async () => {
    const from = cluster.store.resourceVersion;
    cluster.store.update("enis", "eni-ih1seearb7y8", () => {});
    cluster.store.compact();
    const watch = await openWatch(cluster.url, `${ENIS}?watch=true&resourceVersion=${from}`);
    const events = await watch.until((all) => all.length === 1);
    expect(events[0]).toMatchObject({
      type: "ERROR",
      object: { kind: "Status", code: 410, reason: "Expired" },
    });
    expect(await watch.ended).toEqual({ aborted: false });
  });

  it("emits DELETED when an object stops matching the label selector", async () => {
    const path = `${ENIS}?watch=true&labelSelector=cce.baidubce.com%2Feni-type%3Dbbc`;
    const watch = await openWatch(cluster.url, path);
    const initial = (await watch.until((all) => all.length > 0)).length;
    cluster.store.update("enis", "eni-ih1seearb7y8", (obj) => {
      obj.metadata.labels = { ...obj.metadata.labels, "cce.baidubce.com/eni-type": "changed" };
    });
    const events = await watch.until((all) => all.length === initial + 1);
    watch.close();
    expect(events[initial]?.type).toBe("DELETED");
  });

  it("sends bookmarks and ends at timeoutSeconds", async () => {
    const path = `${NRS}?watch=true&resourceVersion=${cluster.store.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=1`;
    const watch = await openWatch(cluster.url, path);
    const events = await watch.until((all) => all.some((event) => event.type === "BOOKMARK"));
    const bookmark = events.find((event) => event.type === "BOOKMARK");
    expect(bookmark?.object).toEqual({
      kind: "NetResourceSet",
      apiVersion: "cce.baidubce.com/v2",
      metadata: { resourceVersion: cluster.store.resourceVersion },
    });
    expect(await watch.ended).toEqual({ aborted: false });
  });

  it("wraps watch objects in one-row Tables for Table requests", async () => {
    const watch = await openWatch(
      cluster.url,
      `${NRS}?watch=true&fieldSelector=metadata.name%3D10.0.19.7`,
      TABLE_ACCEPT,
    );
    const events = await watch.until((all) => all.length === 1);
    watch.close();
    expect(events[0]?.object.kind).toBe("Table");
    expect((events[0]?.object.rows as unknown[]).length).toBe(1);
  });
});
