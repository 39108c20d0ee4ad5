/**
 * Typed records of the cluster objects the dashboard reads. The parsers in `parse.ts` build them
 * from raw API objects; nothing downstream reads raw custom-resource shapes.
 */

/** One entry of `spec.ipam.pool` or `status.ipam.used`. */
export interface AllocationIp {
  owner: string | null;
  /** ENI name (ENI ID) the IP sits on. */
  eni: string | null;
  subnetId: string | null;
}

/** A NetResourceSet: the IP pool of one node. */
export interface NodeRecord {
  name: string;
  uid: string | null;
  resourceVersion: string | null;
  createdAt: string | null;
  instanceId: string | null;
  /** `spec.eni.instance-type`: bcc, bbc, ebc, ehc, hpas, ... */
  instanceType: string | null;
  /** `spec.eni.useMode` of the NRS: Secondary or Primary. */
  useMode: string | null;
  /** CCE short zone form, for example zoneD. */
  zone: string | null;
  vpcId: string | null;
  maxAllocateEni: number;
  maxIpsPerEni: number;
  preAllocateEni: number;
  burstableMehrfachEni: number | null;
  subnetIds: string[];
  availableSubnetIds: string[] | null;
  minAllocate: number;
  maxAllocate: number;
  preAllocate: number;
  maxAboveWatermark: number;
  pool: Map<string, AllocationIp>;
  used: Map<string, AllocationIp>;
  /** `status.ipam.release-ips`: IP to handshake state. */
  releaseIps: Map<string, string>;
  operatorError: string | null;
  /** Time of the last quota computation (annotation ip-resource-capacity-synced). */
  capacitySyncedAt: string | null;
}

export interface PrivateIp {
  address: string;
  primary: boolean;
  subnetId: string | null;
}

export type StatusSource = "cce" | "vpc";

/** One entry of an ENI's CCE or VPC status changelog. */
export interface StatusChange {
  source: StatusSource;
  status: string;
  code: string;
  message: string | null;
  /** ISO 8601 time, or null where the entry carries none. */
  time: string | null;
}

/** An ENI object; in primary-NIC mode it is the host's primary NIC. */
export interface EniRecord {
  name: string;
  uid: string | null;
  resourceVersion: string | null;
  createdAt: string | null;
  deletionTimestamp: string | null;
  finalizers: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Name of the owning NetResourceSet from ownerReferences, if any. */
  ownerNode: string | null;
  id: string;
  node: string;
  instanceId: string | null;
  type: string;
  useMode: string;
  description: string | null;
  macAddress: string | null;
  vpcId: string | null;
  subnetId: string | null;
  zoneName: string | null;
  ipv4: PrivateIp[];
  ipv6: PrivateIp[];
  borrowIpCount: number;
  cceStatus: string;
  vpcStatus: string;
  cceLog: StatusChange[];
  vpcLog: StatusChange[];
  interfaceName: string | null;
  interfaceIndex: number | null;
}

/** A Subnet object (cce.baidubce.com/v1). */
export interface SubnetRecord {
  name: string;
  id: string;
  subnetName: string | null;
  zone: string | null;
  cidr: string | null;
  ipv6Cidr: string | null;
  vpcId: string | null;
  subnetType: string | null;
  exclusive: boolean;
  availableIpNum: number | null;
  enable: boolean | null;
  hasNoMoreIp: boolean | null;
  reason: string | null;
}

/** The parts of a core Node that concern IP capacity. */
export interface KubeNodeRecord {
  name: string;
  zone: string | null;
  instanceType: string | null;
  /** `status.allocatable["cce.baidubce.com/ip"]`, or null when the node does not report it. */
  allocatableIp: number | null;
  capacityIp: number | null;
  ready: boolean | null;
  taints: string[];
}

/** A Pod that is Pending, the only pods the dashboard watches. */
export interface PodRecord {
  namespace: string;
  name: string;
  uid: string | null;
  nodeName: string | null;
  /** Node the pod is pinned to by `spec.nodeSelector["kubernetes.io/hostname"]`, if any. */
  pinnedNode: string | null;
  phase: string | null;
  createdAt: string | null;
  /** Message of the PodScheduled=False condition, if any. */
  unschedulableMessage: string | null;
  /** Reason a container is waiting, for example ContainerCreating. */
  waitingReason: string | null;
}

/** A core Event about an NRS, an ENI or a pod. */
export interface EventRecord {
  namespace: string;
  name: string;
  type: string | null;
  reason: string | null;
  message: string | null;
  objectKind: string | null;
  objectName: string | null;
  objectNamespace: string | null;
  count: number;
  firstTime: string | null;
  lastTime: string | null;
}
