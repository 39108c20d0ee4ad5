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
  /** True for a second key of the same object (a pod's bare name); skipped by substring search. */
  alias?: boolean;
}

/**
 * Lower-cased key to matches, kept up to date record by record: each record's matches are
 * stored under the record object, so a new cache version re-indexes only records that changed.
 */
export interface SearchIndex {
  exact: Map<string, SearchMatch[]>;
  /** Record object to its matches and the update pass that last saw it. */
  bySource: Map<object, { matches: SearchMatch[]; pass: number }>;
  pass: number;
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

const nodeHref = (name: string, ip?: string) =>
  `/nodes/${encodeURIComponent(name)}${ip ? `?ip=${encodeURIComponent(ip)}` : ""}`;
const eniHref = (id: string) => `/enis/${encodeURIComponent(id)}`;

function ipMatch(location: IpLocation): SearchMatch {
  const where = [location.node, location.eni, location.subnet].filter(Boolean).join(" · ");
  const owner = location.owner ? ` · ${location.owner}` : "";
  return {
    kind: "ip",
    key: location.ip,
    href: nodeHref(location.node, location.ip),
    detail: `${location.state}${owner} · ${where}`,
    ip: location,
  };
}

function ipState(node: NodeRecord, ip: string): IpState {
  if (node.used.has(ip)) return "used";
  const release = node.releaseIps.get(ip);
  return release && RELEASING_STATES.has(release) ? "releasing" : "free";
}

function nodeMatches(node: NodeRecord): SearchMatch[] {
  const href = nodeHref(node.name);
  const matches: SearchMatch[] = [
    {
      kind: "node",
      key: node.name,
      href,
      detail: `${node.instanceType ?? "node"} · ${node.used.size} of ${node.pool.size} pool IPs used`,
    },
  ];
  if (node.instanceId) {
    matches.push({ kind: "instance", key: node.instanceId, href, detail: `node ${node.name}` });
  }
  for (const ip of new Set([...node.pool.keys(), ...node.used.keys()])) {
    const used = node.used.get(ip);
    const pooled = node.pool.get(ip);
    matches.push(
      ipMatch({
        ip,
        node: node.name,
        eni: used?.eni ?? pooled?.eni ?? null,
        subnet: used?.subnetId ?? pooled?.subnetId ?? null,
        owner: used?.owner ?? null,
        state: ipState(node, ip),
        releaseState: node.releaseIps.get(ip) ?? null,
      }),
    );
    if (!used?.owner) continue;
    const detail = `${ip} on node ${node.name}`;
    const podHref = nodeHref(node.name, ip);
    matches.push({ kind: "pod", key: used.owner, href: podHref, detail });
    const name = used.owner.slice(used.owner.indexOf("/") + 1);
    if (name !== used.owner) {
      matches.push({
        kind: "pod",
        key: name,
        href: podHref,
        detail: `${used.owner} · ${detail}`,
        alias: true,
      });
    }
  }
  return matches;
}

/** ENI IPs are indexed as unpooled; a pool entry for the same IP and node hides them at query time. */
function eniMatches(eni: EniRecord): SearchMatch[] {
  const href = eniHref(eni.id);
  const matches: SearchMatch[] = [
    {
      kind: "eni",
      key: eni.id,
      href,
      detail: `${eni.type} ENI on ${eni.node} · VPC ${eni.vpcStatus} · CCE ${eni.cceStatus}`,
    },
  ];
  if (eni.macAddress) {
    matches.push({
      kind: "mac",
      key: eni.macAddress,
      href,
      detail: `ENI ${eni.id} on ${eni.node}`,
    });
  }
  for (const ip of [...eni.ipv4, ...eni.ipv6]) {
    const location: IpLocation = {
      ip: ip.address,
      node: eni.node,
      eni: eni.id,
      subnet: ip.subnetId ?? eni.subnetId,
      owner: null,
      state: "unpooled",
      releaseState: null,
    };
    const what = ip.primary ? "primary IP" : "not in the pool";
    matches.push({ ...ipMatch(location), detail: `${what} · ${eni.node} · ${eni.id}` });
  }
  return matches;
}

function subnetMatches(subnet: SubnetRecord): SearchMatch[] {
  const free = `${subnet.availableIpNum ?? "?"} IPs available`;
  return [
    {
      kind: "subnet",
      key: subnet.id,
      href: `/subnets/${encodeURIComponent(subnet.id)}`,
      detail: `${subnet.cidr ?? ""} · ${subnet.zone ?? ""} · ${free}`,
    },
  ];
}

function podMatches(pod: PodRecord): SearchMatch[] {
  const key = `${pod.namespace}/${pod.name}`;
  const href = `/pods?pod=${encodeURIComponent(key)}`;
  const waiting = pod.waitingReason ? ` (${pod.waitingReason})` : "";
  const where = pod.nodeName ? ` on ${pod.nodeName}` : ", not scheduled";
  const detail = `Pending${waiting}${where}`;
  return [
    { kind: "pod", key, href, detail },
    { kind: "pod", key: pod.name, href, detail: `${key} · ${detail}`, alias: true },
  ];
}

function addSource(index: SearchIndex, source: object, matches: SearchMatch[]): void {
  index.bySource.set(source, { matches, pass: index.pass });
  for (const match of matches) {
    const key = match.key.toLowerCase();
    const list = index.exact.get(key);
    if (list) list.push(match);
    else index.exact.set(key, [match]);
  }
}

function removeMatches(index: SearchIndex, matches: readonly SearchMatch[]): void {
  for (const match of matches) {
    const key = match.key.toLowerCase();
    const list = index.exact.get(key)?.filter((other) => other !== match) ?? [];
    if (list.length > 0) index.exact.set(key, list);
    else index.exact.delete(key);
  }
}

function visit<T extends object>(
  index: SearchIndex,
  records: Iterable<T>,
  build: (record: T) => SearchMatch[],
): void {
  for (const record of records) {
    const known = index.bySource.get(record);
    if (known) known.pass = index.pass;
    else addSource(index, record, build(record));
  }
}

/**
 * Brings an index up to date with the records, re-indexing only records that are new objects
 * (the cache replaces a record on every change) and dropping records no longer present. Pass
 * null to build from scratch; a full build is linear in the number of IPs, so callers keep the
 * index between cache versions.
 */
export function updateSearchIndex(previous: SearchIndex | null, input: SearchInput): SearchIndex {
  const index = previous ?? { exact: new Map(), bySource: new Map(), pass: 0 };
  index.pass += 1;
  visit(index, input.nodes, nodeMatches);
  visit(index, input.enis, eniMatches);
  visit(index, input.subnets, subnetMatches);
  visit(index, input.pods, podMatches);
  for (const [source, entry] of index.bySource) {
    if (entry.pass === index.pass) continue;
    removeMatches(index, entry.matches);
    index.bySource.delete(source);
  }
  return index;
}

export function buildSearchIndex(input: SearchInput): SearchIndex {
  return updateSearchIndex(null, input);
}

/** Drops ENI-only entries of an IP when the node's pool lists the same IP. */
function preferPool(matches: SearchMatch[]): SearchMatch[] {
  const pooled = new Set(
    matches.filter((m) => m.ip && m.ip.state !== "unpooled").map((m) => `${m.ip?.node}|${m.key}`),
  );
  return matches.filter((m) => m.ip?.state !== "unpooled" || !pooled.has(`${m.ip.node}|${m.key}`));
}

function partial(index: SearchIndex, needle: string, limit: number) {
  const found: SearchMatch[] = [];
  let total = 0;
  // An address fragment is matched as a prefix, anything else as a substring.
  const prefixOnly = IP_PART.test(needle) && (needle.includes(".") || needle.includes(":"));
  for (const [key, matches] of index.exact) {
    if (prefixOnly ? !key.startsWith(needle) : !key.includes(needle)) continue;
    for (const match of preferPool(matches)) {
      if (match.alias) continue;
      total += 1;
      if (found.length < limit) found.push(match);
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
    const matches = preferPool(exact);
    return {
      query: trimmed,
      mode: "exact",
      matches: matches.slice(0, limit),
      total: matches.length,
    };
  }
  if (needle.length < 2) return { query: trimmed, mode: "none", matches: [], total: 0 };
  const { found, total } = partial(index, needle, limit);
  return { query: trimmed, mode: found.length > 0 ? "partial" : "none", matches: found, total };
}
