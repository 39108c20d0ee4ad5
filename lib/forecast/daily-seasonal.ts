import { type Grid, gridTime } from "./grid";
import { type FittedModel, lastSegmentStart, segmentIds } from "./model";
import { median } from "./stats";
import { DAY_MS, HOUR_MS, MIN_SEASONAL_SPAN_MS } from "./types";

const SLOTS = 24;
/** Caps the pairwise-slope work on long series. */
const MAX_PAIRS = 8_000;
/** The level is read from at most this much of the latest segment. */
const LEVEL_WINDOW_MS = 7 * DAY_MS;

/**
 * Fits trend plus a 24-hour profile on an hourly grid. The slope is the median of slopes
 * between buckets a whole number of days apart inside one level segment, so the daily swing
 * cancels out of every pair. The profile is the median detrended value per hour of day.
 */
export function fitDailySeasonal(grid: Grid): FittedModel | null {
  const n = grid.values.length;
  if (grid.stepMs !== HOUR_MS || n * HOUR_MS < MIN_SEASONAL_SPAN_MS) return null;

  const segments = segmentIds(grid);
  const tEnd = gridTime(grid, n - 1);
  const slope = seasonalSlope(grid, segments);
  if (!Number.isFinite(slope)) return null;

  const residual = (i: number) => grid.values[i]! - slope * (gridTime(grid, i) - tEnd);
  const profile = hourlyProfile(grid, segments, residual);
  const start = Math.max(lastSegmentStart(grid), n - LEVEL_WINDOW_MS / HOUR_MS);
  const levels: number[] = [];
  for (let i = start; i < n; i++) {
    if (grid.observed[i]) levels.push(residual(i) - profileAt(profile, gridTime(grid, i)));
  }
  const level = median(levels);

  return {
    method: "daily-seasonal",
    predict: (t) => level + slope * (t - tEnd) + profileAt(profile, t),
    slope,
    dailySwing: Math.max(...profile) - Math.min(...profile),
  };
}

function seasonalSlope(grid: Grid, segments: Int32Array): number {
  const n = grid.values.length;
  const lags = Math.floor((n - 1) / SLOTS);
  const stride = Math.max(1, Math.ceil((n * lags) / 2 / MAX_PAIRS));
  const slopes: number[] = [];
  for (let i = 0; i < n; i += stride) {
    if (!grid.observed[i]) continue;
    for (let j = i + SLOTS; j < n; j += SLOTS) {
      if (!grid.observed[j] || segments[i] !== segments[j]) continue;
      slopes.push((grid.values[j]! - grid.values[i]!) / ((j - i) * HOUR_MS));
    }
  }
  return median(slopes);
}

/** Median residual per hour of day after removing each segment's own level; mean zero. */
function hourlyProfile(grid: Grid, segments: Int32Array, residual: (i: number) => number) {
  const bySegment = new Map<number, number[]>();
  for (let i = 0; i < grid.values.length; i++) {
    if (!grid.observed[i]) continue;
    const list = bySegment.get(segments[i]!) ?? [];
    list.push(residual(i));
    bySegment.set(segments[i]!, list);
  }
  const offsets = new Map([...bySegment].map(([id, list]) => [id, median(list)]));

  const slots: number[][] = Array.from({ length: SLOTS }, () => []);
  for (let i = 0; i < grid.values.length; i++) {
    if (!grid.observed[i]) continue;
    const slot = Math.floor(dayPhase(gridTime(grid, i)) / HOUR_MS);
    slots[slot]!.push(residual(i) - offsets.get(segments[i]!)!);
  }
  const raw = slots.map((values) => (values.length > 0 ? median(values) : 0));
  const mean = raw.reduce((sum, x) => sum + x, 0) / SLOTS;
  return raw.map((x) => x - mean);
}

function dayPhase(t: number): number {
  return ((t % DAY_MS) + DAY_MS) % DAY_MS;
}

/** Profile value at time t, interpolated linearly between bucket centres (hh:30). */
function profileAt(profile: number[], t: number): number {
  const position = dayPhase(t) / HOUR_MS - 0.5;
  const below = Math.floor(position);
  const fraction = position - below;
  const a = profile[(below + SLOTS) % SLOTS]!;
  const b = profile[(below + 1) % SLOTS]!;
  return a + (b - a) * fraction;
}
