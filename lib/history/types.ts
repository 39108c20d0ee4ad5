/**
 * Shapes of the history store: which series exist, which figures each kind records, and the
 * retention of each resolution table.
 */
import { DAY_MS, HOUR_MS } from "@/lib/forecast";

export type SeriesKind = "subnet" | "node" | "cluster";

/**
 * Figures recorded per kind, in column order (v0, v1, ...). Derived figures such as a node's
 * headroom (ceiling - used) are computed when read, so they cost no space.
 */
export const METRICS = {
  subnet: ["free", "used", "pool", "need", "claimable"],
  node: ["pool", "used", "free", "ceiling"],
  cluster: ["pool", "used", "free", "ceiling", "nodes"],
} as const satisfies Record<SeriesKind, readonly string[]>;

/** Most figures any kind records; the sample tables have this many value columns. */
export const VALUE_COLUMNS = 5;

export type MetricName<K extends SeriesKind> = (typeof METRICS)[K][number];

/** Figures of one series at one time; null where the figure was unknown. */
export type Figures = Record<string, number | null>;

export interface SeriesSample {
  kind: SeriesKind;
  /** Subnet id, node name, or "cluster". */
  key: string;
  figures: Figures;
}

/** Everything the sampler records at one tick. */
export interface Sample {
  /** Sample time, epoch ms. */
  t: number;
  series: SeriesSample[];
}

/** One point of a history response: time plus the kind's figures. */
export type HistoryPoint = { t: number } & Figures;

export interface Resolution {
  name: "raw" | "5m" | "1h";
  table: string;
  /** Bucket width in seconds (raw: the sampling interval). */
  seconds: number;
  /** How long rows are kept, ms. */
  retentionMs: number;
}

/** How often the sampler records the cache's figures. */
export const SAMPLE_INTERVAL_MS = 60_000;

/** Raw samples: enough for minute detail over the last day or two of an incident. */
export const RAW_RETENTION_MS = 2 * DAY_MS;

/** 5-minute means: a month of history at the resolution the forecast uses. */
export const FIVE_MINUTE_RETENTION_MS = 30 * DAY_MS;

/** Hourly means: a year for capacity planning. */
export const HOURLY_RETENTION_MS = 365 * DAY_MS;

/** Finest first; the query planner walks this list. */
export const RESOLUTIONS: readonly Resolution[] = [
  { name: "raw", table: "samples_raw", seconds: 60, retentionMs: RAW_RETENTION_MS },
  { name: "5m", table: "samples_5m", seconds: 300, retentionMs: FIVE_MINUTE_RETENTION_MS },
  { name: "1h", table: "samples_1h", seconds: 3600, retentionMs: HOURLY_RETENTION_MS },
];

/** How often rollups and retention run: every completed 5-minute bucket. */
export const MAINTENANCE_INTERVAL_MS = 5 * 60_000;

/** Maximum points in one history response. */
export const MAX_POINTS = 2_000;

/** Points a history response aims for when the request gives no step. */
export const DEFAULT_POINTS = 360;

export { DAY_MS, HOUR_MS };

/** Health of the history store, shown as a banner on chart panels. */
export interface HistoryStatus {
  /** False while history cannot be recorded (or read). */
  ok: boolean;
  /** Description of the fault or change, in words; null when all is well. */
  message: string | null;
  /** Database file, or null when history is off. */
  path: string | null;
  /** Start of the current condition (ISO): when recording began, or when the fault appeared. */
  since: string | null;
  /** False when HISTORY_DB=off. */
  enabled: boolean;
  /** Time of the last sample written (ISO), null before the first. */
  lastWriteAt: string | null;
}
