import { SUBNET_IDS } from "./fleet";
import type { EniPlan, MachinePlan } from "./machine";
import { ZONE_D, ZONE_F } from "./objects";
import {
  UPSTREAM_ENI,
  UPSTREAM_INSTANCE_ID,
  UPSTREAM_NODE,
  UPSTREAM_POD,
  UPSTREAM_SUBNET,
} from "./upstream";

/**
 * Names of the objects that carry each planted fault. They are the same for every seed and
 * scale because planted objects use fixed names and addresses outside the generated ranges.
 */
export const PLANTED = {
  upstream: {
    node: UPSTREAM_NODE,
    eni: UPSTREAM_ENI,
    instanceId: UPSTREAM_INSTANCE_ID,
    subnet: UPSTREAM_SUBNET,
    pod: `${UPSTREAM_POD.namespace}/${UPSTREAM_POD.name}`,
  },
  /** BBC node with 39 of 39 IPs used and a pod Pending on Insufficient cce.baidubce.com/ip. */
  bbcAtCeiling: {
    node: "10.0.17.20",
    eni: "eni-bbcceiling01",
    pendingPod: { namespace: "batch", name: "report-builder-6d8f9c7b5-kq2xz" },
    eventReason: "FailedScheduling",
  },
  /** BCC node whose 4 of 4 ENIs are full, with a pod stuck in ContainerCreating. */
  eniCapacityExceed: {
    node: "10.0.18.20",
    pod: { namespace: "shop", name: "checkout-7c9d5f6b8-w4n2p" },
    eventReason: "FailedCreatePodSandBox",
    code: "ENICapacityExceed",
  },
  /** Subnet whose availableIPNum is far below what its nodes could still claim. */
  nearExhaustedSubnet: SUBNET_IDS.zoneFTight,
  /** EBC node in the near-exhausted subnet with a ContainerCreating pod and NRS warnings. */
  subnetNoMoreIp: {
    node: "10.16.0.20",
    eni: "eni-ebctight0001",
    pod: { namespace: "search", name: "indexer-5b7d9f6c8-m2v8r" },
    eventReason: "FailedCreatePodSandBox",
    code: "SubnetNoMoreIP",
  },
  /** NetResourceSet Warning events, by reason. */
  nrsWarnings: [
    { node: "10.16.0.20", reason: "NoAvailableSubnet" },
    { node: "10.0.18.30", reason: "FailedCreateENI" },
  ],
  enis: {
    /** VPCStatus attaching, created 20 minutes ago. */
    attaching: "eni-attaching001",
    /** VPCStatus detaching. */
    detaching: "eni-detaching001",
    /** VPCStatus inuse but CCEStatus Pending for two hours. */
    ccePending: "eni-ccepending01",
    /** deletionTimestamp three hours ago with finalizer eni-syncer still present. */
    stuckDeleting: "eni-deleting0001",
    /** nodeName and owner NetResourceSet do not exist. */
    orphan: "eni-orphan000001",
    /** Seven VPC status changes in the last ten minutes. */
    flapping: "eni-flapping0001",
    /** VPC log goes inuse -> available; the ENI is available now. */
    regression: "eni-regression01",
    /** status.VPCStatus inuse while the last VPC log entry says attaching. */
    statusMismatch: "eni-mismatch0001",
    /** A VPC log entry with code failed. */
    failedChange: "eni-failedlog001",
    /** VPC log with 19 entries, the length the operator's trimming leaves. */
    truncatedLog: "eni-truncated001",
  },
  /** Nodes that carry the planted ENIs (besides the orphan). */
  eniTroubleNodes: ["10.0.18.30", "10.0.18.31"],
  orphanNode: "10.0.18.99",
  /** Pool IP marked for release in status.ipam.release-ips. */
  releasingIp: { node: "10.0.18.30", ip: "10.4.0.60" },
} as const;

/** Returns n consecutive addresses from `base` (last octet incremented). */
export function ipRange(base: string, count: number): string[] {
  const prefix = base.slice(0, base.lastIndexOf("."));
  const start = Number(base.slice(base.lastIndexOf(".") + 1));
  return Array.from({ length: count }, (_, i) => `${prefix}.${start + i}`);
}

function eni(
  id: string,
  subnetId: string,
  first: string,
  secondaries: number,
  createdMs: number,
): EniPlan {
  const [primaryIp = "", ...secondaryIps] = ipRange(first, secondaries + 1);
  return { id, subnetId, primaryIp, secondaryIps, createdMs };
}

const DAY_MS = 24 * 3600_000;
const MINUTE_MS = 60_000;

