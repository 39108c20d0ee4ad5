import "server-only";

import { whatIf } from "@/lib/forecast";
import { getClusterCache } from "@/lib/kube/cache";
import type { ForecastEntry } from "@/lib/server/forecasts";
import { FORECAST_WINDOW_MS, usageSeries } from "@/lib/server/forecasts";
import { currentSubnets, startHistory } from "@/lib/server/sampler";
import { clusterView } from "@/lib/server/views";

import { CLUSTER_KEY } from "./figures";
import type { HistoryParams, WhatIfParams } from "./params";
import type { HistoryPoint, HistoryStatus, Resolution, SeriesKind } from "./types";

export interface HistoryAnswer {
  kind: SeriesKind;
  id: string;
  from: string;
  to: string;
  resolution: Resolution["name"] | null;
  /** Bucket width, seconds. */
  step: number;
  points: HistoryPoint[];
  /** Today's exhaustion level of the series (subnet size, ceiling), null when unknown. */
  capacity: number | null;
  history: HistoryStatus;
}

export type ForecastAnswer = Omit<ForecastEntry, "tick" | "backtest"> & { history: HistoryStatus };

/** Tells whether the cache or the history file has the series; unknown ids get a 404. */
export function seriesExists(kind: SeriesKind, id: string): boolean {
  if (kind === "cluster") return true;
  const { cache } = getClusterCache();
  if (cache?.ready()) {
    if (kind === "node" && cache.nodes.items.has(id)) return true;
    if (kind === "subnet" && currentSubnets(cache).some((subnet) => subnet.id === id)) {
      return true;
    }
  }
  return startHistory().recorder.guard("read", (store) => store.hasSeries(kind, id)) ?? false;
}

function currentCapacity(kind: SeriesKind, id: string): number | null {
  const { cache } = getClusterCache();
  if (!cache?.ready()) return null;
  if (kind === "subnet") {
    return currentSubnets(cache).find((subnet) => subnet.id === id)?.totalIps ?? null;
  }
  if (kind === "node") return clusterView(cache).summaryByName.get(id)?.ceiling ?? null;
  return clusterView(cache).summaries.reduce((sum, node) => sum + node.ceiling, 0);
}

/** Adds figures derived on read: a node's or the cluster's headroom, a subnet's size in use. */
function withDerived(kind: SeriesKind, points: HistoryPoint[], capacity: number | null) {
  return points.map((point) => {
    if (kind !== "subnet") {
      const { ceiling, used } = point;
      const headroom = ceiling == null || used == null ? null : ceiling - used;
      return { ...point, headroom };
    }
    const free = point.free ?? null;
    return { ...point, inUse: capacity === null || free === null ? null : capacity - free };
  });
}

export function historyAnswer(kind: SeriesKind, id: string, params: HistoryParams): HistoryAnswer {
  const { recorder } = startHistory();
  const capacity = currentCapacity(kind, id);
  // Reads go through the guard like writes, so a file damaged while open gives a banner, not a 500.
  const result = recorder.guard("read", (store) => store.query({ kind, key: id, ...params }));
  return {
    kind,
    id,
    from: new Date(params.from).toISOString(),
    to: new Date(params.to).toISOString(),
    resolution: result?.resolution ?? null,
    step: result?.step ?? params.step,
    points: withDerived(kind, result?.points ?? [], capacity),
    capacity,
    history: recorder.status(),
  };
}

function publicForecast(entry: ForecastEntry | null, kind: SeriesKind, id: string) {
  if (!entry) {
    return {
      kind,
      id,
      status: "insufficient-data" as const,
      method: "none" as const,
      exhaustsAt: null,
      low: null,
      high: null,
      reason: "No history is available for this series.",
      capacity: currentCapacity(kind, id),
      computedAt: new Date().toISOString(),
    };
  }
  const rest: Partial<ForecastEntry> = { ...entry };
  delete rest.tick;
  delete rest.backtest;
  return rest as Omit<ForecastEntry, "tick" | "backtest">;
}

export function forecastAnswer(kind: SeriesKind, id: string): ForecastAnswer {
  const { recorder, forecasts } = startHistory();
  return { ...publicForecast(forecasts.get(kind, id), kind, id), history: recorder.status() };
}

export interface ForecastListItem {
  id: string;
  status: ForecastEntry["status"];
  exhaustsAt: number | null;
  low: number | null;
  high: number | null;
  computedAt: string;
}

/** Cached forecasts of every subnet or node, for sorting lists by time to exhaustion. */
export function forecastList(kind: "subnet" | "node") {
  const { recorder, forecasts } = startHistory();
  const items: ForecastListItem[] = forecasts
    .list(kind)
    .map(({ id, status, exhaustsAt, low, high, computedAt }) => ({
      id,
      status,
      exhaustsAt,
      low,
      high,
      computedAt,
    }))
    .sort(
      (a, b) => (a.exhaustsAt ?? Infinity) - (b.exhaustsAt ?? Infinity) || a.id.localeCompare(b.id),
    );
  return { kind, items, pending: forecasts.pending(), history: recorder.status() };
}

/** Runs the subnet what-if on today's figures; null when the subnet is unknown to the cache. */
export function whatIfAnswer(id: string, params: WhatIfParams) {
  const { cache } = getClusterCache();
  const subnet = cache?.ready() ? currentSubnets(cache).find((item) => item.id === id) : null;
  if (!subnet) return null;
  const ceilings = subnet.nodes.map((node) => node.ceiling).sort((a, b) => a - b);
  const ceilingPerNode = params.ceiling ?? ceilings[Math.floor(ceilings.length / 2)] ?? null;
  if (ceilingPerNode === null) {
    return { error: '"ceiling" is required because the subnet has no nodes to copy it from' };
  }

  const { recorder } = startHistory();
  const now = Date.now();
  const total = subnet.totalIps ?? 0;
  const window = { kind: "subnet" as const, key: id, from: now - FORECAST_WINDOW_MS, to: now + 1 };
  const points =
    recorder.guard("read", (store) => store.query({ ...window, step: 900 }).points) ?? [];
  const series = usageSeries(points, {
    capacity: total,
    usage: (point) => (point.free == null ? null : total - point.free),
  });
  const result = whatIf({
    // Pool IPs are already taken from the subnet, so a node may still claim ceiling minus pool,
    // the same rule as the subnets page; passing pool as "used" keeps the two figures equal.
    nodes: subnet.nodes.map((node) => ({ ceiling: node.ceiling, used: node.pool })),
    addNodes: params.addNodes,
    ceilingPerNode,
    freeIps: subnet.free?.value ?? 0,
    series,
    capacity: total,
  });
  const strip = (forecast: typeof result.forecastBefore) => ({ ...forecast, backtest: undefined });
  return {
    id,
    addNodes: params.addNodes,
    ceilingPerNode,
    ...result,
    forecastBefore: strip(result.forecastBefore),
    forecastAfter: strip(result.forecastAfter),
    history: recorder.status(),
  };
}

export { CLUSTER_KEY };
