/**
 * The search index behind the header box: exact lookups of IPs, pods, nodes, instance ids, ENI
 * ids, subnet ids and MACs, and a bounded substring scan when nothing matches exactly.
 */
import type { EniRecord, NodeRecord, PodRecord, SubnetRecord } from "./records";

export type MatchKind = "ip" | "pod" | "node" | "instance" | "eni" | "subnet" | "mac";

/** used, free or releasing for pool IPs; unpooled for ENI IPs outside the pool (primary IPs). */
export type IpState = "used" | "free" | "releasing" | "unpooled";

export interface IpLocation {
  ip: string;
  node: string;
  eni: string | null;
  subnet: string | null;
  owner: string | null;
  state: IpState;
  releaseState: string | null;
}

export interface SearchMatch {
  kind: MatchKind;
  /** The matched value: an IP, namespace/name, node name, id or MAC. */
  key: string;
  /** Page that shows the match. */
  href: string;
  /** One line of context, for example the node and ENI of an IP. */
  detail: string;
  ip?: IpLocation;
}

export interface SearchIndex {
  /** Lower-cased key to matches; one key may match several objects (a pod name in two namespaces). */
  exact: Map<string, SearchMatch[]>;
  /** Keys scanned by substring when nothing matches exactly. */
  scan: { text: string; match: SearchMatch }[];
  /** IP keys, scanned only when the query looks like part of an address. */
  ipKeys: string[];
}

export interface SearchInput {
  nodes: Iterable<NodeRecord>;
  enis: Iterable<EniRecord>;
  subnets: Iterable<SubnetRecord>;
  pods: Iterable<PodRecord>;
}

export interface SearchResult {
  query: string;
  /** exact when any key equals the query, partial when found by substring, none otherwise. */
  mode: "exact" | "partial" | "none";
  matches: SearchMatch[];
  /** Matches found before `limit` cut the list. */
  total: number;
}

export const SEARCH_LIMIT = 50;

const RELEASING_STATES = new Set(["marked-for-release", "ready-for-release", "released"]);
const IP_PART = /^[0-9a-f.:]+$/i;

const nodeHref = (name: string) => `/nodes/${encodeURIComponent(name)}`;
const eniHref = (id: string) => `/enis/${encodeURIComponent(id)}`;

function add(index: SearchIndex, match: SearchMatch, scan = true): void {
  const key = match.key.toLowerCase();
  const list = index.exact.get(key);
  if (list) list.push(match);
  else index.exact.set(key, [match]);
  if (scan) index.scan.push({ text: key, match });
}

function ipMatch(location: IpLocation): SearchMatch {
  const where = [location.node, location.eni, location.subnet].filter(Boolean).join(" · ");
  const owner = location.owner ? ` · ${location.owner}` : "";
  return {
    kind: "ip",
    key: location.ip,
    href: nodeHref(location.node),
    detail: `${location.state}${owner} · ${where}`,
    ip: location,
  };
}

function indexNode(index: SearchIndex, node: NodeRecord, seenIps: Set<string>): void {
  add(index, {
    kind: "node",
    key: node.name,
    href: nodeHref(node.name),
    detail: `${node.instanceType ?? "node"} · ${node.used.size} of ${node.pool.size} pool IPs used`,
  });
  if (node.instanceId) {
    add(index, {
      kind: "instance",
      key: node.instanceId,
      href: nodeHref(node.name),
      detail: `instance of node ${node.name}`,
    });
  }
  for (const ip of new Set([...node.pool.keys(), ...node.used.keys()])) {
    const used = node.used.get(ip);
    const pooled = node.pool.get(ip);
    const releaseState = node.releaseIps.get(ip) ?? null;
    let state: IpState = "free";
    if (used) state = "used";
    else if (releaseState && RELEASING_STATES.has(releaseState)) state = "releasing";
    const location: IpLocation = {
      ip,
      node: node.name,
      eni: used?.eni ?? pooled?.eni ?? null,
      subnet: used?.subnetId ?? pooled?.subnetId ?? null,
      owner: used?.owner ?? null,
      state,
      releaseState,
    };
    add(index, ipMatch(location), false);
    index.ipKeys.push(ip);
    seenIps.add(`${node.name}|${ip}`);
    if (used?.owner) {
      add(index, {
        kind: "pod",
        key: used.owner,
        href: nodeHref(node.name),
        detail: `${ip} on node ${node.name}`,
      });
      const name = used.owner.slice(used.owner.indexOf("/") + 1);
      if (name !== used.owner) {
        add(
          index,
          {
            kind: "pod",
            key: name,
            href: nodeHref(node.name),
            detail: `${used.owner} · ${ip} on node ${node.name}`,
          },
          false,
        );
      }
    }
  }
}

