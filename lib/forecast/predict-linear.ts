import { leastSquares } from "./stats";
import type { Point } from "./types";

/**
 * Returns the value at time `at` (epoch ms) of the least-squares line through the finite
 * samples, the way Prometheus predict_linear extrapolates a range vector. NaN for fewer than
 * two samples or when all samples share one timestamp, where Prometheus returns no result.
 */
export function predictLinear(series: Point[], at: number): number {
  const finite = series.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
  const line = leastSquares(
    finite.map((p) => p.t),
    finite.map((p) => p.v),
  );
  return line ? line.intercept + line.slope * at : NaN;
}

/**
 * Returns when the least-squares line reaches `capacity`, or null when it is flat or falling.
 * Used by the benchmark as the predict_linear baseline.
 */
export function linearCrossing(series: Point[], capacity: number): number | null {
  const finite = series.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
  const line = leastSquares(
    finite.map((p) => p.t),
    finite.map((p) => p.v),
  );
  if (!line || line.slope <= 0) return null;
  return (capacity - line.intercept) / line.slope;
}
