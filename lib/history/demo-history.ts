/**
 * Generates believable past figures for the demo, ending exactly at today's figures: slow
 * growth, a daily cycle, a scale-up step (some nodes are added 12 days ago), and a subnet that
 * runs out within days. Pure and deterministic, so seeding is repeatable.
 */
import { DAY_MS } from "@/lib/forecast";

import { CLUSTER_KEY } from "./figures";
import type { Figures, Sample, SeriesSample } from "./types";

/** Share of today's usage that was added over the seeded month by steady growth. */
const MONTHLY_GROWTH = 0.12;
/** Daily swing of usage, as a share of usage. */
const DAILY_AMPLITUDE = 0.04;
/** Hour of day (UTC) of the daily peak. */
const PEAK_HOUR = 14;
/** When the demo cluster scaled up, in days before now. */
export const SCALE_UP_DAYS_AGO = 12;
/** Share of nodes that joined in the scale-up (by a hash of the node name). */
const SCALE_UP_SHARE = 0.1;
/** Free IPs the exhausting subnet loses per day, on average. */
const EXHAUSTING_LOSS_PER_DAY = 2.5;
/** Daily swing of the exhausting subnet's free IPs. */
const EXHAUSTING_SWING = 1.2;

export interface DemoHistoryOptions {
  /** Time of today's figures, epoch ms. */
  now: number;
  /** Subnets whose free IPs shrink steadily towards 0. */
  exhausting?: readonly string[];
}

function hash(text: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/** Small deterministic noise in [-1, 1] per series and time. */
function noise(key: string, t: number): number {
  return hash(key, Math.floor(t / 60_000)) * 2 - 1;
}

function wave(t: number): number {
  return Math.sin((2 * Math.PI * (t - PEAK_HOUR * 3_600_000)) / DAY_MS + Math.PI / 2);
}

/** Tells whether a node joined in the scale-up; such nodes have no history before it. */
export function joinedInScaleUp(name: string): boolean {
  return hash(name, 7) < SCALE_UP_SHARE;
}

export class DemoHistory {
  private readonly stepAt: number;
  private readonly exhausting: Set<string>;
  private readonly cluster: { old: Figures; joined: Figures; nodes: [number, number] };

  constructor(
    private readonly today: Sample,
    private readonly options: DemoHistoryOptions,
  ) {
    this.stepAt = options.now - SCALE_UP_DAYS_AGO * DAY_MS;
    this.exhausting = new Set(options.exhausting ?? []);
    this.cluster = this.clusterParts();
  }

  /** Usage relative to today: 1 at `now`, lower in the past, swinging daily. */
  factor(t: number): number {
    const daysAgo = (this.options.now - t) / DAY_MS;
    const trend = 1 - (MONTHLY_GROWTH * daysAgo) / 30;
    return trend + DAILY_AMPLITUDE * (wave(t) - wave(this.options.now));
  }

  /** Returns every series' figures at time t, leaving out nodes that did not exist yet. */
  sampleAt(t: number, kinds: ReadonlySet<SeriesSample["kind"]>): Sample {
    const series: SeriesSample[] = [];
    for (const current of this.today.series) {
      if (!kinds.has(current.kind)) continue;
      const figures = this.figuresAt(current, t);
      if (figures) series.push({ kind: current.kind, key: current.key, figures });
    }
    return { t, series };
  }

  private figuresAt(current: SeriesSample, t: number): Figures | null {
    if (current.kind === "node") return this.nodeAt(current, t);
    if (current.kind === "subnet") return this.subnetAt(current, t);
    return this.clusterAt(t);
  }

  private nodeAt({ key, figures }: SeriesSample, t: number): Figures | null {
    if (t < this.stepAt && joinedInScaleUp(key)) return null;
    const ceiling = figures.ceiling ?? 0;
    const usedNow = figures.used ?? 0;
    const used = clamp(Math.round(usedNow * this.factor(t) + noise(key, t) * 0.6), 0, ceiling);
    const free = figures.free ?? 0;
    const pool = Math.max(used, Math.min(used + free, Math.max(ceiling, used)));
    return { pool, used, free: pool - used, ceiling };
  }

  private subnetAt({ key, figures }: SeriesSample, t: number): Figures {
    const scale = t < this.stepAt ? 1 - SCALE_UP_SHARE : 1;
    const f = this.factor(t) * scale;
    const pool = Math.round((figures.pool ?? 0) * f);
    const used = Math.round((figures.used ?? 0) * f);
    const need = Math.round((figures.need ?? 0) * scale);
    const claimable = Math.max(0, need - pool);
    const freeNow = figures.free ?? null;
    if (freeNow === null) return { free: null, used, pool, need, claimable };

    let free = freeNow + ((figures.pool ?? 0) - pool);
    if (this.exhausting.has(key)) {
      const daysAgo = (this.options.now - t) / DAY_MS;
      const swing = EXHAUSTING_SWING * (wave(this.options.now) - wave(t));
      free = freeNow + EXHAUSTING_LOSS_PER_DAY * daysAgo + swing + noise(key, t) * 0.4;
    }
    return { free: Math.max(0, Math.round(free)), used, pool, need, claimable };
  }

  private clusterParts() {
    const old: Figures = { pool: 0, used: 0, free: 0, ceiling: 0 };
    const joined: Figures = { pool: 0, used: 0, free: 0, ceiling: 0 };
    const nodes: [number, number] = [0, 0];
    for (const series of this.today.series) {
      if (series.kind !== "node") continue;
      const isNew = joinedInScaleUp(series.key);
      const target = isNew ? joined : old;
      nodes[isNew ? 1 : 0] += 1;
      for (const name of ["pool", "used", "free", "ceiling"]) {
        target[name] = (target[name] ?? 0) + (series.figures[name] ?? 0);
      }
    }
    return { old, joined, nodes };
  }

  /** Cluster totals from the node totals, so the cluster line steps where nodes joined. */
  private clusterAt(t: number): Figures {
    const { old, joined, nodes } = this.cluster;
    const present = t < this.stepAt ? [old] : [old, joined];
    const sum = (name: string) => present.reduce((total, part) => total + (part[name] ?? 0), 0);
    const f = this.factor(t);
    const used = Math.round(sum("used") * f);
    const ceiling = sum("ceiling");
    const pool = Math.max(used, Math.round(sum("used") * f + sum("free")));
    return {
      pool,
      used,
      free: pool - used,
      ceiling,
      nodes: t < this.stepAt ? nodes[0] : nodes[0] + nodes[1],
    };
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export { CLUSTER_KEY };
