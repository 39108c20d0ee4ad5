/**
 * Conversion of raw Kubernetes objects into typed records, one function per kind. Unknown fields
 * are ignored; an object whose known fields have the wrong type is rejected with a message that
 * names the field, so the cache can skip it and count it instead of crashing.
 */
import { z } from "zod";

import type {
  AllocationIp,
  EniRecord,
  EventRecord,
  KubeNodeRecord,
  NodeRecord,
  PodRecord,
  PrivateIp,
  StatusChange,
  StatusSource,
  SubnetRecord,
} from "./records";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const str = z.string();
const optStr = z.string().nullish();
const count = z.number().int().nonnegative().nullish();
const stringMap = z.record(z.string(), z.string()).nullish();

const metadata = z.object({
  name: z.string().min(1),
  namespace: optStr,
  uid: optStr,
  resourceVersion: optStr,
  creationTimestamp: optStr,
  deletionTimestamp: optStr,
  labels: stringMap,
  annotations: stringMap,
  finalizers: z.array(str).nullish(),
  ownerReferences: z.array(z.object({ kind: optStr, name: optStr })).nullish(),
});

const allocationIp = z.object({ owner: optStr, resource: optStr, subnetID: optStr }).nullish();
const ipMap = z.record(z.string(), allocationIp).nullish();

