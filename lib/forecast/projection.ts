import type { ErrorBand } from "./interval";
import type { FittedModel } from "./model";
import type { PathPoint } from "./types";

/** Scan step when searching a projection for the time it reaches capacity. */
const SCAN_STEP_MS = 15 * 60_000;
const MAX_PATH_POINTS = 480;

/**
 * Returns the first time in [from, to] at which f reaches `level`, interpolating linearly
 * inside the scan step, or null if it never does. A daily peak narrower than the scan step
 * could be missed; the daily model's profile is hourly, so 15 minutes is fine-grained enough.
 */
export function firstCrossing(
  f: (t: number) => number,
  from: number,
  to: number,
  level: number,
): number | null {
  let previousT = from;
  let previousV = f(from);
  if (previousV >= level) return from;

  for (let t = from + SCAN_STEP_MS; previousT < to; t += SCAN_STEP_MS) {
    const at = Math.min(t, to);
    const v = f(at);
    if (v >= level) {
      const share = (level - previousV) / (v - previousV);
      return previousT + share * (at - previousT);
    }
    previousT = at;
    previousV = v;
  }
  return null;
}

/** Projection with its band; `gridEnd` is where the model's leads start. */
export interface Projection {
  central(t: number): number;
  lower(t: number): number;
  upper(t: number): number;
}

export function project(model: FittedModel, band: ErrorBand, gridEnd: number): Projection {
  return {
    central: (t) => model.predict(t),
    lower: (t) => model.predict(t) + band.lo(t - gridEnd),
    upper: (t) => model.predict(t) + band.hi(t - gridEnd),
  };
}

/** Samples the projection from `from` to `to` for charts, at most MAX_PATH_POINTS points. */
export function samplePath(projection: Projection, from: number, to: number): PathPoint[] {
  const step = Math.max(SCAN_STEP_MS, (to - from) / (MAX_PATH_POINTS - 1));
  const path: PathPoint[] = [];
  for (let t = from; t <= to + 1; t += step) {
    path.push({
      t: Math.round(t),
      v: projection.central(t),
      lo: projection.lower(t),
      hi: projection.upper(t),
    });
  }
  return path;
}
