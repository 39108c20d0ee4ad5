import type { MethodBacktest } from "./backtest";
import type { ErrorBand } from "./interval";
import type { FittedModel } from "./model";
import { firstCrossing, project, samplePath } from "./projection";
import { choicePhrase, formatDuration, growthPhrase } from "./reason";
import { type BacktestScore, type Forecast, HOUR_MS } from "./types";

export interface Decision {
  capacity: number;
  now: number;
  horizon: number;
  current: number;
  model: FittedModel;
  band: ErrorBand;
  /** Time of the last grid bucket; leads of the error band count from here. */
  gridEnd: number;
  results: MethodBacktest[];
  /** Robust growth rate in IPs per ms, used to express backtest errors in hours. */
  growthPerMs: number;
}

/**
 * Turns a fitted model and its error band into a status, an exhaustion time and an 80 %
 * interval. The earliest time is where the upper edge of the band reaches capacity, the
 * latest where the lower edge does.
 */
export function decide(d: Decision): Forecast {
  const { capacity, now, horizon, model } = d;
  const end = now + horizon;
  const projection = project(model, d.band, d.gridEnd);

  const central = firstCrossing(projection.central, now, end, capacity);
  const low = firstCrossing(projection.upper, now, end, capacity);
  const high = firstCrossing(projection.lower, now, end, capacity);
  const distinguishable = lowerEdgeGrows(d);

  const backtest = scores(d);
  const best = backtest.find((s) => s.method === model.method);
  const chose = choicePhrase(model, best ? errorText(best) : null);
  const growth = growthPhrase(model);
  const pathEnd = Math.min(end, Math.max(high ?? end, central ?? now) + horizon / 10);
  const path = samplePath(projection, now, pathEnd);
  const base = { method: model.method, path, backtest };

  if (central !== null && distinguishable) {
    const range = `80 % range ${formatDuration((low ?? now) - now)} to ${
      high === null ? `beyond ${formatDuration(horizon)}` : formatDuration(high - now)
    }`;
    return {
      ...base,
      status: "exhausts",
      exhaustsAt: central,
      low: low ?? now,
      high,
      reason: `${growth}; ${chose}. Capacity is reached in about ${formatDuration(central - now)} (${range}).`,
    };
  }

  const why =
    central === null
      ? `capacity is not reached within ${formatDuration(horizon)}`
      : "the growth is not distinguishable from noise, so no exhaustion is expected";
  const early =
    low === null ? "" : ` The earliest plausible exhaustion is in ${formatDuration(low - now)}.`;
  return {
    ...base,
    status: "not-expected",
    exhaustsAt: null,
    low,
    high: null,
    reason: `${growth}; ${chose}; ${why}.${early}`,
  };
}

/** True when even the lower edge of the band ends the horizon above today's level. */
function lowerEdgeGrows(d: Decision): boolean {
  const { model, now, horizon } = d;
  if (model.slope <= 0) return false;

  const end = now + horizon;
  const growth =
    model.method === "daily-seasonal"
      ? model.slope * horizon
      : model.predict(end) - model.predict(now);
  return growth + d.band.lo(end - d.gridEnd) > 0;
}

function scores(d: Decision): BacktestScore[] {
  const perHour = d.growthPerMs * HOUR_MS;
  return d.results
    .filter((r) => Number.isFinite(r.score))
    .map((r) => {
      const score: BacktestScore = { method: r.method, error: r.score };
      if (perHour > 0) score.errorHours = r.score / perHour;
      return score;
    });
}

function errorText(score: BacktestScore): string {
  if (score.errorHours !== undefined) return formatDuration(score.errorHours * HOUR_MS);
  return `${Math.round(score.error * 10) / 10} IPs`;
}
