import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";

import { buildSearchIndex, searchIndex, updateSearchIndex } from "./search";
import { scenarioRecords } from "./triage-fixture";

const records = scenarioRecords();
const index = buildSearchIndex({
  nodes: records.nodes.values(),
  enis: records.enis.values(),
  subnets: records.subnets.values(),
  pods: records.pods.values(),
});

describe("search index", () => {
  it("finds an IP with node, ENI, subnet and owner", () => {
    const result = searchIndex(index, "10.0.19.10");
    expect(result.mode).toBe("exact");
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]?.ip).toMatchObject({
      node: PLANTED.upstream.node,
      eni: PLANTED.upstream.eni,
      subnet: PLANTED.upstream.subnet,
      owner: PLANTED.upstream.pod,
      state: "used",
    });
    expect(result.matches[0]?.href).toBe(`/nodes/${PLANTED.upstream.node}?ip=10.0.19.10`);
  });

  it("marks a releasing IP", () => {
    const match = searchIndex(index, PLANTED.releasingIp.ip).matches[0];
    expect(match?.ip?.state).toBe("releasing");
    expect(match?.ip?.releaseState).toBe("marked-for-release");
  });

  it("finds an ENI primary IP outside the pool", () => {
    const match = searchIndex(index, "10.4.0.70").matches[0];
    expect(match?.ip?.state).toBe("unpooled");
    expect(match?.ip?.eni).toBe(PLANTED.enis.attaching);
  });

  it("finds a pod by namespace/name and by name", () => {
    expect(searchIndex(index, PLANTED.upstream.pod).matches[0]?.kind).toBe("pod");
    const byName = searchIndex(index, "nfd-worker-f244k").matches[0];
    expect(byName?.href).toBe(`/nodes/${PLANTED.upstream.node}?ip=10.0.19.10`);
  });

  it("finds a pending pod by name", () => {
    const match = searchIndex(index, PLANTED.bbcAtCeiling.pendingPod.name).matches[0];
    expect(match?.href).toBe("/pods?pod=batch%2Freport-builder-6d8f9c7b5-kq2xz");
  });

  it("finds node, instance, ENI, subnet and MAC", () => {
    expect(searchIndex(index, PLANTED.upstream.node).matches[0]?.kind).toBe("node");
    expect(searchIndex(index, PLANTED.upstream.instanceId).matches[0]?.kind).toBe("instance");
    expect(searchIndex(index, PLANTED.enis.orphan).matches[0]?.href).toBe(
      `/enis/${PLANTED.enis.orphan}`,
    );
    expect(searchIndex(index, PLANTED.upstream.subnet).matches[0]?.kind).toBe("subnet");
    expect(searchIndex(index, "FA:27:0C:91:3E:A4").matches[0]?.kind).toBe("mac");
  });

  it("falls back to substring matches", () => {
    const result = searchIndex(index, "eni-flapp");
    expect(result.mode).toBe("partial");
    expect(result.matches.map((m) => m.key)).toContain(PLANTED.enis.flapping);
  });

  it("finds IPs by prefix", () => {
    const result = searchIndex(index, "10.0.19.");
    expect(result.matches.some((m) => m.key === "10.0.19.10")).toBe(true);
  });

  it("returns nothing for an unknown value", () => {
    expect(searchIndex(index, "no-such-thing").mode).toBe("none");
    expect(searchIndex(index, "  ").matches).toEqual([]);
  });

  it("re-indexes only replaced records", () => {
    const input = () => ({
      nodes: nodes.values(),
      enis: records.enis.values(),
      subnets: records.subnets.values(),
      pods: records.pods.values(),
    });
    const nodes = new Map(records.nodes);
    const own = updateSearchIndex(null, input());
    const upstream = nodes.get(PLANTED.upstream.node);
    if (!upstream) throw new Error("upstream node missing");
    const used = new Map(upstream.used);
    used.delete("10.0.19.10");
    used.set("10.0.19.11", { owner: "test/moved", eni: PLANTED.upstream.eni, subnetId: null });
    nodes.set(upstream.name, { ...upstream, used });
    updateSearchIndex(own, input());
    expect(searchIndex(own, "10.0.19.10").matches[0]?.ip?.state).toBe("free");
    expect(searchIndex(own, "test/moved").matches[0]?.detail).toContain("10.0.19.11");
    const owner = searchIndex(own, PLANTED.upstream.pod).matches;
    expect(owner.some((match) => match.detail.includes("10.0.19.10"))).toBe(false);
    nodes.delete(upstream.name);
    updateSearchIndex(own, input());
    expect(searchIndex(own, PLANTED.upstream.instanceId).mode).toBe("none");
  });
});
