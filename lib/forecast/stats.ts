/** Returns the q-quantile (0..1) of `values` with linear interpolation; NaN when empty. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const n = values.length;
  if (n === 0) return NaN;

  const sorted = Float64Array.from(values).sort();
  const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
  const lower = Math.floor(pos);
  const upper = Math.min(lower + 1, n - 1);
  const a = sorted[lower] ?? NaN;
  const b = sorted[upper] ?? NaN;
  return a + (b - a) * (pos - lower);
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** Median absolute deviation scaled to match the standard deviation of normal noise. */
export function robustScale(values: ArrayLike<number>): number {
  const center = median(values);
  const deviations = Array.from(values, (x) => Math.abs(x - center));
  return 1.4826 * median(deviations);
}

export interface Line {
  slope: number;
  intercept: number;
}

/** Fits y = intercept + slope * x by ordinary least squares; null for fewer than 2 distinct x. */
export function leastSquares(xs: ArrayLike<number>, ys: ArrayLike<number>): Line | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;

  // Centre x first so large epoch-millisecond values do not lose precision.
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i]!;
    meanY += ys[i]!;
  }
  meanX /= n;
  meanY /= n;

  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    sxy += dx * (ys[i]! - meanY);
    sxx += dx * dx;
  }
  if (sxx === 0) return null;

  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/**
 * Returns the Theil–Sen slope: the median of pairwise slopes over pairs that `accept` admits.
 * `accept(i, j)` lets callers keep pairs inside one level segment or a whole number of days apart.
 */
export function pairwiseMedianSlope(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  accept: (i: number, j: number) => boolean,
): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx > 0 && accept(i, j)) slopes.push((ys[j]! - ys[i]!) / dx);
    }
  }
  return median(slopes);
}
