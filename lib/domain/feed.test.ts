import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";

import {
  type ChangeDraft,
  changelogDrafts,
  diffEni,
  diffNode,
  eventDraft,
  MemoryChangeStore,
  SUMMARY_MESSAGE_LIMIT,
} from "./feed";
import type { EniRecord, NodeRecord } from "./records";
import { scenarioRecords } from "./triage-fixture";

const records = scenarioRecords();
const TIME = "2025-06-01T12:05:00.000Z";

function node(name: string): NodeRecord {
  const found = records.nodes.get(name);
  if (!found) throw new Error(`node ${name} missing from the scenario`);
  return found;
}

function eni(name: string): EniRecord {
  const found = records.enis.get(name);
  if (!found) throw new Error(`ENI ${name} missing from the scenario`);
  return found;
}

function draft(time: string, extra: Partial<ChangeDraft> = {}): ChangeDraft {
  return {
    time,
    kind: "event",
    origin: "event",
    node: null,
    eni: null,
    subnet: null,
    ip: null,
    pod: null,
    level: null,
    summary: "x",
    ...extra,
  };
}

describe("feed diffing", () => {
  it("reports an IP assigned to a pod", () => {
    const before = node(PLANTED.upstream.node);
    const used = new Map(before.used);
    used.set("10.0.19.11", { owner: "test/web-1", eni: PLANTED.upstream.eni, subnetId: "sbn-a" });
    const drafts = diffNode(before, { ...before, used }, TIME);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: "ip-assigned", ip: "10.0.19.11", pod: "test/web-1" });
    expect(drafts[0]?.node).toBe(PLANTED.upstream.node);
  });

  it("reports an IP released and a pool IP removed", () => {
    const before = node(PLANTED.upstream.node);
    const used = new Map(before.used);
    used.delete("10.0.19.10");
    const pool = new Map(before.pool);
    pool.delete("10.0.19.10");
    const kinds = diffNode(before, { ...before, used, pool }, TIME).map((d) => d.kind);
    expect(kinds.sort()).toEqual(["ip-released", "pool-ip-removed"]);
  });

  it("reports a pool IP added", () => {
    const before = node(PLANTED.upstream.node);
    const pool = new Map(before.pool);
    pool.set("10.0.19.50", { owner: null, eni: PLANTED.upstream.eni, subnetId: "sbn-a" });
    const drafts = diffNode(before, { ...before, pool }, TIME);
    expect(drafts.map((d) => d.kind)).toEqual(["pool-ip-added"]);
    expect(drafts[0]?.subnet).toBe("sbn-a");
  });

  it("reports nodes appearing and going away", () => {
    const record = node(PLANTED.upstream.node);
    expect(diffNode(null, record, TIME)[0]?.kind).toBe("node-added");
    expect(diffNode(record, null, TIME)[0]?.kind).toBe("node-removed");
  });

  it("reports an ENI status change once", () => {
    const before = eni(PLANTED.enis.attaching);
    const drafts = diffEni(before, { ...before, vpcStatus: "inuse" }, TIME);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: "eni-status", eni: PLANTED.enis.attaching });
    expect(drafts[0]?.summary).toContain("VPC status inuse");
  });

  it("reports ENIs appearing and going away", () => {
    const record = eni(PLANTED.enis.orphan);
    expect(diffEni(null, record, TIME)[0]?.kind).toBe("eni-added");
    expect(diffEni(record, null, TIME)[0]?.kind).toBe("eni-removed");
  });

  it("seeds entries from changelogs with the failed level", () => {
    const record = eni(PLANTED.enis.failedChange);
    const drafts = changelogDrafts(record);
    expect(drafts.length).toBe(record.vpcLog.length + record.cceLog.length);
    expect(drafts.filter((d) => d.level === "failed")).toHaveLength(1);
  });

  it("maps a pod event to the pod's node", () => {
    const event = [...records.events.values()].find(
      (e) => e.objectName === PLANTED.eniCapacityExceed.pod.name,
    );
    if (!event) throw new Error("planted sandbox event missing");
    const entry = eventDraft(event, () => PLANTED.eniCapacityExceed.node);
    expect(entry?.node).toBe(PLANTED.eniCapacityExceed.node);
    expect(entry?.summary).toContain("ENICapacityExceed");
    expect(entry?.level).toBe("Warning");
  });

  it("clips a huge event message", () => {
    const event = [...records.events.values()][0];
    if (!event) throw new Error("no demo event");
    const entry = eventDraft({ ...event, message: "A".repeat(1_000_000) });
    expect(entry?.summary.length).toBeLessThan(SUMMARY_MESSAGE_LIMIT + 200);
    expect(entry?.summary).toContain("A".repeat(SUMMARY_MESSAGE_LIMIT));
  });
});

describe("memory change store", () => {
  it("answers newest first", () => {
    const store = new MemoryChangeStore();
    store.append([draft("2025-06-01T10:00:00Z"), draft("2025-06-01T12:00:00Z")]);
    store.append([draft("2025-06-01T11:00:00Z")]);
    const times = store.query({}).items.map((e) => e.time);
    expect(times).toEqual([
      "2025-06-01T12:00:00.000Z",
      "2025-06-01T11:00:00.000Z",
      "2025-06-01T10:00:00.000Z",
    ]);
  });

  it("drops the oldest entries past its bound", () => {
    const store = new MemoryChangeStore(2);
    store.append([draft("2025-06-01T12:00:00Z"), draft("2025-06-01T10:00:00Z")]);
    store.append([draft("2025-06-01T11:00:00Z")]);
    expect(store.size()).toBe(2);
    expect(store.query({}).items.map((e) => e.time)).not.toContain("2025-06-01T10:00:00.000Z");
  });

  it("filters by node, kind and time range", () => {
    const store = new MemoryChangeStore();
    store.append([
      draft("2025-06-01T10:00:00Z", { node: "a", kind: "ip-assigned" }),
      draft("2025-06-01T11:00:00Z", { node: "a", kind: "event" }),
      draft("2025-06-01T12:00:00Z", { node: "b", kind: "ip-assigned" }),
    ]);
    expect(store.query({ node: "a" }).matched).toBe(2);
    expect(store.query({ kinds: ["ip-assigned"] }).matched).toBe(2);
    const ranged = store.query({ since: "2025-06-01T10:30:00Z", until: "2025-06-01T11:30:00Z" });
    expect(ranged.items.map((e) => e.kind)).toEqual(["event"]);
  });

  it("counts matches beyond the limit", () => {
    const store = new MemoryChangeStore();
    store.append(Array.from({ length: 5 }, (_, i) => draft(`2025-06-01T1${i}:00:00Z`)));
    const page = store.query({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.matched).toBe(5);
  });
});
