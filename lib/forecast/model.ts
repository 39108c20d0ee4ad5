import type { Grid } from "./grid";
import type { ForecastMethod } from "./types";

/** A model fitted to one grid, ready to project usage forward. */
export interface FittedModel {
  method: ForecastMethod;
  /** Projected usage at time t (epoch ms), t at or after the end of the grid. */
  predict(t: number): number;
  /** Growth at the end of the grid, IPs per ms. */
  slope: number;
  /** Peak-to-trough size of the fitted daily profile in IPs; 0 for models without one. */
  dailySwing: number;
}

/** Fits one model; returns null when the grid is too short or too irregular for it. */
export type Fitter = (grid: Grid) => FittedModel | null;

/** Segment number of every bucket: how many level shifts start at or before it. */
export function segmentIds(grid: Grid): Int32Array {
  const ids = new Int32Array(grid.values.length);
  let segment = 0;
  let next = 0;
  for (let i = 0; i < ids.length; i++) {
    while (next < grid.shifts.length && grid.shifts[next]! <= i) {
      segment++;
      next++;
    }
    ids[i] = segment;
  }
  return ids;
}

/** Index of the first bucket of the last level segment. */
export function lastSegmentStart(grid: Grid): number {
  return grid.shifts[grid.shifts.length - 1] ?? 0;
}
