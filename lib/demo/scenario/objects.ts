import { toKubeTime } from "../kube/store";
import type { KubeObject } from "../kube/types";
import type { Rng } from "./random";

export const CLUSTER_ID = "cce-z85m1xdk";
export const VPC_ID = "vpc-w829y8wpni8i";
export const SECURITY_GROUP = "g-qd9rkr5y1zjv";
export const CCE_ENI_DESCRIPTION = "auto created by cce-cni, do not modify";
export const ENI_FINALIZER = "eni-syncer";
/** The ENI changelogs hold at most this many entries (CRD maxItems). */
export const CHANGELOG_MAX = 20;

export interface Zone {
  /** Full zone name as ENI spec.zoneName and Subnet spec.availabilityZone use it. */
  name: string;
  /** CCE short form as NRS spec.eni.availability-zone uses it. */
  short: string;
}

export const ZONE_D: Zone = { name: "cn-bj-d", short: "zoneD" };
export const ZONE_F: Zone = { name: "cn-bj-f", short: "zoneF" };

/** One entry of ENI status.CCEStatusChangeLog or status.VPCStatusChangeLog. */
export interface StatusChange {
  code: "ok" | "failed";
  message?: string;
  time: string;
  CCEStatus?: string;
  VPCStatus?: string;
}

export function kubeTime(ms: number): string {
  return toKubeTime(new Date(ms));
}

/** Appends a changelog entry the way the operator does: at 20 entries it keeps [1:19] first. */
export function appendChange(log: StatusChange[], entry: StatusChange): StatusChange[] {
  const kept = log.length >= CHANGELOG_MAX ? log.slice(1, CHANGELOG_MAX - 1) : [...log];
  kept.push(entry);
  return kept;
}

export function vpcChange(
  status: string,
  atMs: number,
  code: "ok" | "failed" = "ok",
): StatusChange {
  return { VPCStatus: status, code, time: kubeTime(atMs) };
}

export function cceChange(status: string, atMs: number): StatusChange {
  return { CCEStatus: status, code: "ok", time: kubeTime(atMs) };
}

const NAMESPACES = ["default", "kube-system", "shop", "payments", "search", "monitoring", "batch"];
const APPS = ["api", "web", "worker", "cart", "checkout", "indexer", "ingest", "cache", "gateway"];

export function namespaceNames(): string[] {
  return NAMESPACES;
}

/** Returns a "namespace/pod" owner as the agent writes it into status.ipam.used. */
export function podOwner(rng: Rng): string {
  const app = rng.pick(APPS);
  return `${rng.pick(NAMESPACES)}/${app}-${rng.hex(9)}-${rng.lowerAlnum(5)}`;
}

export function macAddress(rng: Rng): string {
  const bytes = Array.from({ length: 5 }, () => rng.hex(2));
  return `fa:${bytes.join(":")}`;
}

export function namespaceObject(name: string, uid: string, createdMs: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      uid,
      creationTimestamp: kubeTime(createdMs),
      labels: { "kubernetes.io/metadata.name": name },
    },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}

export interface SubnetPlan {
  id: string;
  cidr: string;
  zone: Zone;
  availableIPNum: number;
  createdMs: number;
  uid: string;
}

export function subnetObject(plan: SubnetPlan): KubeObject {
  return {
    apiVersion: "cce.baidubce.com/v1",
    kind: "Subnet",
    metadata: {
      name: plan.id,
      uid: plan.uid,
      creationTimestamp: kubeTime(plan.createdMs),
      labels: { "cce.baidubce.com/vpc-id": VPC_ID },
    },
    spec: {
      id: plan.id,
      name: `${CLUSTER_ID}-${plan.zone.short}-${plan.id.slice(-4)}`,
      availabilityZone: plan.zone.name,
      cidr: plan.cidr,
      vpcId: VPC_ID,
      exclusive: false,
    },
    status: {
      availableIPNum: plan.availableIPNum,
      enable: true,
      hasNoMoreIP: plan.availableIPNum === 0,
    },
  };
}

export interface EventPlan {
  namespace: string;
  involved: { kind: string; name: string; namespace?: string; uid?: string; apiVersion: string };
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  component: string;
  host?: string;
  firstMs: number;
  lastMs: number;
  count: number;
}

export function eventObject(plan: EventPlan, rng: Rng): KubeObject {
  const source: Record<string, string> = { component: plan.component };
  if (plan.host) source.host = plan.host;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: {
      name: `${plan.involved.name}.${rng.hex(16)}`,
      namespace: plan.namespace,
      uid: rng.uuid(),
      creationTimestamp: kubeTime(plan.firstMs),
    },
    involvedObject: plan.involved,
    reason: plan.reason,
    message: plan.message,
    source,
    firstTimestamp: kubeTime(plan.firstMs),
    lastTimestamp: kubeTime(plan.lastMs),
    count: plan.count,
    type: plan.type,
    eventTime: null,
    reportingComponent: plan.component,
    reportingInstance: plan.host ?? "",
  };
}
