import type { KubeObject } from "../kube/types";
import {
  CCE_ENI_DESCRIPTION,
  cceChange,
  CLUSTER_ID,
  ENI_FINALIZER,
  kubeTime,
  macAddress,
  podOwner,
  SECURITY_GROUP,
  type StatusChange,
  VPC_ID,
  vpcChange,
  type Zone,
} from "./objects";
import type { Rng } from "./random";

export type InstanceType = "bbc" | "ebc" | "bcc";

export interface EniPlan {
  id: string;
  subnetId: string;
  primaryIp: string;
  secondaryIps: string[];
  /** Default "inuse"; only inuse ENIs that are not being deleted feed the pool. */
  vpcStatus?: string;
  cceStatus?: string;
  deleting?: boolean;
  createdMs: number;
}

export interface MachinePlan {
  name: string;
  instanceId: string;
  type: InstanceType;
  zone: Zone;
  maxAllocateENI: number;
  maxIPsPerENI: number;
  subnetIds: string[];
  enis: EniPlan[];
  /** How many pool IPs get a pod owner in status.ipam.used. */
  usedCount: number;
  /** IPs in the pool marked in status.ipam.release-ips; never given to pods. */
  releaseIps?: Record<string, string>;
  availableSubnetIds?: string[];
  createdMs: number;
}

export interface Machine {
  node: KubeObject;
  nrs: KubeObject;
  enis: KubeObject[];
  pool: string[];
  used: string[];
}

const INSTANCE_LABEL: Record<InstanceType, string> = { bbc: "BBC", ebc: "EBC", bcc: "BCC" };

function nodeLabels(plan: MachinePlan): Record<string, string> {
  const instanceType = INSTANCE_LABEL[plan.type];
  return {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/instance-type": instanceType,
    "beta.kubernetes.io/os": "linux",
    "cluster-id": CLUSTER_ID,
    "cluster-role": "node",
    "failure-domain.beta.kubernetes.io/region": "bj",
    "failure-domain.beta.kubernetes.io/zone": plan.zone.name,
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": plan.name,
    "kubernetes.io/os": "linux",
    "node.kubernetes.io/instance-type": instanceType,
    "topology.kubernetes.io/region": "bj",
    "topology.kubernetes.io/zone": plan.zone.name,
  };
}

/** Builds a Node whose cce.baidubce.com/ip capacity equals the pool size, as the operator patches it. */
export function nodeObject(
  name: string,
  uid: string,
  labels: Record<string, string>,
  poolSize: number,
  createdMs: number,
): KubeObject {
  const capacity = {
    cpu: "32",
    memory: "131900000Ki",
    pods: "128",
    "cce.baidubce.com/ip": String(poolSize),
  };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid, labels, creationTimestamp: kubeTime(createdMs) },
    spec: { providerID: `cce://${labels["cluster-id"] ?? CLUSTER_ID}/${name}` },
    status: {
      capacity,
      allocatable: { ...capacity, cpu: "31800m", memory: "128500000Ki" },
      addresses: [
        { type: "InternalIP", address: name },
        { type: "Hostname", address: name },
      ],
      conditions: [
        {
          type: "Ready",
          status: "True",
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
        },
      ],
      nodeInfo: {
        kubeletVersion: "v1.30.1",
        kubeProxyVersion: "v1.30.1",
        containerRuntimeVersion: "containerd://1.7.13",
        osImage: "Ubuntu 22.04.4 LTS",
        kernelVersion: "5.15.0-105-generic",
        architecture: "amd64",
        operatingSystem: "linux",
      },
    },
  };
}

function defaultLogs(
  type: InstanceType,
  createdMs: number,
  rng: Rng,
): Record<string, StatusChange[]> {
  if (type !== "bcc") {
    return {
      vpc: [vpcChange("inuse", createdMs)],
      cce: [cceChange("ReadyOnNode", createdMs + 19_000)],
    };
  }
  const steps = rng.pick([["inuse"], ["attaching", "inuse"], ["available", "attaching", "inuse"]]);
  const vpc = steps.map((status, index) => vpcChange(status, createdMs + 1000 + index * 3000));
  const readyAt = createdMs + 12_000;
  const cce = rng.chance(0.5)
    ? [cceChange("ReadyOnNode", readyAt)]
    : [cceChange("Pending", createdMs + 500), cceChange("ReadyOnNode", readyAt)];
  return { vpc, cce };
}

