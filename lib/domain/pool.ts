/**
 * Pool arithmetic per node: pool, used, free, ceiling and headroom, and the IP and ENI tables of
 * a node. Pure functions over parsed records.
 */
import type { EniRecord, KubeNodeRecord, NodeRecord } from "./records";

/** Use mode of ENIs that hand out secondary IPs of the host's own NIC (BBC, some EBC). */
export const PRIMARY_NIC_MODE = "PrimaryWithSecondaryIP";

/** Hard platform limit of secondary IPs on a primary NIC (40 IPs including the primary). */
export const PRIMARY_NIC_MAX_SECONDARY_IPS = 39;

/** Share of the ceiling from which a node counts as near its ceiling. */
export const NEAR_CEILING_RATIO = 0.9;

/** Release-handshake states in which a pool IP is never handed to a pod. */
const RELEASING_STATES = new Set(["marked-for-release", "ready-for-release", "released"]);

export type IpState = "used" | "free" | "releasing";

export interface FamilyCounts {
  pool: number;
  used: number;
  free: number;
  releasing: number;
}

export interface NodeSummary {
  name: string;
  instanceId: string | null;
  instanceType: string | null;
  zone: string | null;
  /** PrimaryWithSecondaryIP when any ENI of the node uses it, otherwise the NRS use mode. */
  useMode: string | null;
  poolSize: number;
  used: number;
  free: number;
  releasing: number;
  ceiling: number;
  headroom: number;
  /** used / ceiling, or null when the ceiling is 0. */
  utilisation: number | null;
  nearCeiling: boolean;
  ipv6: FamilyCounts;
  eniCount: number;
  maxEniCount: number;
  subnetIds: string[];
  /** Node `allocatable["cce.baidubce.com/ip"]`, null when the Node is unknown or lacks it. */
  allocatableIp: number | null;
}

export interface NodeIp {
  ip: string;
  family: 4 | 6;
  eni: string | null;
  subnetId: string | null;
  owner: string | null;
  state: IpState;
  /** Raw release-handshake state, when the IP is in `status.ipam.release-ips`. */
  releaseState: string | null;
}

export interface NodeEni {
  id: string;
  type: string;
  useMode: string;
  subnetId: string | null;
  macAddress: string | null;
  interfaceName: string | null;
  primaryIp: string | null;
  secondaryIps: string[];
  ipv6Ips: string[];
  /** IPv4 addresses on the ENI, primary included. */
  ipCount: number;
  /** Most IPv4 addresses the ENI may carry (maxIPsPerENI, primary included). */
  ipQuota: number;
  cceStatus: string;
  vpcStatus: string;
}

export function isIpv6(ip: string): boolean {
  return ip.includes(":");
}

/**
 * Returns the most pod IPs the node can ever hold: maxAllocateENI x (maxIPsPerENI - 1), or
 * maxIPsPerENI - 1 when maxAllocateENI is 0, capped by max-allocate when that is set. A node in
 * Primary (exclusive ENI) mode hands out no secondary IPs, so its ceiling is 0.
 */
export function nodeCeiling(
  node: Pick<NodeRecord, "useMode" | "maxAllocateEni" | "maxIpsPerEni" | "maxAllocate">,
): number {
  if (node.useMode === "Primary") return 0;
  const perEni = Math.max(0, node.maxIpsPerEni - 1);
  const ceiling = node.maxAllocateEni === 0 ? perEni : node.maxAllocateEni * perEni;
  return node.maxAllocate > 0 ? Math.min(ceiling, node.maxAllocate) : ceiling;
}

function countFamily(node: NodeRecord, family: 4 | 6): FamilyCounts {
  const wanted = (ip: string) => isIpv6(ip) === (family === 6);
  let pool = 0;
  let releasing = 0;
  for (const ip of node.pool.keys()) {
    if (!wanted(ip)) continue;
    pool += 1;
    const state = node.releaseIps.get(ip);
    if (state && RELEASING_STATES.has(state) && !node.used.has(ip)) releasing += 1;
  }
  let used = 0;
  for (const ip of node.used.keys()) if (wanted(ip)) used += 1;
  return { pool, used, releasing, free: Math.max(0, pool - used - releasing) };
}

