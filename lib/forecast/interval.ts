import type { LeadError } from "./backtest";
import { leastSquares, quantile } from "./stats";
import { INTERVAL_COVERAGE } from "./types";

const LEAD_BINS = 4;
const MIN_PER_BIN = 3;

/** Error band around a projection: actual - predicted lies in [lo(lead), hi(lead)] 80 % of the time. */
export interface ErrorBand {
  lo(lead: number): number;
  hi(lead: number): number;
}

interface LinearBound {
  base: number;
  perMs: number;
}

/**
 * Derives the band from backtest errors: the 10th and 90th percentiles of errors in each lead
 * bin, each fitted by a line in the lead (a constant part for noise, a growing part for slope
 * error) so it can be extrapolated beyond the longest backtested lead. `floor` is the least
 * half-width, for series whose backtest happened to be perfect.
 */
export function errorBand(errors: LeadError[], floor: number): ErrorBand {
  const tail = (1 - INTERVAL_COVERAGE) / 2;
  const upper = fitBound(errors, 1 - tail, floor);
  const lower = fitBound(
    errors.map((e) => ({ ...e, error: -e.error })),
    1 - tail,
    floor,
  );
  return {
    lo: (lead) => -(lower.base + lower.perMs * Math.max(0, lead)),
    hi: (lead) => upper.base + upper.perMs * Math.max(0, lead),
  };
}

function fitBound(errors: LeadError[], q: number, floor: number): LinearBound {
  if (errors.length === 0) return { base: floor, perMs: 0 };
  const longest = Math.max(...errors.map((e) => e.lead));
  const centres: number[] = [];
  const values: number[] = [];
  for (let b = 0; b < LEAD_BINS; b++) {
    const from = (longest * b) / LEAD_BINS;
    const to = (longest * (b + 1)) / LEAD_BINS;
    const inBin = errors.filter((e) => e.lead > from && e.lead <= to).map((e) => e.error);
    if (inBin.length < MIN_PER_BIN) continue;
    centres.push((from + to) / 2);
    values.push(Math.max(0, quantile(inBin, q)));
  }

  const line = centres.length >= 2 ? leastSquares(centres, values) : null;
  if (!line) {
    const all = Math.max(
      0,
      quantile(
        errors.map((e) => e.error),
        q,
      ),
    );
    // With one usable bin, assume the error grew from the noise floor in proportion to lead.
    return { base: floor, perMs: Math.max(0, all - floor) / Math.max(longest, 1) };
  }
  const perMs = Math.max(0, line.slope);
  const base = Math.max(floor, line.intercept);
  return { base, perMs };
}