function indexEni(index: SearchIndex, eni: EniRecord, seenIps: Set<string>): void {
  const href = eniHref(eni.id);
  add(index, {
    kind: "eni",
    key: eni.id,
    href,
    detail: `${eni.type} ENI on ${eni.node} · VPC ${eni.vpcStatus} · CCE ${eni.cceStatus}`,
  });
  if (eni.macAddress) {
    add(index, {
      kind: "mac",
      key: eni.macAddress,
      href,
      detail: `MAC of ENI ${eni.id} on ${eni.node}`,
    });
  }
  for (const ip of [...eni.ipv4, ...eni.ipv6]) {
    if (seenIps.has(`${eni.node}|${ip.address}`)) continue;
    const location: IpLocation = {
      ip: ip.address,
      node: eni.node,
      eni: eni.id,
      subnet: ip.subnetId ?? eni.subnetId,
      owner: null,
      state: "unpooled",
      releaseState: null,
    };
    add(
      index,
      {
        ...ipMatch(location),
        detail: `${ip.primary ? "primary IP" : "not in the pool"} · ${eni.node} · ${eni.id}`,
      },
      false,
    );
    index.ipKeys.push(ip.address);
  }
}

function indexPod(index: SearchIndex, pod: PodRecord): void {
  const key = `${pod.namespace}/${pod.name}`;
  const href = `/pods?pod=${encodeURIComponent(key)}`;
  const detail = `Pending${pod.waitingReason ? ` (${pod.waitingReason})` : ""}${pod.nodeName ? ` on ${pod.nodeName}` : ", not scheduled"}`;
  add(index, { kind: "pod", key, href, detail });
  add(index, { kind: "pod", key: pod.name, href, detail: `${key} · ${detail}` }, false);
}

/** Builds the index; cost is linear in the number of IPs, so callers memoize it per cache version. */
export function buildSearchIndex(input: SearchInput): SearchIndex {
  const index: SearchIndex = { exact: new Map(), scan: [], ipKeys: [] };
  const seenIps = new Set<string>();
  for (const node of input.nodes) indexNode(index, node, seenIps);
  for (const eni of input.enis) indexEni(index, eni, seenIps);
  for (const subnet of input.subnets) {
    add(index, {
      kind: "subnet",
      key: subnet.id,
      href: `/subnets/${encodeURIComponent(subnet.id)}`,
      detail: `${subnet.cidr ?? ""} · ${subnet.zone ?? ""} · ${subnet.availableIpNum ?? "?"} IPs available`,
    });
  }
  for (const pod of input.pods) indexPod(index, pod);
  return index;
}

function partial(index: SearchIndex, needle: string, limit: number) {
  const found: SearchMatch[] = [];
  let total = 0;
  const take = (match: SearchMatch) => {
    total += 1;
    if (found.length < limit) found.push(match);
  };
  for (const entry of index.scan) if (entry.text.includes(needle)) take(entry.match);
  if (IP_PART.test(needle) && needle.includes(".")) {
    for (const ip of index.ipKeys) {
      if (!ip.startsWith(needle)) continue;
      for (const match of index.exact.get(ip) ?? []) if (match.kind === "ip") take(match);
    }
  }
  return { found, total };
}

/** Looks a query up: exact matches first; otherwise keys that contain it, up to `limit`. */
export function searchIndex(index: SearchIndex, query: string, limit = SEARCH_LIMIT): SearchResult {
  const trimmed = query.trim();
  const needle = trimmed.toLowerCase();
  if (!needle) return { query: trimmed, mode: "none", matches: [], total: 0 };
  const exact = index.exact.get(needle);
  if (exact) {
    return { query: trimmed, mode: "exact", matches: exact.slice(0, limit), total: exact.length };
  }
  if (needle.length < 2) return { query: trimmed, mode: "none", matches: [], total: 0 };
  const { found, total } = partial(index, needle, limit);
  return { query: trimmed, mode: found.length > 0 ? "partial" : "none", matches: found, total };
}
