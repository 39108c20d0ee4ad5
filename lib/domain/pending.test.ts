import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";

import { INSUFFICIENT_IP, type NodeFigures } from "./decode";
import { findPendingPods, groupPendingPods, type PendingInput } from "./pending";
import { summarizeNode } from "./pool";
import type { EniRecord } from "./records";
import { scenarioRecords } from "./triage-fixture";

const records = scenarioRecords();

function input(): PendingInput {
  const enisByNode = new Map<string, EniRecord[]>();
  for (const eni of records.enis.values()) {
    enisByNode.set(eni.node, [...(enisByNode.get(eni.node) ?? []), eni]);
  }
  const figures = new Map<string, NodeFigures>();
  for (const node of records.nodes.values()) {
    const kube = records.kubeNodes.get(node.name) ?? null;
    figures.set(node.name, summarizeNode(node, enisByNode.get(node.name) ?? [], kube));
  }
  return {
    pods: records.pods.values(),
    events: records.events.values(),
    nodes: records.nodes,
    figures,
    enisByNode,
    subnets: records.subnets,
  };
}

function pod(name: string) {
  const found = findPendingPods(input()).find((p) => p.name === name);
  if (!found) throw new Error(`pod ${name} not reported as waiting for an IP`);
  return found;
}

describe("pods waiting for an IP", () => {
  it("reports the three planted pods", () => {
    const names = findPendingPods(input()).map((p) => p.name);
    expect(names.sort()).toEqual(
      [
        PLANTED.bbcAtCeiling.pendingPod.name,
        PLANTED.eniCapacityExceed.pod.name,
        PLANTED.subnetNoMoreIp.pod.name,
      ].sort(),
    );
  });

  it("lists candidate nodes for an unscheduled pod", () => {
    const withoutPin = { ...input() };
    withoutPin.pods = [...records.pods.values()].map((p) => ({ ...p, pinnedNode: null }));
    const hungry = findPendingPods(withoutPin).find(
      (p) => p.name === PLANTED.bbcAtCeiling.pendingPod.name,
    );
    expect(hungry?.code).toBe(INSUFFICIENT_IP);
    expect(hungry?.node).toBeNull();
    expect(hungry?.candidateNodes).toContain(PLANTED.bbcAtCeiling.node);
  });

  it("uses the node the pod is pinned to", () => {
    const hungry = pod(PLANTED.bbcAtCeiling.pendingPod.name);
    expect(hungry.node).toBe(PLANTED.bbcAtCeiling.node);
    expect(hungry.decoded.cause).toMatch(/39 of 39 IPs used/);
  });

  it("decodes the sandbox code against the node", () => {
    const stuck = pod(PLANTED.eniCapacityExceed.pod.name);
    expect(stuck.code).toBe("ENICapacityExceed");
    expect(stuck.node).toBe(PLANTED.eniCapacityExceed.node);
    expect(stuck.decoded.cause).toMatch(/at its ceiling/);
    expect(stuck.eventCount).toBe(31);
  });

  it("names the short subnet", () => {
    const starved = pod(PLANTED.subnetNoMoreIp.pod.name);
    expect(starved.code).toBe("SubnetNoMoreIP");
    expect(starved.subnet).toBe(PLANTED.nearExhaustedSubnet);
  });

  it("groups by node with the unknown node last", () => {
    const unpinned = { ...input() };
    unpinned.pods = [...records.pods.values()].map((p) => ({ ...p, pinnedNode: null }));
    const groups = groupPendingPods(findPendingPods(unpinned));
    expect(groups).toHaveLength(3);
    expect(groups[groups.length - 1]?.node).toBeNull();
  });
});
