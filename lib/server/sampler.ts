import "server-only";

import path from "node:path";

import { type ChangeStore, MemoryChangeStore } from "@/lib/domain/feed";
import type { SubnetSummary } from "@/lib/domain/subnets";
import { SqliteChangeStore } from "@/lib/history/change-store";
import { buildSample, CLUSTER_KEY } from "@/lib/history/figures";
import { HistoryRecorder } from "@/lib/history/recorder";
import { seedDemoHistory } from "@/lib/history/seed";
import {
  type HistoryStatus,
  MAINTENANCE_INTERVAL_MS,
  SAMPLE_INTERVAL_MS,
  type SeriesKind,
} from "@/lib/history/types";
import { type ClusterCache, getClusterCache } from "@/lib/kube/cache";

import { ForecastCache, type SeriesCapacity } from "./forecasts";
import { logger } from "./log";
import { subnetView } from "./subnets";
import { clusterView, freshness } from "./views";
import { vpcState } from "./vpc-sync";

/** Retry delay while the cache is not yet synced, so the first sample comes soon after start. */
const NOT_READY_RETRY_MS = 5_000;

/** A subnet counts as running out for the demo seed when its free IPs are at most this share. */
const DEMO_EXHAUSTING_SHARE = 0.1;

export interface HistoryRuntime {
  recorder: HistoryRecorder;
  forecasts: ForecastCache;
  /** Number of samples taken by this process. */
  tick: number;
  lastMaintenance: number;
  /** Wall time of the last tick's write, ms, for metrics and the benchmark. */
  lastWriteMs: number | null;
  stop(): void;
}

export interface HistoryOptions {
  /** Database path; default from HISTORY_DB, "off" disables history. */
  file?: string | null;
  /** Source of subnet figures; default `currentSubnets`. */
  subnets?: (cache: ClusterCache) => readonly SubnetSummary[];
  /** Seed 30 days of invented history into an empty file (HISTORY_DEMO_SEED=1). Demo only. */
  demoSeed?: boolean;
  /** Start the periodic timer; tests drive `sampleOnce` themselves. Default true. */
  timer?: boolean;
  cache?: () => ClusterCache | null;
  now?: () => number;
}

/** Runtimes whose file was already checked for (or given) demo history. */
const seedChecked = new WeakSet<HistoryRuntime>();

const GLOBAL_KEY = Symbol.for("cce-dashboard.history");
type GlobalWithHistory = typeof globalThis & { [GLOBAL_KEY]?: HistoryRuntime };

/** Resolves HISTORY_DB: unset means data/history.db under the working directory, "off" none. */
export function historyFile(value = process.env.HISTORY_DB): string | null {
  if (value?.trim().toLowerCase() === "off") return null;
  // The comment keeps Turbopack from tracing the whole project for this runtime path.
  return path.resolve(/* turbopackIgnore: true */ value?.trim() || path.join("data", "history.db"));
}

/** Subnet figures as the subnets pages show them, with VPC free-IP figures when available. */
export function currentSubnets(cache: ClusterCache): readonly SubnetSummary[] {
  return subnetView(cache, vpcState().subnetFree).subnets;
}

/** Capacity and usage of each series from the cache's current figures. */
function capacityOf(
  cacheOf: () => ClusterCache | null,
  subnetsOf: (cache: ClusterCache) => readonly SubnetSummary[],
) {
  return (kind: SeriesKind, id: string): SeriesCapacity | null => {
    const cache = cacheOf();
    if (!cache?.ready()) return null;
    if (kind === "subnet") {
      const subnet = subnetsOf(cache).find((item) => item.id === id);
      if (!subnet) return null;
      const total = subnet.totalIps;
      return {
        capacity: total,
        usage: (point) => {
          const free = point.free ?? null;
          return total === null || free === null ? null : total - free;
        },
        missing: "The subnet's CIDR is unknown, so its size and use cannot be computed.",
        current: total === null || !subnet.free ? null : total - subnet.free.value,
      };
    }
    const nodes = clusterView(cache).summaries;
    const node = kind === "node" ? clusterView(cache).summaryByName.get(id) : null;
    if (kind === "node" && !node) return null;
    const ceiling = node ? node.ceiling : nodes.reduce((sum, item) => sum + item.ceiling, 0);
    return {
      capacity: ceiling > 0 ? ceiling : null,
      usage: (point) => point.used ?? null,
      missing: "The ceiling is 0 (exclusive ENI mode or no quota), so headroom never changes.",
      current: node ? node.used : nodes.reduce((sum, item) => sum + item.used, 0),
    };
  };
}

/** Subnets whose demo history should head for exhaustion: little free, more claimable. */
export function demoExhaustingSubnets(subnets: readonly SubnetSummary[]): string[] {
  return subnets
    .filter((s) => s.free && s.totalIps && s.free.value <= s.totalIps * DEMO_EXHAUSTING_SHARE)
    .filter((s) => s.shortfall > 0)
    .map((s) => s.id);
}

