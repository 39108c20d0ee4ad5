import { type Grid, gridTime } from "./grid";
import { type FittedModel, lastSegmentStart, segmentIds } from "./model";
import { median, pairwiseMedianSlope, robustScale } from "./stats";

/** Pairwise slopes grow with the square of the sample count, so larger grids are thinned. */
const MAX_SLOPE_SAMPLES = 120;
/** Buckets further than this many robust standard deviations from the line are outliers. */
const INLIER_LIMIT = 3;

interface Sample {
  x: number;
  y: number;
  segment: number;
}

/**
 * Fits a line that ignores level shifts and outliers. A Theil–Sen slope (median of pairwise
 * slopes within one level segment) and per-segment medians give a robust first line; a least
 * squares refit with one intercept per segment, on buckets close to that line, then recovers
 * the precision the median gives up. The level comes from the segment after the last shift.
 */
export function fitRobustLinear(grid: Grid): FittedModel | null {
  const n = grid.values.length;
  const segments = segmentIds(grid);
  const tEnd = gridTime(grid, n - 1);
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    if (!grid.observed[i]) continue;
    samples.push({ x: gridTime(grid, i) - tEnd, y: grid.values[i]!, segment: segments[i]! });
  }
  if (samples.length < 3) return null;

  const stride = Math.max(1, Math.ceil(samples.length / MAX_SLOPE_SAMPLES));
  const thinned = samples.filter((_, k) => k % stride === 0);
  const roughSlope = pairwiseMedianSlope(
    thinned.map((s) => s.x),
    thinned.map((s) => s.y),
    (a, b) => thinned[a]!.segment === thinned[b]!.segment,
  );
  if (!Number.isFinite(roughSlope)) return null;

  const roughLevels = segmentMedians(samples, (s) => s.y - roughSlope * s.x);
  const residuals = samples.map((s) => s.y - roughSlope * s.x - roughLevels.get(s.segment)!);
  const limit = INLIER_LIMIT * robustScale(residuals);
  const inliers = samples.filter((_, k) => Math.abs(residuals[k]!) <= limit);
  const slope = withinSegmentSlope(inliers) ?? roughSlope;

  const lastSegment = segments[lastSegmentStart(grid)]!;
  const level = median(
    inliers.filter((s) => s.segment === lastSegment).map((s) => s.y - slope * s.x),
  );
  return {
    method: "robust-linear",
    predict: (t) => level + slope * (t - tEnd),
    slope,
    dailySwing: 0,
  };
}

function segmentMedians(samples: Sample[], value: (s: Sample) => number): Map<number, number> {
  const groups = new Map<number, number[]>();
  for (const s of samples) {
    const list = groups.get(s.segment) ?? [];
    list.push(value(s));
    groups.set(s.segment, list);
  }
  return new Map([...groups].map(([segment, list]) => [segment, median(list)]));
}

/** Least-squares slope with a separate intercept per segment; null without spread in x. */
function withinSegmentSlope(samples: Sample[]): number | null {
  const sums = new Map<number, { x: number; y: number; count: number }>();
  for (const s of samples) {
    const sum = sums.get(s.segment) ?? { x: 0, y: 0, count: 0 };
    sum.x += s.x;
    sum.y += s.y;
    sum.count++;
    sums.set(s.segment, sum);
  }

  let sxy = 0;
  let sxx = 0;
  for (const s of samples) {
    const sum = sums.get(s.segment)!;
    const dx = s.x - sum.x / sum.count;
    sxy += dx * (s.y - sum.y / sum.count);
    sxx += dx * dx;
  }
  return sxx > 0 ? sxy / sxx : null;
}
