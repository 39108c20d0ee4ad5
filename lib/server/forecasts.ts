import "server-only";

import { DAY_MS, type Forecast, forecast, type Point } from "@/lib/forecast";
import type { HistoryStore } from "@/lib/history/store";
import type { HistoryPoint, SeriesKind } from "@/lib/history/types";

import { logger } from "./log";

/** History a forecast looks at: the 5-minute table's whole retention. */
export const FORECAST_WINDOW_MS = 30 * DAY_MS;
/** Bucket width of the forecast input, seconds; the engine resamples to hourly anyway. */
const FORECAST_STEP_SECONDS = 900;
/** Shortest pause between two background forecasts, ms. */
const PAUSE_MS = 50;
/**
 * Background forecasts may use this share of one core: after each one the loop rests nine times
 * as long as it worked, so a request waits at most one forecast (about 30 ms) behind it.
 */
const BACKGROUND_CPU_SHARE = 0.1;
/**
 * How old a forecast may get before it is computed again, per kind. Subnet and cluster series
 * are few and follow every sample; node headroom moves slowly, and 5,000 nodes at about 30 ms
 * each would otherwise keep a core busy.
 */
const REFRESH_MS: Record<SeriesKind, number> = {
  subnet: 0,
  cluster: 0,
  node: 15 * 60_000,
};

/** Today's figures that the forecast of one series needs. */
export interface SeriesCapacity {
  /** Exhaustion level of the usage series: subnet size, node or cluster ceiling; null = unknown. */
  capacity: number | null;
  /** Usage at one history point, or null when the point lacks the figure. */
  usage: (point: HistoryPoint) => number | null;
  /** Reason no forecast is possible, when capacity is null. */
  missing?: string;
  /** Usage right now from the live cache; it ends the series, as samples may lag a minute. */
  current?: number | null;
}

export interface ForecastEntry extends Forecast {
  kind: SeriesKind;
  id: string;
  capacity: number | null;
  /** When this forecast was computed (ISO). */
  computedAt: string;
  /** Sampler tick the forecast was computed for. */
  tick: number;
}

export interface ForecastSource {
  /** Runs a read against the history store; null when there is none or the read failed. */
  read: <T>(action: (store: HistoryStore) => T) => T | null;
  capacity: (kind: SeriesKind, id: string) => SeriesCapacity | null;
  now?: () => number;
}

/** Builds the usage series of history points, dropping points without the figure. */
export function usageSeries(points: readonly HistoryPoint[], capacity: SeriesCapacity): Point[] {
  const series: Point[] = [];
  for (const point of points) {
    const v = capacity.usage(point);
    if (v !== null && Number.isFinite(v)) series.push({ t: point.t, v });
  }
  return series;
}

/**
 * Ends a series with the live usage. History buckets average the last samples, so a node that
 * has just reached its ceiling could otherwise look a little below it.
 */
function withCurrent(series: Point[], capacity: SeriesCapacity, now: number): Point[] {
  const current = capacity.current;
  const last = series[series.length - 1];
  if (current === null || current === undefined || (last && last.t >= now)) return series;
  return [...series, { t: now, v: current }];
}

/**
 * Forecasts per series, kept until due again (see REFRESH_MS). A detail request computes its
 * one series on demand (about 30 ms); list responses read what is cached while a background loop
 * refreshes the rest one at a time, so no request ever waits for thousands of forecasts.
 */
export class ForecastCache {
  private readonly entries = new Map<string, ForecastEntry>();
  private readonly queue = new Map<string, { kind: SeriesKind; id: string }>();
  private tick = 0;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly source: ForecastSource) {
    this.now = source.now ?? Date.now;
  }

  /** Starts a new tick and queues the given series whose forecast is due again. */
  advance(tick: number, series: readonly { kind: SeriesKind; id: string }[]): void {
    this.tick = tick;
    for (const item of series) {
      const key = `${item.kind}:${item.id}`;
      if (!this.isFresh(this.entries.get(key))) this.queue.set(key, item);
    }
    this.schedule();
  }

  /** Returns the series' forecast, computing it when missing or due again. */
  get(kind: SeriesKind, id: string): ForecastEntry | null {
    const cached = this.entries.get(`${kind}:${id}`);
    if (this.isFresh(cached)) return cached ?? null;
    return this.compute(kind, id);
  }

  private isFresh(entry: ForecastEntry | undefined): boolean {
    if (!entry) return false;
    if (entry.tick === this.tick) return true;
    return this.now() - Date.parse(entry.computedAt) < REFRESH_MS[entry.kind];
  }

  /** Cached forecasts of a kind, possibly from earlier ticks; never computes. */
  list(kind: SeriesKind): ForecastEntry[] {
    return [...this.entries.values()].filter((entry) => entry.kind === kind);
  }

  /** Series still waiting for a forecast in this tick. */
  pending(): number {
    return this.queue.size;
  }

  compute(kind: SeriesKind, id: string): ForecastEntry | null {
    const capacity = this.source.capacity(kind, id);
    if (!capacity) return null;
    const now = this.now();
    const history = this.source.read((store) =>
      store.query({
        kind,
        key: id,
        from: now - FORECAST_WINDOW_MS,
        to: now + 1,
        step: FORECAST_STEP_SECONDS,
        now,
      }),
    );
    if (!history) return null;
    const result: Forecast =
      capacity.capacity === null
        ? {
            status: "insufficient-data",
            method: "none",
            exhaustsAt: null,
            low: null,
            high: null,
            reason: capacity.missing ?? "The capacity of this series is unknown.",
          }
        : forecast({
            series: withCurrent(usageSeries(history.points, capacity), capacity, now),
            capacity: capacity.capacity,
          });
    const entry: ForecastEntry = {
      ...result,
      kind,
      id,
      capacity: capacity.capacity,
      computedAt: new Date(now).toISOString(),
      tick: this.tick,
    };
    this.entries.set(`${kind}:${id}`, entry);
    this.queue.delete(`${kind}:${id}`);
    return entry;
  }

  /** Drops forecasts of series that no longer exist. */
  retain(kind: SeriesKind, ids: ReadonlySet<string>): void {
    for (const [key, entry] of this.entries) {
      if (entry.kind === kind && !ids.has(entry.id)) this.entries.delete(key);
    }
  }

  private schedule(): void {
    if (this.running || this.queue.size === 0) return;
    this.running = true;
    setTimeout(() => this.runSlice(), 0).unref?.();
  }

  /** Computes one queued forecast, then rests in proportion to the time it took. */
  private runSlice(): void {
    const started = performance.now();
    const next = this.queue.entries().next();
    if (!next.done) {
      const [key, item] = next.value;
      this.queue.delete(key);
      try {
        if (!this.isFresh(this.entries.get(key))) this.compute(item.kind, item.id);
      } catch (error) {
        logger.error({ err: error, kind: item.kind, id: item.id }, "background forecast failed");
      }
    }
    if (this.queue.size === 0) {
      this.running = false;
      return;
    }
    const busy = performance.now() - started;
    const rest = Math.max(PAUSE_MS, (busy * (1 - BACKGROUND_CPU_SHARE)) / BACKGROUND_CPU_SHARE);
    setTimeout(() => this.runSlice(), rest).unref?.();
  }
}