/** Plans the machines that carry planted faults; ENI logs are adjusted later in planted-enis. */
export function plantedMachines(nowMs: number): MachinePlan[] {
  const base = { maxIPsPerENI: 16, maxAllocateENI: 8, type: "bcc" as const, zone: ZONE_D };
  const eniSubnet = SUBNET_IDS.zoneDEni;
  const created = nowMs - 40 * DAY_MS;
  const bbc: MachinePlan = {
    name: PLANTED.bbcAtCeiling.node,
    instanceId: "i-Pl4ntBbc",
    type: "bbc",
    zone: ZONE_D,
    maxAllocateENI: 1,
    maxIPsPerENI: 40,
    subnetIds: [SUBNET_IDS.upstreamHost],
    enis: [
      eni(PLANTED.bbcAtCeiling.eni, SUBNET_IDS.upstreamHost, "10.0.17.20", 39, created + MINUTE_MS),
    ],
    usedCount: 39,
    createdMs: created,
  };
  const capacityFull: MachinePlan = {
    ...base,
    name: PLANTED.eniCapacityExceed.node,
    instanceId: "i-Pl4ntCap",
    maxAllocateENI: 4,
    maxIPsPerENI: 8,
    subnetIds: [eniSubnet],
    enis: [10, 20, 30, 40].map((octet, i) =>
      eni(
        `eni-capfull${String(i + 1).padStart(5, "0")}`,
        eniSubnet,
        `10.4.0.${octet}`,
        7,
        created + (i + 1) * DAY_MS,
      ),
    ),
    usedCount: 28,
    createdMs: created,
  };
  const troubleA: MachinePlan = {
    ...base,
    name: "10.0.18.30",
    instanceId: "i-Pl4ntEn1",
    subnetIds: [eniSubnet],
    enis: [
      eni("eni-healthy30001", eniSubnet, "10.4.0.50", 10, created + MINUTE_MS),
      {
        ...eni(PLANTED.enis.attaching, eniSubnet, "10.4.0.70", 0, nowMs - 20 * MINUTE_MS),
        vpcStatus: "attaching",
        cceStatus: "Pending",
      },
      {
        ...eni(PLANTED.enis.detaching, eniSubnet, "10.4.0.80", 3, created + 2 * DAY_MS),
        vpcStatus: "detaching",
      },
      {
        ...eni(PLANTED.enis.ccePending, eniSubnet, "10.4.0.90", 2, nowMs - 2 * 3600_000),
        cceStatus: "Pending",
      },
      {
        ...eni(PLANTED.enis.stuckDeleting, eniSubnet, "10.4.0.100", 2, created + 3 * DAY_MS),
        deleting: true,
      },
    ],
    usedCount: 7,
    releaseIps: { [PLANTED.releasingIp.ip]: "marked-for-release" },
    createdMs: created,
  };
  const troubleB: MachinePlan = {
    ...base,
    name: "10.0.18.31",
    instanceId: "i-Pl4ntEn2",
    subnetIds: [eniSubnet],
    enis: [
      eni(PLANTED.enis.flapping, eniSubnet, "10.4.0.110", 5, created + DAY_MS),
      {
        ...eni(PLANTED.enis.regression, eniSubnet, "10.4.0.120", 2, created + DAY_MS),
        vpcStatus: "available",
      },
      eni(PLANTED.enis.statusMismatch, eniSubnet, "10.4.0.130", 3, created + 2 * DAY_MS),
      eni(PLANTED.enis.failedChange, eniSubnet, "10.4.0.140", 3, created + 2 * DAY_MS),
      eni(PLANTED.enis.truncatedLog, eniSubnet, "10.4.0.150", 3, created + 5 * DAY_MS),
    ],
    usedCount: 9,
    createdMs: created,
  };
  const tight: MachinePlan = {
    name: PLANTED.subnetNoMoreIp.node,
    instanceId: "i-Pl4ntEbc",
    type: "ebc",
    zone: ZONE_F,
    maxAllocateENI: 0,
    maxIPsPerENI: 40,
    subnetIds: [SUBNET_IDS.zoneFTight],
    availableSubnetIds: [],
    enis: [
      eni(PLANTED.subnetNoMoreIp.eni, SUBNET_IDS.zoneFTight, "10.16.0.20", 24, created + MINUTE_MS),
    ],
    usedCount: 24,
    createdMs: created,
  };
  return [bbc, capacityFull, troubleA, troubleB, tight];
}

/** Every node name whose state churn must leave alone so the planted cases stay intact. */
export function plantedNodeNames(): Set<string> {
  return new Set([
    PLANTED.upstream.node,
    PLANTED.bbcAtCeiling.node,
    PLANTED.eniCapacityExceed.node,
    PLANTED.subnetNoMoreIp.node,
    ...PLANTED.eniTroubleNodes,
  ]);
}
