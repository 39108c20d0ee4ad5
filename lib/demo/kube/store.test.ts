import { describe, expect, it } from "vitest";

import { ObjectStore } from "./store";
import type { KubeObject, StoreEvent } from "./types";

function nrs(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "NetResourceSet",
    metadata: { name },
    ...extra,
  };
}

describe("ObjectStore", () => {
  it("stamps increasing resourceVersions, uid and creationTimestamp", () => {
    const store = new ObjectStore();
    const a = store.upsert(nrs("a"));
    const b = store.upsert(nrs("b"));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(store.resourceVersion).toBe(b.metadata.resourceVersion);
  });

  it("keeps uid across updates and does not mutate the stored object", () => {
    const store = new ObjectStore();
    const first = store.upsert(nrs("a", { spec: { x: 1 } }));
    const second = store.update("netresourcesets", "a", (obj) => {
      (obj.spec as { x: number }).x = 2;
    });
    expect(second.metadata.uid).toBe(first.metadata.uid);
    expect((first.spec as { x: number }).x).toBe(1);
    expect((store.get("netresourcesets", "a")?.spec as { x: number }).x).toBe(2);
  });

  it("notifies subscribers with ADDED, MODIFIED and DELETED", () => {
    const store = new ObjectStore();
    const seen: StoreEvent[] = [];
    store.subscribe((event) => seen.push(event));
    store.upsert(nrs("a"));
    store.upsert(nrs("a"));
    store.remove("netresourcesets", "a");
    expect(seen.map((event) => event.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    expect(seen[1]?.previous?.metadata.name).toBe("a");
    expect(store.get("netresourcesets", "a")).toBeUndefined();
  });

  it("lists sorted by namespace and name, filtered by namespace", () => {
    const store = new ObjectStore();
    for (const [ns, name] of [
      ["b", "x"],
      ["a", "y"],
      ["a", "b"],
    ]) {
      store.upsert({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: name ?? "", namespace: ns },
      });
    }
    expect(
      store.list("pods").map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`),
    ).toEqual(["a/b", "a/y", "b/x"]);
    expect(store.list("pods", "b")).toHaveLength(1);
  });

  it("reports expired history beyond the window", () => {
    const store = new ObjectStore({ historyWindow: 3 });
    for (const name of ["a", "b", "c", "d", "e"]) store.upsert(nrs(name));
    expect(store.eventsSince(1)).toBe("expired");
    const recent = store.eventsSince(2);
    expect(recent).not.toBe("expired");
    expect((recent as StoreEvent[]).map((event) => event.object.metadata.name)).toEqual([
      "c",
      "d",
      "e",
    ]);
  });

  it("compact expires every earlier version", () => {
    const store = new ObjectStore();
    store.upsert(nrs("a"));
    const version = Number(store.resourceVersion);
    store.upsert(nrs("b"));
    store.compact();
    expect(store.eventsSince(version)).toBe("expired");
    expect(store.eventsSince(Number(store.resourceVersion))).toEqual([]);
  });

  it("rejects objects of unknown kind", () => {
    const store = new ObjectStore();
    expect(() => store.upsert({ kind: "Deployment", metadata: { name: "x" } })).toThrow(
      /unknown kind/,
    );
  });
});
