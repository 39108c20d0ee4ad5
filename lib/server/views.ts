import "server-only";

import { compareNatural } from "@/lib/domain/collate";
import { nodeEnis, nodeIps, type NodeSummary, summarizeNode } from "@/lib/domain/pool";
import type { EniRecord, KubeNodeRecord, NodeRecord } from "@/lib/domain/records";
import type { ClusterCache } from "@/lib/kube/cache";
import type { SourceError } from "@/lib/kube/errors";
import type { ResourceState } from "@/lib/kube/reflector";

/** Resources without which no page can be drawn; the others degrade single panels. */
const REQUIRED_RESOURCES = new Set(["netresourcesets", "enis"]);

export type FreshnessStatus = "ok" | "syncing" | "stale" | "unconfigured";

/** Currency of the served data, attached to every API response. */
export interface Freshness {
  status: FreshnessStatus;
  generatedAt: string;
  /** Oldest last contact with the API server among the required resources. */
  lastContactAt: string | null;
  ageSeconds: number | null;
  server: string | null;
  context: string | null;
  /** The most important problem in words, or null when all is well. */
  message: string | null;
  errors: (SourceError & { resource: string })[];
  resources: ResourceState[];
}

interface SummaryMemo {
  node: NodeRecord;
  kubeNode: KubeNodeRecord | null;
  enis: EniRecord[];
  summary: NodeSummary;
}

export interface ClusterView {
  version: number;
  summaries: NodeSummary[];
  summaryByName: Map<string, NodeSummary>;
  enisByNode: Map<string, EniRecord[]>;
  /** Serialized `summaries`, shared by every request until the cache changes. */
  summariesJson: string;
}

const memos = new WeakMap<ClusterCache, Map<string, SummaryMemo>>();
const views = new WeakMap<ClusterCache, ClusterView>();

function sameEnis(a: EniRecord[], b: EniRecord[]): boolean {
  return a.length === b.length && a.every((eni, index) => eni === b[index]);
}

function indexEnis(cache: ClusterCache): Map<string, EniRecord[]> {
  const byNode = new Map<string, EniRecord[]>();
  for (const eni of cache.enis.items.values()) {
    const list = byNode.get(eni.node);
    if (list) list.push(eni);
    else byNode.set(eni.node, [eni]);
  }
  return byNode;
}

/**
 * Returns the node summaries for the cache's current version. Summaries are recomputed only for
 * nodes whose NRS, Node or ENIs changed, so a churning 5,000-node cluster stays cheap to serve.
 */
export function clusterView(cache: ClusterCache): ClusterView {
  const cached = views.get(cache);
  if (cached && cached.version === cache.version) return cached;

  const version = cache.version;
  const previous = memos.get(cache) ?? new Map<string, SummaryMemo>();
  const next = new Map<string, SummaryMemo>();
  const enisByNode = indexEnis(cache);
  const summaries: NodeSummary[] = [];
  for (const node of cache.nodes.items.values()) {
    const kubeNode = cache.kubeNodes.items.get(node.name) ?? null;
    const enis = enisByNode.get(node.name) ?? [];
    const memo = previous.get(node.name);
    const reusable =
      memo && memo.node === node && memo.kubeNode === kubeNode && sameEnis(memo.enis, enis);
    const summary = reusable ? memo.summary : summarizeNode(node, enis, kubeNode);
    next.set(node.name, { node, kubeNode, enis, summary });
    summaries.push(summary);
  }
  summaries.sort((a, b) => compareNatural(a.name, b.name));
  memos.set(cache, next);

  const view: ClusterView = {
    version,
    summaries,
    summaryByName: new Map(summaries.map((summary) => [summary.name, summary])),
    enisByNode,
    summariesJson: JSON.stringify(summaries),
  };
  views.set(cache, view);
  return view;
}

export function nodeDetail(cache: ClusterCache, name: string) {
  const node = cache.nodes.items.get(name);
  if (!node) return null;
  const view = clusterView(cache);
  const enis = view.enisByNode.get(name) ?? [];
  const kubeNode = cache.kubeNodes.items.get(name) ?? null;
  return {
    node: view.summaryByName.get(name) ?? summarizeNode(node, enis, kubeNode),
    quota: {
      maxAllocateEni: node.maxAllocateEni,
      maxIpsPerEni: node.maxIpsPerEni,
      maxAllocate: node.maxAllocate,
      preAllocate: node.preAllocate,
      minAllocate: node.minAllocate,
      maxAboveWatermark: node.maxAboveWatermark,
      capacitySyncedAt: node.capacitySyncedAt,
    },
    subnetIds: node.subnetIds,
    availableSubnetIds: node.availableSubnetIds,
    operatorError: node.operatorError,
    kubeNode: kubeNode
      ? {
          allocatableIp: kubeNode.allocatableIp,
          capacityIp: kubeNode.capacityIp,
          ready: kubeNode.ready,
          zone: kubeNode.zone,
        }
      : null,
    enis: nodeEnis(node, enis),
    ips: nodeIps(node),
  };
}

export type NodeDetail = NonNullable<ReturnType<typeof nodeDetail>>;

function firstMessage(errors: Freshness["errors"], synced: boolean): string | null {
  const required = errors.find((error) => REQUIRED_RESOURCES.has(error.resource));
  const chosen = required ?? errors[0];
  if (!chosen) return synced ? null : "Loading the cluster's objects for the first time.";
  return chosen.message;
}

export function freshness(
  cache: ClusterCache | null,
  configError: string | null,
  now = Date.now(),
): Freshness {
  const generatedAt = new Date(now).toISOString();
  if (!cache) {
    return {
      status: "unconfigured",
      generatedAt,
      lastContactAt: null,
      ageSeconds: null,
      server: null,
      context: null,
      message: configError ?? "Cluster access is not configured.",
      errors: [],
      resources: [],
    };
  }
  const resources = cache.states();
  const required = resources.filter((state) => REQUIRED_RESOURCES.has(state.resource));
  const contacts = required.map((state) => state.lastContactAt);
  const lastContactAt = contacts.includes(null) ? null : ([...contacts].sort()[0] ?? null);
  const errors = resources.flatMap((state) =>
    state.error ? [{ ...state.error, resource: state.resource }] : [],
  );
  const synced = cache.ready();
  const requiredFailing = errors.some((error) => REQUIRED_RESOURCES.has(error.resource));
  let status: FreshnessStatus = "ok";
  if (!synced) status = "syncing";
  else if (requiredFailing) status = "stale";
  return {
    status,
    generatedAt,
    lastContactAt,
    ageSeconds: lastContactAt
      ? Math.max(0, Math.round((now - Date.parse(lastContactAt)) / 1000))
      : null,
    server: cache.options.server,
    context: cache.options.context,
    message: firstMessage(errors, synced),
    errors,
    resources,
  };
}