/** Creates a history runtime without registering it globally (tests, benchmark). */
export function createHistory(options: HistoryOptions = {}): HistoryRuntime {
  const now = options.now ?? Date.now;
  const cacheOf = options.cache ?? (() => getClusterCache().cache);
  const subnetsOf = options.subnets ?? currentSubnets;
  const file = options.file === undefined ? historyFile() : options.file;
  const recorder = new HistoryRecorder({ file, logger, now });
  const forecasts = new ForecastCache({
    read: (action) => recorder.guard("read", action),
    capacity: capacityOf(cacheOf, subnetsOf),
    now,
  });
  let timer: NodeJS.Timeout | null = null;
  const runtime: HistoryRuntime = {
    recorder,
    forecasts,
    tick: 0,
    lastMaintenance: now(),
    lastWriteMs: null,
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      recorder.close();
    },
  };
  if (options.timer === false || file === null) return runtime;

  const loop = () => {
    let delay = NOT_READY_RETRY_MS;
    try {
      const sampled = sampleOnce(runtime, cacheOf(), { ...options, subnets: subnetsOf, now });
      if (sampled) delay = SAMPLE_INTERVAL_MS - (now() % SAMPLE_INTERVAL_MS);
    } catch (error) {
      logger.error({ err: error }, "history sample failed");
    }
    timer = setTimeout(loop, delay);
    timer.unref();
  };
  timer = setTimeout(loop, 0);
  timer.unref();
  return runtime;
}

/**
 * Records the cache's current figures as one sample, seeds demo history first when asked, runs
 * rollups and retention when due, and queues the forecasts for refresh. Skips (returns false)
 * while the cache is not synced or its data is stale, so an outage is not recorded as a flat line.
 */
export function sampleOnce(
  runtime: HistoryRuntime,
  cache: ClusterCache | null,
  options: Pick<HistoryOptions, "subnets" | "demoSeed" | "now"> = {},
): boolean {
  const now = (options.now ?? Date.now)();
  if (!cache?.ready() || freshness(cache, null, now).status !== "ok") return false;

  const subnets = (options.subnets ?? currentSubnets)(cache);
  const nodes = clusterView(cache).summaries;
  const sample = buildSample(now, subnets, nodes);
  if (options.demoSeed && !seedChecked.has(runtime)) {
    seedChecked.add(runtime);
    seedOnce(runtime, sample, subnets);
  }

  const started = performance.now();
  const written = runtime.recorder.record(sample);
  runtime.lastWriteMs = performance.now() - started;
  if (!written) return true;

  runtime.tick += 1;
  if (now - runtime.lastMaintenance >= MAINTENANCE_INTERVAL_MS) {
    runtime.lastMaintenance = now;
    runtime.recorder.maintain();
  }
  runtime.forecasts.advance(runtime.tick, [
    ...subnets.map((subnet) => ({ kind: "subnet" as const, id: subnet.id })),
    { kind: "cluster", id: CLUSTER_KEY },
    ...nodes.map((node) => ({ kind: "node" as const, id: node.name })),
  ]);
  runtime.forecasts.retain("node", new Set(nodes.map((node) => node.name)));
  return true;
}

/**
 * Most node series the demo seed invents. Seeding runs synchronously; at --scale 5000 a full
 * seed held the server for over 20 s, so larger demos get node history for this many nodes
 * (in name order) and every subnet and the cluster in full.
 */
const DEMO_SEED_MAX_NODES = 300;

function seedOnce(
  runtime: HistoryRuntime,
  today: ReturnType<typeof buildSample>,
  subnets: readonly SubnetSummary[],
) {
  const exhausting = demoExhaustingSubnets(subnets);
  let nodesKept = 0;
  const seeded = {
    ...today,
    series: today.series.filter(
      (series) => series.kind !== "node" || ++nodesKept <= DEMO_SEED_MAX_NODES,
    ),
  };
  const result = runtime.recorder.guard("seed", (store) =>
    seedDemoHistory(store, seeded, { now: today.t - 1, exhausting }),
  );
  if (result?.seeded) {
    logger.info(
      { rows: result.rows, elapsedMs: Math.round(result.elapsedMs), exhausting },
      "seeded demo history",
    );
  }
}

/**
 * Starts history recording once per process (later calls return the same runtime). The cluster
 * cache is read on each tick, so the order of starting the two does not matter.
 */
export function startHistory(options: HistoryOptions = {}): HistoryRuntime {
  const holder = globalThis as GlobalWithHistory;
  const existing = holder[GLOBAL_KEY];
  if (existing) return existing;
  const runtime = createHistory({ demoSeed: process.env.HISTORY_DEMO_SEED === "1", ...options });
  holder[GLOBAL_KEY] = runtime;
  return runtime;
}

/** Health of the history store for banners; starts history on first use. */
export function historyStatus(): HistoryStatus {
  return startHistory().recorder.status();
}

/** Creates the change feed's store: in the history file, or in memory when history is off. */
export function historyChangeStore(): ChangeStore {
  const { recorder } = startHistory();
  return recorder.file ? new SqliteChangeStore(recorder) : new MemoryChangeStore();
}
