import "server-only";

import { Gauge, Registry } from "prom-client";

import { eniHealth, isUnhealthy } from "@/lib/domain/health";
import { CLUSTER_KEY } from "@/lib/history/figures";
import { type ClusterCache, getClusterCache } from "@/lib/kube/cache";

import type { HistoryRuntime } from "./sampler";
import { currentSubnets, startHistory } from "./sampler";
import { clusterView } from "./views";
import { vpcState } from "./vpc-sync";

/** Text that marks a pod as waiting for pod IPs in its scheduling message. */
const IP_RESOURCE = "cce.baidubce.com/ip";

export interface MetricsSources {
  cache: () => ClusterCache | null;
  history: () => HistoryRuntime;
  now?: () => number;
}

type Setter = (gauge: Gauge, labels: Record<string, string>, value: number) => void;
const set: Setter = (gauge, labels, value) => gauge.set(labels, value);

function gauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  collect: (g: Gauge) => void,
) {
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      // Series of removed subnets, nodes or rules must disappear, not keep their last value.
      this.reset();
      collect(this);
    },
  });
}

/**
 * Builds the registry behind GET /metrics. Every gauge is refreshed from the cache when scraped.
 * Labels are bounded by the cluster's own objects (subnet id, node name, health rule, resource
 * name), never pod names or IPs, so the series count follows the node count.
 */
export function createMetricsRegistry(sources: MetricsSources): Registry {
  const registry = new Registry();
  const now = sources.now ?? Date.now;
  const ready = () => {
    const cache = sources.cache();
    return cache?.ready() ? cache : null;
  };

  const subnetGauge = (
    name: string,
    help: string,
    value: (s: ReturnType<typeof currentSubnets>[number]) => number | null,
  ) =>
    gauge(registry, name, help, ["subnet"], (g) => {
      const cache = ready();
      if (!cache) return;
      for (const subnet of currentSubnets(cache)) {
        const v = value(subnet);
        if (v !== null) set(g, { subnet: subnet.id }, v);
      }
    });
  subnetGauge(
    "cce_subnet_free_ips",
    "Free IPs in the subnet (VPC figure when available).",
    (s) => s.free?.value ?? null,
  );
  subnetGauge(
    "cce_subnet_claimable_ips",
    "IPs the subnet's nodes may still claim (ceiling minus pool).",
    (s) => s.claimable,
  );
  subnetGauge(
    "cce_subnet_shortfall_ips",
    "Claimable IPs beyond the free ones.",
    (s) => s.shortfall,
  );

  gauge(
    registry,
    "cce_subnet_exhaustion_seconds",
    "Seconds until the forecast says the subnet runs out; absent when no exhaustion is expected.",
    ["subnet"],
    (g) => {
      for (const entry of sources.history().forecasts.list("subnet")) {
        if (entry.status === "already-exhausted") set(g, { subnet: entry.id }, 0);
        if (entry.status === "exhausts" && entry.exhaustsAt !== null) {
          set(g, { subnet: entry.id }, Math.max(0, (entry.exhaustsAt - now()) / 1000));
        }
      }
    },
  );

  const nodeGauge = (
    name: string,
    help: string,
    field: "poolSize" | "used" | "ceiling" | "headroom",
  ) =>
    gauge(registry, name, help, ["node"], (g) => {
      const cache = ready();
      if (!cache) return;
      for (const node of clusterView(cache).summaries) set(g, { node: node.name }, node[field]);
    });
  nodeGauge("cce_node_pool_ips", "Secondary IPs the node holds.", "poolSize");
  nodeGauge("cce_node_used_ips", "Pool IPs assigned to pods.", "used");
  nodeGauge("cce_node_ceiling_ips", "Most pod IPs the node can ever hold.", "ceiling");
  nodeGauge("cce_node_headroom_ips", "Ceiling minus used.", "headroom");

  gauge(
    registry,
    "cce_pending_pods",
    "Pending pods bound to the node (for example ContainerCreating).",
    ["node"],
    (g) => {
      const counts = new Map<string, number>();
      for (const pod of ready()?.pods.items.values() ?? []) {
        if (pod.nodeName) counts.set(pod.nodeName, (counts.get(pod.nodeName) ?? 0) + 1);
      }
      for (const [node, count] of counts) set(g, { node }, count);
    },
  );

  gauge(
    registry,
    "cce_unschedulable_ip_pods",
    `Pending pods not scheduled for lack of ${IP_RESOURCE}.`,
    [],
    (g) => {
      const cache = ready();
      if (!cache) return;
      let count = 0;
      for (const pod of cache.pods.items.values()) {
        if (!pod.nodeName && pod.unschedulableMessage?.includes(IP_RESOURCE)) count += 1;
      }
      g.set(count);
    },
  );

  gauge(
    registry,
    "cce_eni_unhealthy",
    "ENIs with a warning or critical finding, by health rule.",
    ["rule"],
    (g) => {
      const cache = ready();
      if (!cache) return;
      for (const [rule, count] of unhealthyByRule(cache, now())) set(g, { rule }, count);
    },
  );

  gauge(
    registry,
    "cce_data_age_seconds",
    "Seconds since each data source last answered.",
    ["source"],
    (g) => {
      const at = now();
      for (const state of sources.cache()?.states() ?? []) {
        if (state.lastContactAt)
          set(g, { source: state.resource }, (at - Date.parse(state.lastContactAt)) / 1000);
      }
      const vpcTimes = [...vpcState().subnetFree.values()].map((figure) =>
        Date.parse(figure.observedAt),
      );
      if (vpcTimes.length > 0) set(g, { source: "vpc" }, (at - Math.min(...vpcTimes)) / 1000);
      const lastWrite = sources.history().recorder.status().lastWriteAt;
      if (lastWrite) set(g, { source: "history" }, (at - Date.parse(lastWrite)) / 1000);
    },
  );

  gauge(
    registry,
    "cce_history_ok",
    "1 while the history file records samples, else 0.",
    [],
    (g) => {
      g.set(sources.history().recorder.status().ok ? 1 : 0);
    },
  );
  gauge(
    registry,
    "cce_history_write_seconds",
    "Time the last history sample took to write.",
    [],
    (g) => {
      const ms = sources.history().lastWriteMs;
      if (ms !== null) g.set(ms / 1000);
    },
  );
  gauge(
    registry,
    "cce_cluster_exhaustion_seconds",
    "Seconds until used IPs reach the sum of node ceilings.",
    [],
    (g) => {
      const entry = sources
        .history()
        .forecasts.list("cluster")
        .find((item) => item.id === CLUSTER_KEY);
      if (entry?.status === "exhausts" && entry.exhaustsAt !== null)
        g.set(Math.max(0, (entry.exhaustsAt - now()) / 1000));
    },
  );
  return registry;
}