const nrsSchema = z.object({
  metadata,
  spec: z
    .object({
      "instance-id": optStr,
      eni: z
        .object({
          useMode: optStr,
          "instance-type": optStr,
          "availability-zone": optStr,
          "vpc-id": optStr,
          maxAllocateENI: count,
          maxIPsPerENI: count,
          preAllocateENI: count,
          burstableMehrfachENI: z.number().int().nullish(),
          "subnet-ids": z.array(str).nullish(),
        })
        .nullish(),
      ipam: z
        .object({
          pool: ipMap,
          "min-allocate": count,
          "max-allocate": count,
          "pre-allocate": count,
          "max-above-watermark": count,
        })
        .nullish(),
    })
    .nullish(),
  status: z
    .object({
      ipam: z
        .object({
          used: ipMap,
          "release-ips": stringMap,
          "available-subnet-ids": z.array(str).nullish(),
          "operator-status": z.object({ error: optStr }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

const privateIp = z.object({
  privateIPAddress: str,
  primary: z.boolean().nullish(),
  subnetID: optStr,
});

const statusChange = z.object({
  code: optStr,
  message: optStr,
  time: optStr,
  CCEStatus: optStr,
  VPCStatus: optStr,
});

const eniSchema = z.object({
  metadata,
  spec: z.object({
    id: optStr,
    nodeName: str,
    instanceID: optStr,
    type: optStr,
    useMode: optStr,
    description: optStr,
    macAddress: optStr,
    vpcID: optStr,
    subnetID: optStr,
    zoneName: optStr,
    privateIPSet: z.array(privateIp).nullish(),
    ipv6PrivateIPSet: z.array(privateIp).nullish(),
    borrowIPCount: z.number().int().nullish(),
  }),
  status: z
    .object({
      CCEStatus: optStr,
      VPCStatus: optStr,
      CCEStatusChangeLog: z.array(statusChange).nullish(),
      VPCStatusChangeLog: z.array(statusChange).nullish(),
      interfaceName: optStr,
      interfaceIndex: z.number().int().nullish(),
    })
    .nullish(),
});

const subnetSchema = z.object({
  metadata,
  spec: z
    .object({
      id: optStr,
      name: optStr,
      availabilityZone: optStr,
      cidr: optStr,
      ipv6CIDR: optStr,
      vpcId: optStr,
      subnetType: optStr,
      exclusive: z.boolean().nullish(),
    })
    .nullish(),
  status: z
    .object({
      availableIPNum: z.number().int().nullish(),
      enable: z.boolean().nullish(),
      hasNoMoreIP: z.boolean().nullish(),
      reason: optStr,
    })
    .nullish(),
});

const quantity = z.union([z.string(), z.number()]).nullish();

const nodeSchema = z.object({
  metadata,
  spec: z.object({ taints: z.array(z.object({ key: str, effect: optStr })).nullish() }).nullish(),
  status: z
    .object({
      allocatable: z.record(z.string(), quantity).nullish(),
      capacity: z.record(z.string(), quantity).nullish(),
      conditions: z.array(z.object({ type: str, status: str })).nullish(),
    })
    .nullish(),
});

const podSchema = z.object({
  metadata,
  spec: z.object({ nodeName: optStr, nodeSelector: stringMap }).nullish(),
  status: z
    .object({
      phase: optStr,
      conditions: z
        .array(z.object({ type: str, status: str, reason: optStr, message: optStr }))
        .nullish(),
      containerStatuses: z
        .array(z.object({ state: z.object({ waiting: z.object({ reason: optStr }).nullish() }) }))
        .nullish(),
    })
    .nullish(),
});

const eventSchema = z.object({
  metadata,
  type: optStr,
  reason: optStr,
  message: optStr,
  count: z.number().int().nullish(),
  firstTimestamp: optStr,
  lastTimestamp: optStr,
  eventTime: optStr,
  involvedObject: z.object({ kind: optStr, name: optStr, namespace: optStr }).nullish(),
});

/** Resource name of the IP-count extended resource CCE patches onto Nodes. */
export const IP_RESOURCE = "cce.baidubce.com/ip";

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid object";
  const path = issue.path.length > 0 ? issue.path.join(".") : "(root)";
  return `${path}: ${issue.message}`;
}

function run<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  build: (value: z.infer<S>) => T,
): ParseResult<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
  return { ok: true, value: build(parsed.data) };
}

function toAllocationMap(
  raw: Record<string, z.infer<typeof allocationIp>> | null | undefined,
): Map<string, AllocationIp> {
  const out = new Map<string, AllocationIp>();
  for (const [ip, entry] of Object.entries(raw ?? {})) {
    out.set(ip, {
      owner: entry?.owner || null,
      eni: entry?.resource || null,
      subnetId: entry?.subnetID || null,
    });
  }
  return out;
}

function ownerName(meta: z.infer<typeof metadata>, kind: string): string | null {
  return meta.ownerReferences?.find((ref) => ref.kind === kind)?.name ?? null;
}

export function parseNetResourceSet(raw: unknown): ParseResult<NodeRecord> {
  return run(nrsSchema, raw, ({ metadata: meta, spec, status }) => ({
    name: meta.name,
    uid: meta.uid ?? null,
    resourceVersion: meta.resourceVersion ?? null,
    createdAt: meta.creationTimestamp ?? null,
    instanceId: spec?.["instance-id"] ?? null,
    instanceType: spec?.eni?.["instance-type"] ?? null,
    useMode: spec?.eni?.useMode ?? null,
    zone: spec?.eni?.["availability-zone"] ?? null,
    vpcId: spec?.eni?.["vpc-id"] ?? null,
    maxAllocateEni: spec?.eni?.maxAllocateENI ?? 0,
    maxIpsPerEni: spec?.eni?.maxIPsPerENI ?? 0,
    preAllocateEni: spec?.eni?.preAllocateENI ?? 0,
    burstableMehrfachEni: spec?.eni?.burstableMehrfachENI ?? null,
    subnetIds: spec?.eni?.["subnet-ids"] ?? [],
    availableSubnetIds: status?.ipam?.["available-subnet-ids"] ?? null,
    minAllocate: spec?.ipam?.["min-allocate"] ?? 0,
    maxAllocate: spec?.ipam?.["max-allocate"] ?? 0,
    preAllocate: spec?.ipam?.["pre-allocate"] ?? 0,
    maxAboveWatermark: spec?.ipam?.["max-above-watermark"] ?? 0,
    pool: toAllocationMap(spec?.ipam?.pool),
    used: toAllocationMap(status?.ipam?.used),
    releaseIps: new Map(Object.entries(status?.ipam?.["release-ips"] ?? {})),
    operatorError: status?.ipam?.["operator-status"]?.error || null,
    capacitySyncedAt: meta.annotations?.["cce.baidubce.com/ip-resource-capacity-synced"] ?? null,
  }));
}

function toPrivateIps(list: z.infer<typeof privateIp>[] | null | undefined): PrivateIp[] {
  return (list ?? []).map((entry) => ({
    address: entry.privateIPAddress,
    primary: entry.primary === true,
    subnetId: entry.subnetID || null,
  }));
}

function toChanges(
  source: StatusSource,
  list: z.infer<typeof statusChange>[] | null | undefined,
): StatusChange[] {
  return (list ?? []).map((entry) => ({
    source,
    status: (source === "cce" ? entry.CCEStatus : entry.VPCStatus) ?? "",
    code: entry.code ?? "ok",
    message: entry.message || null,
    time: entry.time ?? null,
  }));
}

export function parseEni(raw: unknown): ParseResult<EniRecord> {
  return run(eniSchema, raw, ({ metadata: meta, spec, status }) => ({
    name: meta.name,
    uid: meta.uid ?? null,
    resourceVersion: meta.resourceVersion ?? null,
    createdAt: meta.creationTimestamp ?? null,
    deletionTimestamp: meta.deletionTimestamp ?? null,
    finalizers: meta.finalizers ?? [],
    labels: meta.labels ?? {},
    annotations: meta.annotations ?? {},
    ownerNode: ownerName(meta, "NetResourceSet"),
    id: spec.id || meta.name,
    node: spec.nodeName,
    instanceId: spec.instanceID ?? meta.labels?.["cce.baidubce.com/instanceid"] ?? null,
    // An empty type is treated as BCC by the operator.
    type: spec.type || "bcc",
    useMode: spec.useMode || "Secondary",
    description: spec.description ?? null,
    macAddress: spec.macAddress || null,
    vpcId: spec.vpcID ?? null,
    subnetId: spec.subnetID ?? null,
    zoneName: spec.zoneName ?? null,
    ipv4: toPrivateIps(spec.privateIPSet),
    ipv6: toPrivateIps(spec.ipv6PrivateIPSet),
    borrowIpCount: spec.borrowIPCount ?? 0,
    // CRD defaults: CCEStatus Pending, VPCStatus none.
    cceStatus: status?.CCEStatus || "Pending",
    vpcStatus: status?.VPCStatus || "none",
    cceLog: toChanges("cce", status?.CCEStatusChangeLog),
    vpcLog: toChanges("vpc", status?.VPCStatusChangeLog),
    interfaceName: status?.interfaceName ?? null,
    interfaceIndex: status?.interfaceIndex ?? null,
  }));
}

export function parseSubnet(raw: unknown): ParseResult<SubnetRecord> {
  return run(subnetSchema, raw, ({ metadata: meta, spec, status }) => ({
    name: meta.name,
    id: spec?.id || meta.name,
    subnetName: spec?.name ?? null,
    zone: spec?.availabilityZone ?? null,
    cidr: spec?.cidr ?? null,
    ipv6Cidr: spec?.ipv6CIDR || null,
    vpcId: spec?.vpcId ?? null,
    subnetType: spec?.subnetType || null,
    exclusive: spec?.exclusive === true,
    availableIpNum: status?.availableIPNum ?? null,
    enable: status?.enable ?? null,
    hasNoMoreIp: status?.hasNoMoreIP ?? null,
    reason: status?.reason || null,
  }));
}

function quantityToNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === "number" ? value : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : null;
}

export function parseKubeNode(raw: unknown): ParseResult<KubeNodeRecord> {
  return run(nodeSchema, raw, ({ metadata: meta, spec, status }) => {
    const readyCondition = status?.conditions?.find((c) => c.type === "Ready");
    const labels = meta.labels ?? {};
    return {
      name: meta.name,
      zone:
        labels["topology.kubernetes.io/zone"] ??
        labels["failure-domain.beta.kubernetes.io/zone"] ??
        null,
      instanceType:
        labels["node.kubernetes.io/instance-type"] ??
        labels["beta.kubernetes.io/instance-type"] ??
        null,
      allocatableIp: quantityToNumber(status?.allocatable?.[IP_RESOURCE]),
      capacityIp: quantityToNumber(status?.capacity?.[IP_RESOURCE]),
      ready: readyCondition ? readyCondition.status === "True" : null,
      taints: (spec?.taints ?? []).map((taint) => taint.key),
    };
  });
}

export function parsePod(raw: unknown): ParseResult<PodRecord> {
  return run(podSchema, raw, ({ metadata: meta, spec, status }) => {
    const scheduled = status?.conditions?.find(
      (c) => c.type === "PodScheduled" && c.status === "False",
    );
    const waiting = status?.containerStatuses?.find((c) => c.state.waiting?.reason);
    return {
      namespace: meta.namespace ?? "default",
      name: meta.name,
      uid: meta.uid ?? null,
      nodeName: spec?.nodeName || null,
      pinnedNode: spec?.nodeSelector?.["kubernetes.io/hostname"] ?? null,
      phase: status?.phase ?? null,
      createdAt: meta.creationTimestamp ?? null,
      unschedulableMessage: scheduled?.message ?? null,
      waitingReason: waiting?.state.waiting?.reason ?? null,
    };
  });
}

export function parseEvent(raw: unknown): ParseResult<EventRecord> {
  return run(eventSchema, raw, (event) => ({
    namespace: event.metadata.namespace ?? "default",
    name: event.metadata.name,
    type: event.type ?? null,
    reason: event.reason ?? null,
    message: event.message ?? null,
    objectKind: event.involvedObject?.kind ?? null,
    objectName: event.involvedObject?.name ?? null,
    objectNamespace: event.involvedObject?.namespace ?? null,
    count: event.count ?? 1,
    firstTime: event.firstTimestamp ?? event.eventTime ?? null,
    lastTime: event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? null,
  }));
}
