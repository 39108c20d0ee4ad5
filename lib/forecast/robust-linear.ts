import { type Grid, gridTime } from "./grid";
import { type FittedModel, lastSegmentStart, segmentIds } from "./model";
import { median, pairwiseMedianSlope } from "./stats";

/** Pairwise slopes grow with the square of the sample count, so larger grids are thinned. */
const MAX_SLOPE_SAMPLES = 120;

/**
 * Fits a Theil–Sen line that ignores level shifts: the slope is the median of pairwise slopes
 * taken only within one level segment, and the level comes from the segment after the last
 * shift. Outliers barely move either median; a scale-up step does not inflate the slope.
 */
export function fitRobustLinear(grid: Grid): FittedModel | null {
  const n = grid.values.length;
  const segments = segmentIds(grid);
  const observed: number[] = [];
  for (let i = 0; i < n; i++) if (grid.observed[i]) observed.push(i);
  if (observed.length < 3) return null;

  const stride = Math.max(1, Math.ceil(observed.length / MAX_SLOPE_SAMPLES));
  const sample = observed.filter((_, k) => k % stride === 0 || k === observed.length - 1);
  const tEnd = gridTime(grid, n - 1);
  const xs = sample.map((i) => gridTime(grid, i) - tEnd);
  const ys = sample.map((i) => grid.values[i]!);
  const ids = sample.map((i) => segments[i]!);
  const slope = pairwiseMedianSlope(xs, ys, (a, b) => ids[a] === ids[b]);
  if (!Number.isFinite(slope)) return null;

  const start = lastSegmentStart(grid);
  const offsets = observed
    .filter((i) => i >= start)
    .map((i) => grid.values[i]! - slope * (gridTime(grid, i) - tEnd));
  const level = median(offsets);

  return {
    method: "robust-linear",
    predict: (t) => level + slope * (t - tEnd),
    slope,
    dailySwing: 0,
  };
}