function eniObject(
  plan: MachinePlan,
  eni: EniPlan,
  index: number,
  nrsUid: string,
  rng: Rng,
): KubeObject {
  const primaryNic = plan.type !== "bcc";
  const labels: Record<string, string> = {
    "cce.baidubce.com/instanceid": plan.instanceId,
    "cce.baidubce.com/node": plan.name,
    "cce.baidubce.com/vpc-id": VPC_ID,
  };
  if (primaryNic) labels["cce.baidubce.com/eni-type"] = plan.type;
  if (plan.type === "ebc") labels["cce.baidubce.com/eni-use-mode"] = "PrimaryWithSecondaryIP";

  const logs = defaultLogs(plan.type, eni.createdMs, rng);
  const interfaceIndex = primaryNic ? 2 : 3 + index;
  const privateIPSet = [
    { primary: true, privateIPAddress: eni.primaryIp, subnetID: eni.subnetId },
    ...eni.secondaryIps.map((ip) => ({ privateIPAddress: ip, subnetID: eni.subnetId })),
  ];
  const vpcName = `${CLUSTER_ID}/${plan.instanceId}/${plan.name}`.slice(0, 57) + `/${rng.hex(6)}`;
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "ENI",
    metadata: {
      name: eni.id,
      uid: rng.uuid(),
      creationTimestamp: kubeTime(eni.createdMs),
      finalizers: [ENI_FINALIZER],
      labels,
      ownerReferences: [
        { apiVersion: "cce.baidubce.com/v2", kind: "NetResourceSet", name: plan.name, uid: nrsUid },
      ],
    },
    spec: {
      id: eni.id,
      name: primaryNic ? "eth0" : vpcName,
      ...(primaryNic ? {} : { description: CCE_ENI_DESCRIPTION }),
      instanceID: plan.instanceId,
      macAddress: macAddress(rng),
      vpcID: VPC_ID,
      subnetID: eni.subnetId,
      zoneName: plan.zone.name,
      securityGroupIds: [SECURITY_GROUP],
      privateIPSet,
      nodeName: plan.name,
      useMode: primaryNic ? "PrimaryWithSecondaryIP" : "Secondary",
      routeTableOffset: 127,
      installSourceBasedRouting: !primaryNic,
      vpcVersion: 1 + Math.ceil(eni.secondaryIps.length / 10),
      type: plan.type,
    },
    status: {
      CCEStatus: eni.cceStatus ?? "ReadyOnNode",
      CCEStatusChangeLog: logs.cce,
      VPCStatus: eni.vpcStatus ?? "inuse",
      VPCStatusChangeLog: logs.vpc,
      interfaceIndex,
      interfaceName: primaryNic ? "eth0" : `cce-eni-${index}`,
      index,
      gatewayIPv4: eni.primaryIp.replace(/\.\d+$/, ".1"),
    },
  };
}

/** Returns the pool IPs: secondary IPs of inuse ENIs that are not being deleted. */
export function poolIps(plan: MachinePlan): Array<{ ip: string; eni: EniPlan }> {
  return plan.enis
    .filter((eni) => (eni.vpcStatus ?? "inuse") === "inuse" && !eni.deleting)
    .flatMap((eni) => eni.secondaryIps.map((ip) => ({ ip, eni })));
}

/** Builds the Node, its NetResourceSet and its ENIs, linked by owner references. */
export function buildMachine(plan: MachinePlan, rng: Rng): Machine {
  const nodeUid = rng.uuid();
  const nrsUid = rng.uuid();
  const labels = nodeLabels(plan);
  const pool = poolIps(plan);
  const releasing = plan.releaseIps ?? {};
  const assignable = rng.shuffle(pool.filter((entry) => !(entry.ip in releasing)));
  const used = assignable.slice(0, plan.usedCount);

  const enis = plan.enis.map((eni, index) => eniObject(plan, eni, index, nrsUid, rng));
  const poolMap = Object.fromEntries(
    pool.map(({ ip, eni }) => [ip, { resource: eni.id, subnetID: eni.subnetId }]),
  );
  const usedMap = Object.fromEntries(
    used
      .sort((a, b) => pool.indexOf(a) - pool.indexOf(b))
      .map(({ ip, eni }) => [
        ip,
        { owner: podOwner(rng), resource: eni.id, subnetID: eni.subnetId },
      ]),
  );
  const nrs = nrsObject(plan, { nrsUid, nodeUid, labels, poolMap, usedMap });
  const node = nodeObject(plan.name, nodeUid, labels, pool.length, plan.createdMs);
  return {
    node,
    nrs,
    enis,
    pool: pool.map((entry) => entry.ip),
    used: used.map((entry) => entry.ip),
  };
}

interface NrsParts {
  nrsUid: string;
  nodeUid: string;
  labels: Record<string, string>;
  poolMap: Record<string, unknown>;
  usedMap: Record<string, unknown>;
}

function nrsObject(plan: MachinePlan, parts: NrsParts): KubeObject {
  const slack = plan.maxIPsPerENI - 1;
  const status: Record<string, unknown> = {
    enis: Object.fromEntries(
      plan.enis.map((eni) => [
        eni.id,
        {
          id: eni.id,
          vpcStatus: eni.vpcStatus ?? "inuse",
          cceStatus: eni.cceStatus ?? "ReadyOnNode",
          subnetId: eni.subnetId,
        },
      ]),
    ),
    ipam: {
      used: parts.usedMap,
      "operator-status": {},
      "available-subnet-ids": plan.availableSubnetIds ?? plan.subnetIds,
      ...(plan.releaseIps ? { "release-ips": plan.releaseIps } : {}),
    },
  };
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "NetResourceSet",
    metadata: {
      name: plan.name,
      uid: parts.nrsUid,
      creationTimestamp: kubeTime(plan.createdMs + 30_000),
      labels: { ...parts.labels, "cce.baidubce.com/node": plan.name },
      annotations: {
        "cce.baidubce.com/ip-resource-capacity-synced": kubeTime(plan.createdMs + 31_000),
      },
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: plan.name, uid: parts.nodeUid }],
    },
    spec: {
      addresses: [{ type: "InternalIP", ip: plan.name }],
      eni: {
        "availability-zone": plan.zone.short,
        "instance-type": plan.type,
        maxAllocateENI: plan.maxAllocateENI,
        maxIPsPerENI: plan.maxIPsPerENI,
        preAllocateENI: plan.type === "bcc" ? 1 : 0,
        burstableMehrfachENI: 1,
        useMode: "Secondary",
        "vpc-id": VPC_ID,
        "subnet-ids": plan.subnetIds,
        "security-groups": [SECURITY_GROUP],
        routeTableOffset: 127,
        installSourceBasedRouting: plan.type === "bcc",
      },
      "instance-id": plan.instanceId,
      ipam: {
        pool: parts.poolMap,
        "max-allocate": 128,
        "min-allocate": Math.min(slack, 10),
        "pre-allocate": Math.min(slack, 2),
        "max-above-watermark": slack,
      },
    },
    status,
  };
}
