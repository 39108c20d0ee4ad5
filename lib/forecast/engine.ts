import { backtest, type MethodBacktest } from "./backtest";
import { fitDailySeasonal } from "./daily-seasonal";
import { fitDampedTrend } from "./damped-trend";
import { buildGrid, chooseStep, cleanSeries, type Grid, gridTime } from "./grid";
import { errorBand } from "./interval";
import type { FittedModel, Fitter } from "./model";
import { decide } from "./outcome";
import { insufficientReason } from "./reason";
import { fitRobustLinear } from "./robust-linear";
import { robustScale } from "./stats";
import {
  DEFAULT_HORIZON_MS,
  type Forecast,
  type ForecastInput,
  type ForecastMethod,
  MIN_POINTS,
  MIN_SPAN_MS,
} from "./types";

const FITTERS: Record<ForecastMethod, Fitter> = {
  "robust-linear": fitRobustLinear,
  "damped-trend": fitDampedTrend,
  "daily-seasonal": fitDailySeasonal,
};

/** Shortest and longest lead (as shares of the history) the backtest scores models at. */
const RELEVANT_LEAD_SHARE = { min: 0.15, max: 0.5 };

function empty(status: Forecast["status"], reason: string, at: number | null = null): Forecast {
  return { status, method: "none", exhaustsAt: at, low: at, high: at, reason };
}

/** Forecasts when usage reaches capacity. See docs/forecast.md for the method. */
export function forecast(input: ForecastInput): Forecast {
  const { capacity } = input;
  const horizon = input.horizonMs ?? DEFAULT_HORIZON_MS;
  if (!Number.isFinite(capacity) || capacity <= 0) {
    return empty("insufficient-data", `Capacity ${capacity} is not a positive number.`);
  }

  const lastTime = input.series.reduce(
    (m, p) => (Number.isFinite(p.t) ? Math.max(m, p.t) : m),
    -Infinity,
  );
  const now = input.now ?? lastTime;
  const points = cleanSeries(input.series, now);
  const span = points.length > 0 ? points[points.length - 1]!.t - points[0]!.t : 0;
  if (points.length < MIN_POINTS || span < MIN_SPAN_MS) {
    return empty("insufficient-data", insufficientReason(points.length, span));
  }

  const current = points[points.length - 1]!.v;
  if (current >= capacity) {
    return empty(
      "already-exhausted",
      `Usage (${current}) has reached the capacity of ${capacity} IPs.`,
      now,
    );
  }

  const grid = buildGrid(points, chooseStep(span));
  return forecastOnGrid(grid, { capacity, now, horizon, current });
}

interface Context {
  capacity: number;
  now: number;
  horizon: number;
  current: number;
}

function forecastOnGrid(grid: Grid, context: Context): Forecast {
  const gridEnd = gridTime(grid, grid.values.length - 1);
  const span = gridEnd - grid.t0;
  const fitted = new Map<ForecastMethod, FittedModel>();
  for (const method of Object.keys(FITTERS) as ForecastMethod[]) {
    const model = FITTERS[method](grid);
    if (model) fitted.set(method, model);
  }
  const methods = [...fitted.keys()];
  const reference = fitted.get("robust-linear") ?? null;

  const timeToCapacity =
    reference && reference.slope > 0
      ? (context.capacity - reference.predict(gridEnd)) / reference.slope
      : Infinity;
  const relevantLead = Math.min(
    Math.max(timeToCapacity, RELEVANT_LEAD_SHARE.min * span),
    RELEVANT_LEAD_SHARE.max * span,
  );
  const results = backtest(
    grid,
    methods.map((m) => FITTERS[m]),
    methods,
    relevantLead,
  ).sort((a, b) => a.score - b.score);

  const chosen = pickModel(fitted, results);
  if (!chosen) return empty("insufficient-data", "No model could be fitted to this series.");

  const band = errorBand(chosen.errors, bandFloor(grid));
  return decide({
    ...context,
    model: chosen.model,
    band,
    gridEnd,
    results,
    growthPerMs: reference?.slope ?? 0,
  });
}

/** Picks the best-scoring model; robust-linear without a band when nothing could be scored. */
function pickModel(fitted: Map<ForecastMethod, FittedModel>, results: MethodBacktest[]) {
  for (const result of results) {
    const model = fitted.get(result.method);
    if (model && Number.isFinite(result.score)) return { model, errors: result.errors };
  }
  const model = fitted.get("robust-linear");
  return model ? { model, errors: [] } : null;
}

/**
 * Least band half-width: the 80 % range of bucket noise, so a lucky backtest cannot give a zero
 * band. Noise is read from second differences (variance 6 sigma^2 for white noise), which a
 * trend or a smooth daily cycle barely touches.
 */
function bandFloor(grid: Grid): number {
  const v = grid.values;
  const second: number[] = [];
  for (let i = 2; i < v.length; i++) second.push(v[i]! - 2 * v[i - 1]! + v[i - 2]!);
  return Math.max(0.5, (1.28 * robustScale(second)) / Math.sqrt(6));
}
