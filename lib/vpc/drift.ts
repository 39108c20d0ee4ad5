// Drift: differences between what the cluster's ENI objects record and what the VPC API reports.
// Pure; the caller fetches both sides.
import type { ClusterEni } from "./cluster-eni";
import { isPrimaryWithSecondaryIp } from "./cluster-eni";
import type { Eni } from "./schemas";

export type { ClusterEni } from "./cluster-eni";

/** One ENI as the VPC reports it, reduced to the compared fields. */
export interface VpcEni {
  eniId: string;
  instanceId: string;
  status: string;
  /** IPv4 addresses, primary included. */
  ips: string[];
  /** Main NIC of a BCC instance, which the cluster never records as an ENI object. */
  primaryNic?: boolean;
}

export interface VpcView {
  /** ENIs read from GET /v1/eni/{id} and GET /v2/eni/{instanceId}. */
  enis: VpcEni[];
  /** BBC main ports from GET /v1/vpcPort/{instanceId}, keyed by instance id. */
  bbcPorts: Readonly<Record<string, VpcEni>>;
  /** ENI ids whose lookup failed for a reason other than not-found. They get no finding. */
  unreadEniIds?: readonly string[];
}

export type DriftKind =
  "status-mismatch" | "ip-vpc-only" | "ip-cluster-only" | "eni-vpc-only" | "eni-cluster-only";

export type DriftSeverity = "critical" | "warning";

export interface DriftFinding {
  kind: DriftKind;
  eniId: string;
  node?: string;
  ips?: string[];
  clusterValue?: string;
  vpcValue?: string;
  severity: DriftSeverity;
  /** Meaning of the difference, one sentence. */
  sentence: string;
  /** Usual operator action, one sentence. */
  action: string;
}

// VPC statuses under which the cluster claims the ENI exists in the VPC.
const CLAIMED_IN_VPC = new Set(["available", "attaching", "inuse", "detaching"]);
const SEVERITY_ORDER: Record<DriftSeverity, number> = { critical: 0, warning: 1 };

/** Converts a parsed API ENI or BBC port to the compared fields (IPv4 only). */
export function toVpcEni(eni: Eni, primaryNic = false): VpcEni {
  const ips = eni.privateIpSet.map((ip) => ip.privateIpAddress);
  return { eniId: eni.eniId, instanceId: eni.instanceId, status: eni.status, ips, primaryNic };
}

function compareIps(cluster: ClusterEni, vpc: VpcEni): DriftFinding[] {
  const clusterIps = new Set(cluster.ips);
  const vpcIps = new Set(vpc.ips);
  const vpcOnly = vpc.ips.filter((ip) => !clusterIps.has(ip)).sort();
  const clusterOnly = cluster.ips.filter((ip) => !vpcIps.has(ip)).sort();
  const findings: DriftFinding[] = [];
  const base = { eniId: cluster.id, node: cluster.node };

  if (vpcOnly.length > 0) {
    findings.push({
      ...base,
      kind: "ip-vpc-only",
      ips: vpcOnly,
      severity: "warning",
      sentence: `The VPC assigns ${vpcOnly.length} IP(s) to this ENI that the cluster does not record, so they are held but never given to pods (leaked).`,
      action:
        "Wait one ENI resync (60 s by default). If the IPs stay, release them in the VPC console after checking no pod uses them.",
    });
  }
  if (clusterOnly.length > 0) {
    findings.push({
      ...base,
      kind: "ip-cluster-only",
      ips: clusterOnly,
      severity: "critical",
      sentence: `The cluster records ${clusterOnly.length} IP(s) on this ENI that the VPC no longer assigns to it, so pods given them have no working network.`,
      action:
        "Check the operator log for release errors, then restart the cce-network-operator so it resyncs the ENI from the VPC.",
    });
  }
  return findings;
}

function statusFinding(cluster: ClusterEni, vpc: VpcEni): DriftFinding | null {
  if (cluster.vpcStatus === vpc.status) return null;
  return {
    kind: "status-mismatch",
    eniId: cluster.id,
    node: cluster.node,
    clusterValue: cluster.vpcStatus,
    vpcValue: vpc.status,
    severity: vpc.status === "inuse" ? "warning" : "critical",
    sentence: `The ENI object says VPC status "${cluster.vpcStatus}" but the VPC reports "${vpc.status}". The node's pool is built from the cluster's value.`,
    action:
      "Wait one ENI resync. If it persists, check the operator for VPC API errors and the ENI in the VPC console.",
  };
}

