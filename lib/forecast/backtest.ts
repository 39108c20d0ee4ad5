import { type Grid, gridTime, truncateGrid } from "./grid";
import type { Fitter } from "./model";
import type { ForecastMethod } from "./types";

/** Forecast origins per series; more gives steadier scores but costs a refit each. */
const ORIGINS = 6;
/** Every origin keeps at least this share of the history to fit on. */
const MIN_FIT_SHARE = 0.4;

/** One held-out comparison: how far ahead, and actual minus predicted usage. */
export interface LeadError {
  lead: number;
  error: number;
  /** Origin number, 0 = earliest; later origins weigh more in the score. */
  origin: number;
}

export interface MethodBacktest {
  method: ForecastMethod;
  errors: LeadError[];
  /** Weighted mean absolute error (IPs) at the relevant lead; Infinity when unscored. */
  score: number;
}

/**
 * Rolling-origin backtest: cuts the grid at several past origins, refits every model on the
 * part before each cut and compares its projection with what was observed afterwards.
 */
export function backtest(
  grid: Grid,
  fitters: Fitter[],
  methods: ForecastMethod[],
  relevantLead: number,
): MethodBacktest[] {
  const n = grid.values.length;
  const first = Math.max(4, Math.ceil(n * MIN_FIT_SHARE));
  const last = n - Math.max(2, Math.round(n * 0.1));
  const origins: number[] = [];
  if (last >= first) {
    const count = Math.min(ORIGINS, last - first + 1);
    for (let k = 0; k < count; k++) {
      origins.push(count === 1 ? last : Math.round(first + ((last - first) * k) / (count - 1)));
    }
  }

  const results = methods.map((method) => ({ method, errors: [] as LeadError[], score: Infinity }));
  origins.forEach((cut, originIndex) => {
    const past = truncateGrid(grid, cut);
    const originTime = gridTime(grid, cut - 1);
    fitters.forEach((fit, m) => {
      const model = fit(past);
      if (!model) return;
      for (let j = cut; j < heldOutEnd(grid, cut); j++) {
        if (!grid.observed[j]) continue;
        const t = gridTime(grid, j);
        const error = grid.values[j]! - model.predict(t);
        results[m]!.errors.push({ lead: t - originTime, error, origin: originIndex });
      }
    });
  });

  for (const result of results) result.score = score(result.errors, relevantLead, origins.length);
  return results;
}

/**
 * End (exclusive) of the held-out part for an origin: the next level shift, if any. A step
 * from a scale-up is an event no trend model predicts, so scoring across one would only
 * measure the step, and would widen the interval for a jump that is not projected either.
 */
function heldOutEnd(grid: Grid, cut: number): number {
  const shift = grid.shifts.find((s) => s >= cut);
  // The bucket before a shift may already hold part of the step, so it is left out too.
  return shift === undefined ? grid.values.length : shift - 1;
}

/**
 * Scores errors made between half the relevant lead and the relevant lead. If no origin
 * reached that far, the longest half of the available leads stands in.
 */
function score(errors: LeadError[], relevantLead: number, originCount: number): number {
  if (errors.length === 0) return Infinity;
  const longest = Math.max(...errors.map((e) => e.lead));
  const upper = Math.min(relevantLead, longest);
  const inWindow = errors.filter((e) => e.lead >= upper / 2 && e.lead <= upper);
  const origins = new Set(inWindow.map((e) => e.origin));
  if (origins.size < Math.min(2, originCount)) return Infinity;

  let sum = 0;
  let weights = 0;
  for (const e of inWindow) {
    const weight = e.origin + 1;
    sum += weight * Math.abs(e.error);
    weights += weight;
  }
  return sum / weights;
}
