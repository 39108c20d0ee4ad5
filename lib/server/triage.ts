import "server-only";

import { compareNatural } from "@/lib/domain/collate";
import { decodeContextFor, type DecodedError, decodeError, extractCode } from "@/lib/domain/decode";
import {
  DEFAULT_HEALTH_THRESHOLDS,
  eniHealth,
  type HealthFinding,
  type HealthThresholds,
  isUnhealthy,
  type Severity,
  worstSeverity,
} from "@/lib/domain/health";
import { findPendingPods, groupPendingPods, type PendingPod } from "@/lib/domain/pending";
import type { EniRecord, EventRecord } from "@/lib/domain/records";
import { buildTimeline, lastChangeAt, type Timeline } from "@/lib/domain/timeline";
import type { ClusterCache } from "@/lib/kube/cache";

import { ensureFeed, observedFor } from "./feed";
import { clusterView } from "./views";

const ENV_THRESHOLDS: [keyof HealthThresholds, string][] = [
  ["stuckMinutes", "ENI_STUCK_MINUTES"],
  ["pendingMinutes", "ENI_PENDING_MINUTES"],
  ["deletionMinutes", "ENI_DELETION_MINUTES"],
  ["flapWindowMinutes", "ENI_FLAP_WINDOW_MINUTES"],
  ["flapTransitions", "ENI_FLAP_TRANSITIONS"],
];

/** Health thresholds with environment overrides; invalid values keep the default. */
export function healthThresholds(
  env: Record<string, string | undefined> = process.env,
): HealthThresholds {
  const thresholds = { ...DEFAULT_HEALTH_THRESHOLDS };
  for (const [key, name] of ENV_THRESHOLDS) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value > 0) thresholds[key] = value;
  }
  return thresholds;
}

export interface EniRow {
  id: string;
  type: string;
  useMode: string;
  node: string;
  nodeExists: boolean;
  instanceId: string | null;
  subnetId: string | null;
  macAddress: string | null;
  interfaceName: string | null;
  ipCount: number;
  /** maxIPsPerENI of the node, primary included; null when the node is gone. */
  ipQuota: number | null;
  cceStatus: string;
  vpcStatus: string;
  createdAt: string | null;
  deleting: boolean;
  lastChangeAt: string | null;
  findings: HealthFinding[];
  unhealthy: boolean;
  severity: Severity | null;
}

/** Rows are reused for this long at one cache version, since time-based rules move with the clock. */
const ROWS_TTL_MS = 10_000;

interface RowsMemo {
  version: number;
  builtAt: number;
  rows: EniRow[];
  byId: Map<string, EniRow>;
}

const memos = new WeakMap<ClusterCache, RowsMemo>();

function toRow(
  cache: ClusterCache,
  eni: EniRecord,
  now: number,
  t: HealthThresholds,
  kubeSynced: boolean,
): EniRow {
  const node = cache.nodes.items.get(eni.node);
  const findings = eniHealth(eni, {
    now,
    nodes: cache.nodes.items,
    kubeNodes: kubeSynced ? cache.kubeNodes.items : null,
    thresholds: t,
  });
  return {
    id: eni.id,
    type: eni.type,
    useMode: eni.useMode,
    node: eni.node,
    nodeExists: node !== undefined,
    instanceId: eni.instanceId,
    subnetId: eni.subnetId,
    macAddress: eni.macAddress,
    interfaceName: eni.interfaceName,
    ipCount: eni.ipv4.length,
    ipQuota: node ? node.maxIpsPerEni : null,
    cceStatus: eni.cceStatus,
    vpcStatus: eni.vpcStatus,
    createdAt: eni.createdAt,
    deleting: eni.deletionTimestamp !== null,
    lastChangeAt: lastChangeAt(eni),
    findings,
    unhealthy: isUnhealthy(findings),
    severity: worstSeverity(findings),
  };
}

/** Returns every ENI with its health, memoized per cache version for ROWS_TTL_MS. */
export function eniRows(cache: ClusterCache, now = Date.now()): RowsMemo {
  const memo = memos.get(cache);
  if (memo && memo.version === cache.version && now - memo.builtAt < ROWS_TTL_MS) return memo;
  const t = healthThresholds();
  const kubeSynced = cache.kubeNodes.snapshotState().synced;
  const rows = [...cache.enis.items.values()].map((eni) => toRow(cache, eni, now, t, kubeSynced));
  rows.sort((a, b) => compareNatural(a.node, b.node) || a.id.localeCompare(b.id));
  const built = {
    version: cache.version,
    builtAt: now,
    rows,
    byId: new Map(rows.map((r) => [r.id, r])),
  };
  memos.set(cache, built);
  return built;
}

export interface EniFilter {
  node?: string | null;
  unhealthy?: boolean;
  type?: string | null;
  /** Matches either the CCE or the VPC status. */
  status?: string | null;
  limit?: number;
}

