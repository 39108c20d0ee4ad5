import { describe, expect, it } from "vitest";

import { ObjectStore } from "../kube/store";
import type { KubeObject } from "../kube/types";
import { churnStep, newChurnState } from "./churn";
import { cidrContains } from "./ipv4";
import { PLANTED } from "./planted";
import { buildScenario } from "./scenario";

const NOW = Date.parse("2026-01-15T12:00:00Z");
const objects = buildScenario({ seed: 7, now: NOW });
const byKind = (kind: string) => objects.filter((obj) => obj.kind === kind);
const named = (kind: string, name: string) =>
  byKind(kind).find((obj) => obj.metadata.name === name);

type IpMap = Record<string, { owner?: string; resource?: string; subnetID?: string }>;
const pool = (nrs: KubeObject) => (nrs.spec as { ipam: { pool?: IpMap } }).ipam.pool ?? {};
const used = (nrs: KubeObject) => (nrs.status as { ipam: { used?: IpMap } }).ipam.used ?? {};

function checkPoolInvariants(all: KubeObject[]): void {
  const subnets = new Map(
    all
      .filter((o) => o.kind === "Subnet")
      .map((s) => [s.metadata.name, (s.spec as { cidr: string }).cidr]),
  );
  const seen = new Set<string>();
  for (const nrs of all.filter((o) => o.kind === "NetResourceSet")) {
    for (const ip of Object.keys(used(nrs)))
      expect(pool(nrs), `${nrs.metadata.name} uses ${ip}`).toHaveProperty([ip]);
    for (const [ip, entry] of Object.entries(pool(nrs))) {
      expect(seen.has(ip), `${ip} pooled twice`).toBe(false);
      seen.add(ip);
      const cidr = subnets.get(entry.subnetID ?? "");
      expect(cidr, `${ip} names unknown subnet ${entry.subnetID}`).toBeDefined();
      expect(cidrContains(cidr ?? "", ip), `${ip} outside ${entry.subnetID}`).toBe(true);
    }
  }
}

describe("buildScenario", () => {
  it("is deterministic for a seed and time", () => {
    expect(buildScenario({ seed: 7, now: NOW })).toEqual(objects);
    expect(buildScenario({ seed: 8, now: NOW })).not.toEqual(objects);
  });

  it("has at least 60 nodes, each with a NetResourceSet", () => {
    const nodes = byKind("Node");
    expect(nodes.length).toBeGreaterThanOrEqual(60);
    for (const node of nodes) expect(named("NetResourceSet", node.metadata.name)).toBeDefined();
  });

  it("keeps used inside pool, IPs unique and inside subnet CIDRs", () => {
    checkPoolInvariants(objects);
  });

  it("keeps ENI IPs unique across all ENIs", () => {
    const ips = byKind("ENI").flatMap((eni) =>
      (eni.spec as { privateIPSet: Array<{ privateIPAddress: string }> }).privateIPSet.map(
        (ip) => ip.privateIPAddress,
      ),
    );
    expect(new Set(ips).size).toBe(ips.length);
  });

  it("links Node, NetResourceSet and ENI by owner uid", () => {
    for (const eni of byKind("ENI")) {
      if (eni.metadata.name === PLANTED.enis.orphan) continue;
      const owner = eni.metadata.ownerReferences?.[0];
      const nrs = named("NetResourceSet", owner?.name ?? "");
      expect(owner?.uid, eni.metadata.name).toBe(nrs?.metadata.uid);
      const nodeRef = nrs?.metadata.ownerReferences?.[0];
      expect(nodeRef?.uid).toBe(named("Node", nodeRef?.name ?? "")?.metadata.uid);
    }
  });

  it("respects the CRD enums", () => {
    for (const nrs of byKind("NetResourceSet")) {
      expect(["Secondary", "Primary"]).toContain(
        (nrs.spec as { eni: { useMode: string } }).eni.useMode,
      );
    }
    for (const eni of byKind("ENI")) {
      const status = eni.status as Record<string, Array<{ code: string }>>;
      const log = [...(status.CCEStatusChangeLog ?? []), ...(status.VPCStatusChangeLog ?? [])];
      for (const entry of log) expect(["ok", "failed"]).toContain(entry.code);
      expect((status.VPCStatusChangeLog ?? []).length).toBeLessThanOrEqual(20);
    }
  });

  it("sets Node capacity cce.baidubce.com/ip to the pool size", () => {
    for (const nrs of byKind("NetResourceSet")) {
      const node = named("Node", nrs.metadata.name);
      const capacity = (node?.status as { capacity: Record<string, string> }).capacity;
      expect(capacity["cce.baidubce.com/ip"], nrs.metadata.name).toBe(
        String(Object.keys(pool(nrs)).length),
      );
    }
  });
});

