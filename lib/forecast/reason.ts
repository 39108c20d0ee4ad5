import type { FittedModel } from "./model";
import { DAY_MS, HOUR_MS, MIN_POINTS, MIN_SPAN_MS } from "./types";

const METHOD_NAMES = {
  "robust-linear": "robust linear",
  "damped-trend": "damped trend",
  "daily-seasonal": "daily-seasonal",
} as const;

/** Formats a duration as hours below two days, otherwise as days. */
export function formatDuration(ms: number): string {
  if (ms < 2 * DAY_MS) return `${round(ms / HOUR_MS)} h`;
  return `${round(ms / DAY_MS)} days`;
}

function round(x: number): string {
  if (Math.abs(x) >= 10) return String(Math.round(x));
  return String(Math.round(x * 10) / 10);
}

export function growthPhrase(model: FittedModel): string {
  const perDay = model.slope * DAY_MS;
  const cycle = model.dailySwing >= 1 ? " with a daily cycle" : "";
  if (Math.abs(perDay) < 0.05) return `Usage is flat${cycle}`;
  if (perDay < 0) return `Usage falls about ${round(-perDay)} IPs a day${cycle}`;
  return `Usage grows about ${round(perDay)} IPs a day${cycle}`;
}

export function choicePhrase(model: FittedModel, errorText: string | null): string {
  const name = METHOD_NAMES[model.method];
  if (errorText === null)
    return `the ${name} model was used because the history is too short to backtest`;
  return `the ${name} model had the lowest backtest error (${errorText})`;
}

export function insufficientReason(points: number, span: number): string {
  return (
    `Only ${points} samples over ${formatDuration(span)}; a forecast needs at least ` +
    `${formatDuration(MIN_SPAN_MS)} of history and ${MIN_POINTS} samples.`
  );
}