export const ENI_LIST_LIMIT = 1_000;

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export function listEnis(cache: ClusterCache, filter: EniFilter) {
  ensureFeed(cache);
  const { rows } = eniRows(cache);
  const matched = rows.filter(
    (row) =>
      (!filter.node || row.node === filter.node) &&
      (!filter.unhealthy || row.unhealthy) &&
      (!filter.type || row.type === filter.type) &&
      (!filter.status || row.cceStatus === filter.status || row.vpcStatus === filter.status),
  );
  if (filter.unhealthy) {
    matched.sort(
      (a, b) => SEVERITY_RANK[a.severity ?? "info"] - SEVERITY_RANK[b.severity ?? "info"],
    );
  }
  const counts = { total: rows.length, unhealthy: 0, critical: 0, warning: 0 };
  for (const row of rows) {
    if (!row.unhealthy) continue;
    counts.unhealthy += 1;
    if (row.severity === "critical") counts.critical += 1;
    else counts.warning += 1;
  }
  return {
    items: matched.slice(0, filter.limit ?? ENI_LIST_LIMIT),
    matched: matched.length,
    counts,
  };
}

export interface DecodedEvent extends EventRecord {
  code: string | null;
  decoded: DecodedError | null;
}

function nodeContext(cache: ClusterCache, name: string | null) {
  const view = clusterView(cache);
  const node = name ? (cache.nodes.items.get(name) ?? null) : null;
  const enis = name ? (view.enisByNode.get(name) ?? []) : [];
  const figures = name ? (view.summaryByName.get(name) ?? null) : null;
  return decodeContextFor(figures, node, enis, cache.subnets.items);
}

function decodeEvent(cache: ClusterCache, event: EventRecord, node: string | null): DecodedEvent {
  const code = event.type === "Warning" ? extractCode(event.reason, event.message) : null;
  if (!code) return { ...event, code: null, decoded: null };
  const ctx = {
    ...nodeContext(cache, node),
    eni: event.objectKind === "ENI" ? event.objectName : null,
  };
  return { ...event, code, decoded: decodeError(code, ctx, event.message) };
}

export interface EventFilter {
  kind?: string | null;
  name?: string | null;
  namespace?: string | null;
}

/** Events about NetResourceSets, ENIs and pods, newest first, Warnings decoded. */
export function listEvents(cache: ClusterCache, filter: EventFilter): DecodedEvent[] {
  const events = [...cache.events.items.values()].filter(
    (event) =>
      (!filter.kind || event.objectKind === filter.kind) &&
      (!filter.name || event.objectName === filter.name) &&
      (!filter.namespace || event.objectNamespace === filter.namespace),
  );
  events.sort((a, b) => (b.lastTime ?? "").localeCompare(a.lastTime ?? ""));
  return events.map((event) => {
    let node: string | null = null;
    if (event.objectKind === "NetResourceSet") node = event.objectName;
    if (event.objectKind === "ENI")
      node = cache.enis.items.get(event.objectName ?? "")?.node ?? null;
    if (event.objectKind === "Pod") {
      const key = `${event.objectNamespace ?? event.namespace}/${event.objectName ?? ""}`;
      node = cache.pods.items.get(key)?.nodeName ?? null;
    }
    return decodeEvent(cache, event, node);
  });
}

export interface EniDetail {
  eni: EniRow;
  vpcId: string | null;
  zoneName: string | null;
  description: string | null;
  finalizers: string[];
  deletionTimestamp: string | null;
  ownerNode: string | null;
  borrowIpCount: number;
  ips: { address: string; primary: boolean; subnetId: string | null; owner: string | null }[];
  timeline: Timeline;
  events: DecodedEvent[];
}

export function eniDetail(cache: ClusterCache, id: string): EniDetail | null {
  const record = cache.enis.items.get(id);
  if (!record) return null;
  const row =
    eniRows(cache).byId.get(id) ??
    toRow(cache, record, Date.now(), healthThresholds(), cache.kubeNodes.snapshotState().synced);
  const used = cache.nodes.items.get(record.node)?.used;
  return {
    eni: row,
    vpcId: record.vpcId,
    zoneName: record.zoneName,
    description: record.description,
    finalizers: record.finalizers,
    deletionTimestamp: record.deletionTimestamp,
    ownerNode: record.ownerNode,
    borrowIpCount: record.borrowIpCount,
    ips: [...record.ipv4, ...record.ipv6].map((ip) => ({
      ...ip,
      owner: used?.get(ip.address)?.owner ?? null,
    })),
    timeline: buildTimeline(record, observedFor(cache, id)),
    events: listEvents(cache, { kind: "ENI", name: id }),
  };
}

export function pendingPods(cache: ClusterCache, node: string | null = null) {
  const view = clusterView(cache);
  const all = findPendingPods({
    pods: cache.pods.items.values(),
    events: cache.events.items.values(),
    nodes: cache.nodes.items,
    figures: view.summaryByName,
    enisByNode: view.enisByNode,
    subnets: cache.subnets.items,
  });
  const items: PendingPod[] = node ? all.filter((pod) => pod.node === node) : all;
  return { items, groups: groupPendingPods(items) };
}