describe("planted cases", () => {
  const eni = (name: string) => {
    const found = named("ENI", name);
    if (!found) throw new Error(`ENI ${name} missing`);
    return found as KubeObject & { status: Record<string, unknown> };
  };
  const vpcLog = (name: string) =>
    eni(name).status.VPCStatusChangeLog as Array<{ VPCStatus: string; code: string; time: string }>;

  it("includes the upstream objects verbatim", () => {
    const nrs = named("NetResourceSet", PLANTED.upstream.node);
    expect((nrs?.spec as Record<string, unknown>)["instance-id"]).toBe("i-1SvcOgBl");
    expect(eni(PLANTED.upstream.eni).spec).toMatchObject({
      name: "eth0",
      useMode: "PrimaryWithSecondaryIP",
    });
    expect(named("Subnet", PLANTED.upstream.subnet)?.spec).toMatchObject({
      availabilityZone: "cn-bj-d",
    });
    expect(named("Pod", "nfd-worker-f244k")?.status).toMatchObject({ phase: "Running" });
  });

  it("has ENIs attaching, detaching and CCE-pending", () => {
    expect(eni(PLANTED.enis.attaching).status.VPCStatus).toBe("attaching");
    expect(NOW - Date.parse(eni(PLANTED.enis.attaching).metadata.creationTimestamp ?? "")).toBe(
      20 * 60_000,
    );
    expect(eni(PLANTED.enis.detaching).status.VPCStatus).toBe("detaching");
    expect(eni(PLANTED.enis.ccePending).status.CCEStatus).toBe("Pending");
  });

  it("has a stuck deletion and an orphan", () => {
    const deleting = eni(PLANTED.enis.stuckDeleting).metadata;
    expect(deleting.finalizers).toContain("eni-syncer");
    expect(NOW - Date.parse(deleting.deletionTimestamp ?? "")).toBeGreaterThan(3600_000);
    const orphan = eni(PLANTED.enis.orphan);
    expect(named("NetResourceSet", PLANTED.orphanNode)).toBeUndefined();
    expect((orphan.spec as { nodeName: string }).nodeName).toBe(PLANTED.orphanNode);
  });

  it("has changelog anomalies", () => {
    const recent = vpcLog(PLANTED.enis.flapping).filter(
      (e) => NOW - Date.parse(e.time) <= 10 * 60_000,
    );
    expect(recent.length).toBeGreaterThanOrEqual(6);
    const regression = vpcLog(PLANTED.enis.regression).map((e) => e.VPCStatus);
    expect(regression.slice(-2)).toEqual(["inuse", "available"]);
    const mismatch = eni(PLANTED.enis.statusMismatch);
    expect(vpcLog(PLANTED.enis.statusMismatch).at(-1)?.VPCStatus).not.toBe(
      mismatch.status.VPCStatus,
    );
    expect(vpcLog(PLANTED.enis.failedChange).some((e) => e.code === "failed")).toBe(true);
    expect(vpcLog(PLANTED.enis.truncatedLog)).toHaveLength(19);
  });

  it("marks a pool IP for release", () => {
    const nrs = named("NetResourceSet", PLANTED.releasingIp.node);
    const release = (nrs?.status as { ipam: { "release-ips": Record<string, string> } }).ipam[
      "release-ips"
    ];
    expect(release[PLANTED.releasingIp.ip]).toBe("marked-for-release");
    expect(pool(nrs as KubeObject)).toHaveProperty([PLANTED.releasingIp.ip]);
    expect(used(nrs as KubeObject)).not.toHaveProperty([PLANTED.releasingIp.ip]);
  });

  it("has a full BBC node with a Pending pod and its FailedScheduling event", () => {
    const nrs = named("NetResourceSet", PLANTED.bbcAtCeiling.node) as KubeObject;
    expect(Object.keys(used(nrs))).toHaveLength(39);
    expect(Object.keys(pool(nrs))).toHaveLength(39);
    const pod = named("Pod", PLANTED.bbcAtCeiling.pendingPod.name);
    expect(JSON.stringify(pod?.status)).toContain("Insufficient cce.baidubce.com/ip");
    const event = byKind("Event").find(
      (e) => (e.involvedObject as { name: string }).name === pod?.metadata.name,
    );
    expect(event?.reason).toBe("FailedScheduling");
  });

  it("has ContainerCreating pods with ENICapacityExceed and SubnetNoMoreIP events", () => {
    for (const planted of [PLANTED.eniCapacityExceed, PLANTED.subnetNoMoreIp]) {
      const pod = named("Pod", planted.pod.name);
      expect((pod?.spec as { nodeName: string }).nodeName).toBe(planted.node);
      const event = byKind("Event").find(
        (e) => (e.involvedObject as { name: string }).name === planted.pod.name,
      );
      expect(event?.message).toContain(`code: ${planted.code}`);
    }
  });

  it("has a near-exhausted subnet and NetResourceSet warnings", () => {
    const subnet = named("Subnet", PLANTED.nearExhaustedSubnet);
    const available = (subnet?.status as { availableIPNum: number }).availableIPNum;
    const headroom = byKind("NetResourceSet")
      .filter((nrs) =>
        (nrs.spec as { eni: { "subnet-ids": string[] } }).eni["subnet-ids"]?.includes(
          PLANTED.nearExhaustedSubnet,
        ),
      )
      .reduce((sum, nrs) => sum + 39 - Object.keys(used(nrs)).length, 0);
    expect(available * 3).toBeLessThan(headroom);
    for (const { node, reason } of PLANTED.nrsWarnings) {
      const event = byKind("Event").find(
        (e) =>
          e.reason === reason && (e.involvedObject as { kind: string; name: string }).name === node,
      );
      expect(event?.type, reason).toBe("Warning");
      expect((event?.involvedObject as { kind: string }).kind).toBe("NetResourceSet");
    }
  });
});

describe("churn", () => {
  it("keeps the pool invariants over many steps", () => {
    const store = new ObjectStore();
    for (const obj of buildScenario({ seed: 3, scale: 20, now: NOW })) store.upsert(obj);
    const state = newChurnState(3);
    const before = store.resourceVersion;
    for (let step = 0; step < 300; step++) churnStep(store, state, NOW + step * 3000);
    expect(Number(store.resourceVersion)).toBeGreaterThan(Number(before) + 300);
    const all = ["subnets", "netresourcesets"].flatMap((resource) => store.list(resource));
    checkPoolInvariants(all);
    for (const eni of store.list("enis")) {
      expect(
        (eni.status as { VPCStatusChangeLog: unknown[] }).VPCStatusChangeLog.length,
      ).toBeLessThanOrEqual(20);
    }
  });
});
