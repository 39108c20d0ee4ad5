/**
 * Subnet capacity: free IPs against what the nodes in a subnet may still claim (the n x c rule of
 * primary-NIC mode), which nodes would fail first, and nodes whose zone has no usable subnet.
 */
import { compareIps, type NodeSummary } from "./pool";
import type { EniRecord, NodeRecord, SubnetRecord } from "./records";

/** Where a free-IP figure comes from. */
export type FreeSource = "vpc" | "subnet-object";

export interface FreeIpFigure {
  value: number;
  source: FreeSource;
  /** When the figure was read (ISO), null when unknown (Subnet objects carry no time). */
  observedAt: string | null;
}

export interface NodeClaim {
  name: string;
  instanceType: string | null;
  ceiling: number;
  pool: number;
  used: number;
  /** Free IPs already in the node's pool. */
  free: number;
  /** IPs the node may still take from the subnet: ceiling minus pool, never below 0. */
  claimable: number;
}

export interface SubnetSummary {
  id: string;
  name: string | null;
  cidr: string | null;
  zone: string | null;
  subnetType: string | null;
  vpcId: string | null;
  exclusive: boolean;
  /** Usable IPv4 addresses of the CIDR: 2^(32 - prefix) - 2; the VPC may reserve more. */
  totalIps: number | null;
  free: FreeIpFigure | null;
  /** Subnet object's own view, kept beside a VPC figure so differences show. */
  subnetObjectFree: number | null;
  hasNoMoreIp: boolean | null;
  enabled: boolean | null;
  poolIps: number;
  usedIps: number;
  nodeCount: number;
  /** Sum of the ceilings of the nodes in the subnet (the n x c need). */
  need: number;
  /** need plus one primary IP per node, as each node's primary IP lives in the subnet too. */
  needWithPrimaries: number;
  claimable: number;
  /** IPs the nodes may still claim beyond the free ones; 0 when free IPs cover them. */
  shortfall: number;
  /** Nodes that will ask the subnet for IPs first: smallest free pool, then most claimable. */
  firstToFail: NodeClaim[];
  nodes: NodeClaim[];
}

export interface ZoneMisfit {
  node: string;
  zone: string | null;
  subnetIds: string[];
  sentence: string;
}

/** How many nodes `firstToFail` lists. */
export const FIRST_TO_FAIL_COUNT = 5;

export function usableIpv4(cidr: string | null): number | null {
  const match = cidr?.match(/^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/);
  if (!match?.[1]) return null;
  const prefix = Number(match[1]);
  if (prefix > 32) return null;
  return Math.max(0, 2 ** (32 - prefix) - 2);
}

/** Matches a CCE short zone (zoneD) with a VPC zone name (cn-bj-d). */
export function sameZone(cceZone: string | null, vpcZone: string | null): boolean {
  if (!cceZone || !vpcZone) return false;
  const letter = cceZone.toLowerCase().replace(/^zone/, "");
  const suffix = vpcZone.toLowerCase().split("-").pop();
  return letter.length > 0 && letter === suffix;
}

/**
 * Picks the subnet a node takes new IPs from: the subnet of most of its ENIs, else the first of
 * its pool entries. A node spread over several subnets is counted once, in that subnet.
 */
