import { median, robustScale } from "./stats";
import { DAY_MS, HOUR_MS, type Point } from "./types";

/**
 * A series resampled to fixed buckets: each bucket holds the median of its samples, so a
 * single scrape glitch cannot move it, and empty buckets are filled by linear interpolation.
 */
export interface Grid {
  /** Centre time of bucket 0, epoch ms. */
  t0: number;
  stepMs: number;
  values: Float64Array;
  /** 1 where the bucket had at least one sample, 0 where it was interpolated. */
  observed: Uint8Array;
  /** Bucket indices where a new level segment begins after a detected step (ascending). */
  shifts: number[];
}

/** Spans of at least this length use hourly buckets, which the daily model needs. */
const HOURLY_FROM_SPAN_MS = 2 * DAY_MS;
/** Shorter spans are split into about this many buckets. */
const TARGET_BUCKETS = 96;
/** A level shift smaller than this many IPs is treated as noise. */
const MIN_STEP_IPS = 3;
/** Buckets after a candidate step that confirm it at the normal threshold. */
const MIN_CONFIRM_BUCKETS = 6;

export function gridTime(grid: Grid, i: number): number {
  return grid.t0 + i * grid.stepMs;
}

/** Drops non-finite samples and samples after `now`, and sorts by time. */
export function cleanSeries(series: Point[], now: number): Point[] {
  return series
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.t <= now)
    .sort((a, b) => a.t - b.t);
}

export function chooseStep(span: number): number {
  if (span >= HOURLY_FROM_SPAN_MS) return HOUR_MS;
  const minute = 60_000;
  return Math.max(minute, Math.round(span / TARGET_BUCKETS / minute) * minute);
}

/** Resamples cleaned samples (at least one) into a grid of `stepMs` buckets. */
export function buildGrid(points: Point[], stepMs: number): Grid {
  const first = Math.floor(points[0]!.t / stepMs);
  const last = Math.floor(points[points.length - 1]!.t / stepMs);
  const n = last - first + 1;
  const values = new Float64Array(n).fill(NaN);
  const observed = new Uint8Array(n);

  let bucket: number[] = [];
  let current = first;
  const flush = () => {
    if (bucket.length === 0) return;
    values[current - first] = median(bucket);
    observed[current - first] = 1;
    bucket = [];
  };
  for (const p of points) {
    const k = Math.floor(p.t / stepMs);
    if (k !== current) flush();
    current = k;
    bucket.push(p.v);
  }
  flush();

  interpolateGaps(values);
  const grid: Grid = { t0: first * stepMs + stepMs / 2, stepMs, values, observed, shifts: [] };
  grid.shifts = detectShifts(grid);
  return grid;
}

function interpolateGaps(values: Float64Array): void {
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    if (prev >= 0 && i - prev > 1) {
      const a = values[prev]!;
      const b = values[i]!;
      for (let j = prev + 1; j < i; j++) values[j] = a + ((b - a) * (j - prev)) / (i - prev);
    }
    prev = i;
  }
}

/**
 * Returns the first `length` buckets as a grid of their own. It keeps the shifts found on the
 * whole grid, so a backtest origin just after a step knows of that step even though detection
 * at that origin would still lack the buckets to confirm it.
 */
export function truncateGrid(grid: Grid, length: number): Grid {
  const values = grid.values.subarray(0, length);
  const observed = grid.observed.subarray(0, length);
  return { ...grid, values, observed, shifts: grid.shifts.filter((s) => s < length) };
}

/**
 * Finds level shifts (scale-up steps). A candidate is a two-bucket jump far outside the usual
 * bucket-to-bucket change; it is kept only if the level on either side, compared over a window
 * (a whole day on hourly grids, so a daily ramp cancels out), differs by most of that jump.
 */
export function detectShifts(grid: Grid): number[] {
  const v = grid.values;
  const n = v.length;
  const window = grid.stepMs === HOUR_MS && n >= 72 ? 24 : Math.max(3, Math.round(n / 16));
  if (n < 2 * 3 + 2) return [];

  const diffs: number[] = [];
  for (let i = 1; i < n; i++) diffs.push(v[i]! - v[i - 1]!);
  const trendPerStep = median(diffs);
  const noise = robustScale(diffs);
  const threshold = Math.max(6 * noise, MIN_STEP_IPS);

  const found: { index: number; size: number }[] = [];
  for (let i = 1; i + 1 < n; i++) {
    const jump2 = v[i + 1]! - v[i - 1]! - 2 * trendPerStep;
    if (Math.abs(jump2) < threshold) continue;

    const change = levelChange(v, i, window, trendPerStep);
    if (change === null) continue;
    const persisted = change.size;
    // Near the end there are few buckets to confirm a step, so it must be twice as large.
    const needed = change.confirmed ? threshold : 2 * threshold;
    if (Math.abs(persisted) < Math.max(needed, 0.6 * Math.abs(jump2))) continue;
    if (Math.sign(persisted) !== Math.sign(jump2)) continue;

    const start = Math.abs(v[i]! - v[i - 1]!) >= Math.abs(v[i + 1]! - v[i]!) ? i : i + 1;
    const prev = found[found.length - 1];
    if (prev && start - prev.index < window) {
      if (Math.abs(persisted) > Math.abs(prev.size))
        found[found.length - 1] = { index: start, size: persisted };
    } else {
      found.push({ index: start, size: persisted });
    }
  }
  return found.map((f) => f.index);
}

/**
 * Median level after bucket i minus median level before it, less the trend between them.
 * `confirmed` is false when fewer than MIN_CONFIRM_BUCKETS follow the candidate.
 */
function levelChange(v: Float64Array, i: number, window: number, trendPerStep: number) {
  const right = Math.min(window, v.length - i - 1);
  const left = Math.min(window, i - 1);
  if (right < 3 || left < 3) return null;

  const before = median(v.subarray(i - 1 - left, i - 1));
  const after = median(v.subarray(i + 1, i + 1 + right));
  const centreGap = (left + right) / 2 + 2;
  const size = after - before - trendPerStep * centreGap;
  return { size, confirmed: right >= Math.min(window, MIN_CONFIRM_BUCKETS) };
}
