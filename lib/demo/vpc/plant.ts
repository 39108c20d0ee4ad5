// Planted differences between a derived VPC fixture and the cluster, so the demo and the tests
// can show every kind of drift. Choices are deterministic: candidates are taken in ENI id order.
import type { ClusterEni } from "@/lib/vpc/cluster-eni";
import { isPrimaryWithSecondaryIp } from "@/lib/vpc/cluster-eni";
import type { EniJson } from "@/lib/vpc/schemas";

import type { VpcFixture } from "./routes";

/**
 * Fixed values of the planted drift. Candidates are the ENI objects with VPCStatus inuse and a
 * useMode other than PrimaryWithSecondaryIP, sorted by id.
 * - 1st: VPC status becomes `vpcStatus` (status-mismatch).
 * - 2nd: gets an extra IP on the VPC side (ip-vpc-only, a leaked IP).
 * - 3rd: loses its last secondary IP on the VPC side (ip-cluster-only, a missing IP).
 * - 4th: removed from the VPC (eni-cluster-only).
 * - ENI `vpcOnlyEniId` is attached to the instance of the 1st (eni-vpc-only).
 * - The first subnet by id gets availableIp shifted by `subnetAvailableIpShift` (down when it can).
 */
export const PLANTED_DRIFT = {
  vpcStatus: "available",
  vpcOnlyEniId: "eni-plantvpconly",
  subnetAvailableIpShift: 7,
} as const;

/** Ids the planting actually used; a field is absent when the cluster had no candidate. */
export interface PlantedDrift {
  statusMismatchEniId?: string;
  leakedIp?: { eniId: string; ip: string };
  missingIp?: { eniId: string; ip: string };
  clusterOnlyEniId?: string;
  vpcOnlyEniId?: string;
  subnet?: { subnetId: string; clusterAvailableIp: number; vpcAvailableIp: number };
}

// Picks an address no ENI uses, in the /24 of `near` or, when that one is full, in the next /24s
// of the same /16, counting hosts down from .250.
function unusedIp(near: string, used: ReadonlySet<string>): string | undefined {
  const [a, b, c] = near.split(".").map(Number);
  if (a === undefined || b === undefined || c === undefined) return undefined;
  for (let step = 0; step < 256; step++) {
    const third = (c + step) % 256;
    for (let host = 250; host >= 2; host--) {
      const candidate = `${a}.${b}.${third}.${host}`;
      if (!used.has(candidate)) return candidate;
    }
  }
  return undefined;
}

function allIps(fixture: VpcFixture): Set<string> {
  const lists = [...fixture.enis, ...Object.values(fixture.bbcPorts)];
  for (const enis of Object.values(fixture.instanceEnis)) lists.push(...enis);
  return new Set(lists.flatMap((eni) => (eni.privateIpSet ?? []).map((ip) => ip.privateIpAddress)));
}

function removeEni(fixture: VpcFixture, eniId: string): void {
  fixture.enis = fixture.enis.filter((eni) => eni.eniId !== eniId);
  for (const [instanceId, enis] of Object.entries(fixture.instanceEnis)) {
    fixture.instanceEnis[instanceId] = enis.filter((eni) => eni.eniId !== eniId);
  }
}

function plantSubnet(fixture: VpcFixture): PlantedDrift["subnet"] {
  const subnet = [...fixture.subnets].sort((a, b) => a.subnetId.localeCompare(b.subnetId))[0];
  if (!subnet) return undefined;

  const clusterAvailableIp = subnet.availableIp ?? 0;
  const shift = PLANTED_DRIFT.subnetAvailableIpShift;
  const vpcAvailableIp =
    clusterAvailableIp >= shift ? clusterAvailableIp - shift : clusterAvailableIp + shift;
  subnet.availableIp = vpcAvailableIp;
  return { subnetId: subnet.subnetId, clusterAvailableIp, vpcAvailableIp };
}

/** Adds the PLANTED_DRIFT differences to a fixture derived from `clusterEnis`, in place. */
export function plantDrift(fixture: VpcFixture, clusterEnis: readonly ClusterEni[]): PlantedDrift {
  const planted: PlantedDrift = { subnet: plantSubnet(fixture) };
  const used = allIps(fixture);
  const byId = new Map(fixture.enis.map((eni) => [eni.eniId, eni]));
  const candidates = clusterEnis
    .filter((eni) => !isPrimaryWithSecondaryIp(eni) && eni.vpcStatus === "inuse")
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((eni) => ({ cluster: eni, vpc: byId.get(eni.id) }))
    .filter((pair): pair is { cluster: ClusterEni; vpc: EniJson } => pair.vpc !== undefined);
  const [first, second, third, fourth] = candidates;

  if (first) {
    first.vpc.status = PLANTED_DRIFT.vpcStatus;
    planted.statusMismatchEniId = first.cluster.id;
    const ip = unusedIp(first.cluster.ips[0] ?? "10.255.255.1", used);
    const vpcOnly: EniJson = {
      ...first.vpc,
      eniId: PLANTED_DRIFT.vpcOnlyEniId,
      name: "manually-attached",
      description: "",
      macAddress: "fa:16:3e:99:99:99",
      status: "inuse",
      privateIpSet: ip ? [{ privateIpAddress: ip, primary: true }] : [],
    };
    if (ip) used.add(ip);
    fixture.enis.push(vpcOnly);
    (fixture.instanceEnis[first.cluster.instanceId] ??= []).push(vpcOnly);
    planted.vpcOnlyEniId = vpcOnly.eniId;
  }

  const leaked = second && unusedIp(second.cluster.ips[0] ?? "10.255.254.1", used);
  if (second && leaked) {
    second.vpc.privateIpSet = [
      ...(second.vpc.privateIpSet ?? []),
      { privateIpAddress: leaked, primary: false },
    ];
    planted.leakedIp = { eniId: second.cluster.id, ip: leaked };
  }

  const secondaries = third?.vpc.privateIpSet?.filter((ip) => ip.primary !== true) ?? [];
  const dropped = secondaries.at(-1);
  if (third && dropped) {
    third.vpc.privateIpSet = third.vpc.privateIpSet?.filter((ip) => ip !== dropped);
    planted.missingIp = { eniId: third.cluster.id, ip: dropped.privateIpAddress };
  }

  if (fourth) {
    removeEni(fixture, fourth.cluster.id);
    planted.clusterOnlyEniId = fourth.cluster.id;
  }
  return planted;
}