export function homeSubnet(node: NodeRecord, enis: readonly EniRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const eni of enis) {
    if (eni.subnetId) counts.set(eni.subnetId, (counts.get(eni.subnetId) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked[0]) return ranked[0][0];
  for (const entry of node.pool.values()) if (entry.subnetId) return entry.subnetId;
  return node.subnetIds[0] ?? null;
}

export interface SubnetInputs {
  subnets: readonly SubnetRecord[];
  nodes: readonly NodeRecord[];
  summaries: ReadonlyMap<string, NodeSummary>;
  enisByNode: ReadonlyMap<string, readonly EniRecord[]>;
  /** Free IPs reported by the VPC API, by subnet id, when the VPC part is on. */
  vpcFree?: ReadonlyMap<string, { value: number; observedAt: string }>;
}

function countIpsBySubnet(nodes: readonly NodeRecord[]) {
  const pool = new Map<string, number>();
  const used = new Map<string, number>();
  for (const node of nodes) {
    for (const entry of node.pool.values()) {
      if (entry.subnetId) pool.set(entry.subnetId, (pool.get(entry.subnetId) ?? 0) + 1);
    }
    for (const entry of node.used.values()) {
      if (entry.subnetId) used.set(entry.subnetId, (used.get(entry.subnetId) ?? 0) + 1);
    }
  }
  return { pool, used };
}

function claimOf(summary: NodeSummary): NodeClaim {
  return {
    name: summary.name,
    instanceType: summary.instanceType,
    ceiling: summary.ceiling,
    pool: summary.poolSize,
    used: summary.used,
    free: summary.free,
    claimable: Math.max(0, summary.ceiling - summary.poolSize),
  };
}

function freeFigure(subnet: SubnetRecord, inputs: SubnetInputs): FreeIpFigure | null {
  const vpc = inputs.vpcFree?.get(subnet.id);
  if (vpc) return { value: vpc.value, source: "vpc", observedAt: vpc.observedAt };
  if (subnet.availableIpNum === null) return null;
  return { value: subnet.availableIpNum, source: "subnet-object", observedAt: null };
}

export function summarizeSubnets(inputs: SubnetInputs): SubnetSummary[] {
  const { pool, used } = countIpsBySubnet(inputs.nodes);
  const claimsBySubnet = new Map<string, NodeClaim[]>();
  for (const node of inputs.nodes) {
    const home = homeSubnet(node, inputs.enisByNode.get(node.name) ?? []);
    const summary = inputs.summaries.get(node.name);
    if (!home || !summary) continue;
    const list = claimsBySubnet.get(home) ?? [];
    list.push(claimOf(summary));
    claimsBySubnet.set(home, list);
  }

  const known = new Map(inputs.subnets.map((subnet) => [subnet.id, subnet]));
  // Subnets the nodes use but that have no Subnet object still get a row.
  for (const id of [...claimsBySubnet.keys(), ...pool.keys()]) {
    if (!known.has(id)) known.set(id, placeholderSubnet(id));
  }

  return [...known.values()]
    .map((subnet) => {
      const claims = (claimsBySubnet.get(subnet.id) ?? []).sort((a, b) =>
        compareIps(a.name, b.name),
      );
      const need = claims.reduce((sum, claim) => sum + claim.ceiling, 0);
      const claimable = claims.reduce((sum, claim) => sum + claim.claimable, 0);
      const free = freeFigure(subnet, inputs);
      const firstToFail = claims
        .filter((claim) => claim.claimable > 0)
        .sort((a, b) => a.free - b.free || b.claimable - a.claimable)
        .slice(0, FIRST_TO_FAIL_COUNT);
      return {
        id: subnet.id,
        name: subnet.subnetName,
        cidr: subnet.cidr,
        zone: subnet.zone,
        subnetType: subnet.subnetType,
        vpcId: subnet.vpcId,
        exclusive: subnet.exclusive,
        totalIps: usableIpv4(subnet.cidr),
        free,
        subnetObjectFree: subnet.availableIpNum,
        hasNoMoreIp: subnet.hasNoMoreIp,
        enabled: subnet.enable,
        poolIps: pool.get(subnet.id) ?? 0,
        usedIps: used.get(subnet.id) ?? 0,
        nodeCount: claims.length,
        need,
        needWithPrimaries: need + claims.length,
        claimable,
        shortfall: free ? Math.max(0, claimable - free.value) : 0,
        firstToFail,
        nodes: claims,
      };
    })
    .sort((a, b) => b.shortfall - a.shortfall || a.id.localeCompare(b.id));
}

function placeholderSubnet(id: string): SubnetRecord {
  return {
    name: id,
    id,
    subnetName: null,
    zone: null,
    cidr: null,
    ipv6Cidr: null,
    vpcId: null,
    subnetType: null,
    exclusive: false,
    availableIpNum: null,
    enable: null,
    hasNoMoreIp: null,
    reason: "no Subnet object",
  };
}

/** Lists nodes whose zone has none of their candidate subnets, so new ENIs cannot be created. */
export function zoneMisfits(
  nodes: readonly NodeRecord[],
  subnets: readonly SubnetRecord[],
): ZoneMisfit[] {
  const byId = new Map(subnets.map((subnet) => [subnet.id, subnet]));
  const misfits: ZoneMisfit[] = [];
  for (const node of nodes) {
    if (!node.zone || node.subnetIds.length === 0) continue;
    const known = node.subnetIds.filter((id) => byId.has(id));
    if (known.length === 0) continue;
    if (known.some((id) => sameZone(node.zone, byId.get(id)?.zone ?? null))) continue;
    misfits.push({
      node: node.name,
      zone: node.zone,
      subnetIds: node.subnetIds,
      sentence: `None of the node's subnets (${node.subnetIds.join(", ")}) is in its zone ${node.zone}; CCE cannot create ENIs there.`,
    });
  }
  return misfits;
}