export function effectiveUseMode(node: NodeRecord, enis: readonly EniRecord[]): string | null {
  return enis.some((eni) => eni.useMode === PRIMARY_NIC_MODE) ? PRIMARY_NIC_MODE : node.useMode;
}

function subnetsOf(node: NodeRecord, enis: readonly EniRecord[]): string[] {
  const ids = new Set<string>();
  for (const eni of enis) if (eni.subnetId) ids.add(eni.subnetId);
  for (const entry of node.pool.values()) if (entry.subnetId) ids.add(entry.subnetId);
  return [...ids].sort();
}

export function summarizeNode(
  node: NodeRecord,
  enis: readonly EniRecord[],
  kubeNode: KubeNodeRecord | null,
): NodeSummary {
  const v4 = countFamily(node, 4);
  const ceiling = nodeCeiling(node);
  return {
    name: node.name,
    instanceId: node.instanceId,
    instanceType: node.instanceType,
    zone: node.zone ?? kubeNode?.zone ?? null,
    useMode: effectiveUseMode(node, enis),
    poolSize: v4.pool,
    used: v4.used,
    free: v4.free,
    releasing: v4.releasing,
    ceiling,
    headroom: ceiling - v4.used,
    utilisation: ceiling > 0 ? v4.used / ceiling : null,
    nearCeiling: ceiling > 0 && v4.used >= NEAR_CEILING_RATIO * ceiling,
    ipv6: countFamily(node, 6),
    eniCount: enis.length,
    maxEniCount: node.maxAllocateEni,
    subnetIds: subnetsOf(node, enis),
    allocatableIp: kubeNode?.allocatableIp ?? null,
  };
}

/** Orders IPv4 addresses numerically and puts IPv6 after them in text order. */
export function compareIps(a: string, b: string): number {
  const a6 = isIpv6(a);
  const b6 = isIpv6(b);
  if (a6 !== b6) return a6 ? 1 : -1;
  if (a6) return a.localeCompare(b);
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 4; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Lists every IP in the pool or in use, with its ENI, subnet, owner pod and state. */
export function nodeIps(node: NodeRecord): NodeIp[] {
  const ips = new Set([...node.pool.keys(), ...node.used.keys()]);
  return [...ips].sort(compareIps).map((ip) => {
    const pooled = node.pool.get(ip);
    const usedBy = node.used.get(ip);
    const releaseState = node.releaseIps.get(ip) ?? null;
    let state: IpState = "free";
    if (usedBy) state = "used";
    else if (releaseState && RELEASING_STATES.has(releaseState)) state = "releasing";
    return {
      ip,
      family: isIpv6(ip) ? 6 : 4,
      eni: usedBy?.eni ?? pooled?.eni ?? null,
      subnetId: usedBy?.subnetId ?? pooled?.subnetId ?? null,
      owner: usedBy?.owner ?? null,
      state,
      releaseState,
    };
  });
}

export function nodeEnis(node: NodeRecord, enis: readonly EniRecord[]): NodeEni[] {
  return [...enis]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((eni) => {
      const primary = eni.ipv4.find((ip) => ip.primary);
      return {
        id: eni.id,
        type: eni.type,
        useMode: eni.useMode,
        subnetId: eni.subnetId,
        macAddress: eni.macAddress,
        interfaceName: eni.interfaceName,
        primaryIp: primary?.address ?? null,
        secondaryIps: eni.ipv4
          .filter((ip) => !ip.primary)
          .map((ip) => ip.address)
          .sort(compareIps),
        ipv6Ips: eni.ipv6.map((ip) => ip.address),
        ipCount: eni.ipv4.length,
        ipQuota: node.maxIpsPerEni,
        cceStatus: eni.cceStatus,
        vpcStatus: eni.vpcStatus,
      };
    });
}