function clusterOnlyFinding(cluster: ClusterEni): DriftFinding {
  return {
    kind: "eni-cluster-only",
    eniId: cluster.id,
    node: cluster.node,
    ips: [...cluster.ips].sort(),
    clusterValue: cluster.vpcStatus,
    severity: "critical",
    sentence:
      "The cluster has an ENI object for an ENI the VPC no longer has, so its IPs may still be handed to pods.",
    action:
      "Check whether the ENI was deleted outside CCE. The operator removes the object on its next sync, or delete it after draining the node.",
  };
}

function vpcOnlyFinding(vpc: VpcEni, node: string | undefined): DriftFinding {
  return {
    kind: "eni-vpc-only",
    eniId: vpc.eniId,
    node,
    ips: [...vpc.ips].sort(),
    vpcValue: vpc.status,
    severity: "warning",
    sentence:
      "The VPC has an ENI on a cluster instance that no ENI object records, so it uses an ENI slot and subnet IPs the cluster cannot use.",
    action:
      "Confirm who created it (name and description in the VPC console), then detach and delete it if nothing else uses it.",
  };
}

/** Finds the VPC view an ENI object is compared with, or undefined when the VPC lacks it. */
function vpcCounterpart(
  cluster: ClusterEni,
  byId: ReadonlyMap<string, VpcEni>,
  vpc: VpcView,
): VpcEni | undefined {
  if (cluster.type === "bbc" && isPrimaryWithSecondaryIp(cluster)) {
    return vpc.bbcPorts[cluster.instanceId] ?? byId.get(cluster.id);
  }
  return byId.get(cluster.id);
}

/**
 * Compares ENI objects with the VPC view. BBC/EBC main NICs (useMode PrimaryWithSecondaryIP) are
 * compared by IPs only, because the operator forces their VPCStatus to inuse.
 */
export function computeDrift(
  cluster: { enis: readonly ClusterEni[] },
  vpc: VpcView,
): DriftFinding[] {
  const byId = new Map(vpc.enis.map((eni) => [eni.eniId, eni]));
  const unread = new Set(vpc.unreadEniIds ?? []);
  const matchedVpcIds = new Set<string>();
  const findings: DriftFinding[] = [];

  for (const eni of cluster.enis) {
    if (unread.has(eni.id)) continue;
    const counterpart = vpcCounterpart(eni, byId, vpc);
    if (!counterpart) {
      if (CLAIMED_IN_VPC.has(eni.vpcStatus)) findings.push(clusterOnlyFinding(eni));
      continue;
    }
    matchedVpcIds.add(counterpart.eniId);

    if (!isPrimaryWithSecondaryIp(eni)) {
      const finding = statusFinding(eni, counterpart);
      if (finding) findings.push(finding);
    }
    findings.push(...compareIps(eni, counterpart));
  }

  const nodeByInstance = new Map(cluster.enis.map((eni) => [eni.instanceId, eni.node]));
  const clusterIds = new Set(cluster.enis.map((eni) => eni.id));
  for (const eni of byId.values()) {
    if (eni.primaryNic || clusterIds.has(eni.eniId) || matchedVpcIds.has(eni.eniId)) continue;
    findings.push(vpcOnlyFinding(eni, nodeByInstance.get(eni.instanceId)));
  }

  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.eniId.localeCompare(b.eniId) ||
      a.kind.localeCompare(b.kind),
  );
}

/** Free-IP figures of one subnet as the Subnet object and the VPC report them. */
export interface SubnetDifference {
  subnetId: string;
  clusterAvailableIp: number;
  vpcAvailableIp: number;
}

/**
 * Lists subnets whose free-IP count differs between the Subnet objects and the VPC. The operator
 * copies availableIp every 20-30 s, so a small difference can be sync lag rather than a fault.
 */
export function subnetDifferences(
  cluster: readonly { id: string; availableIp: number }[],
  vpc: readonly { subnetId: string; availableIp?: number }[],
): SubnetDifference[] {
  const vpcById = new Map(vpc.map((subnet) => [subnet.subnetId, subnet.availableIp]));
  const differences: SubnetDifference[] = [];
  for (const subnet of cluster) {
    const vpcAvailableIp = vpcById.get(subnet.id);
    if (vpcAvailableIp === undefined || vpcAvailableIp === subnet.availableIp) continue;
    differences.push({
      subnetId: subnet.id,
      clusterAvailableIp: subnet.availableIp,
      vpcAvailableIp,
    });
  }
  return differences;
}