const healthMemo = new WeakMap<
  ClusterCache,
  { version: number; minute: number; counts: Map<string, number> }
>();

/** Counts unhealthy ENIs per rule; memoized per cache version and minute (rules use the time). */
function unhealthyByRule(cache: ClusterCache, now: number): Map<string, number> {
  const minute = Math.floor(now / 60_000);
  const memo = healthMemo.get(cache);
  if (memo && memo.version === cache.version && memo.minute === minute) return memo.counts;
  const counts = new Map<string, number>();
  const context = {
    now,
    nodes: cache.nodes.items,
    kubeNodes: cache.kubeNodes.snapshotState().synced ? cache.kubeNodes.items : null,
  };
  for (const eni of cache.enis.items.values()) {
    const findings = eniHealth(eni, context);
    if (!isUnhealthy(findings)) continue;
    for (const finding of findings) {
      if (finding.severity !== "info")
        counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
    }
  }
  healthMemo.set(cache, { version: cache.version, minute, counts });
  return counts;
}

const GLOBAL_KEY = Symbol.for("cce-dashboard.metrics");
type GlobalWithMetrics = typeof globalThis & { [GLOBAL_KEY]?: Registry };

/** Returns the process-wide registry, which reads the cluster cache and the history runtime. */
export function metricsRegistry(): Registry {
  const holder = globalThis as GlobalWithMetrics;
  holder[GLOBAL_KEY] ??= createMetricsRegistry({
    cache: () => getClusterCache().cache,
    history: () => startHistory(),
  });
  return holder[GLOBAL_KEY];
}
