/** Plain-text summaries of a history chart, shared by the caption and tests. Pure. */
import type { ForecastStatus } from "@/lib/forecast/types";

export interface SummaryForecast {
  status: ForecastStatus;
  exhaustsAt: number | null;
  low: number | null;
  high: number | null;
  reason: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "5 hours", "2.7 days", "14 days": hours below two days, tenths of a day below ten. */
export function describeLead(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 2 * DAY) {
    const hours = Math.max(1, Math.round(clamped / HOUR));
    return `${hours} hour${hours === 1 ? "" : "s"}`;
  }
  if (clamped < 10 * DAY) return `${(clamped / DAY).toFixed(1)} days`;
  return `${Math.round(clamped / DAY)} days`;
}

/** Span of the recorded history in whole hours. */
export function historyHours(times: readonly number[]): number {
  if (times.length < 2) return 0;
  return Math.floor((Math.max(...times) - Math.min(...times)) / HOUR);
}

/**
 * Writes one sentence for the chart: when the series runs out and the 80 % range, or why no date is
 * given. `subject` names the series ("sbn-f9tight3c7ne", "Node 10.0.17.20", "The cluster").
 */
export function forecastSentence(
  subject: string,
  forecast: SummaryForecast | null | undefined,
  hours: number,
  now: number,
): string {
  if (!forecast) return `${subject}: forecast not computed yet.`;
  switch (forecast.status) {
    case "exhausts": {
      const central = forecast.exhaustsAt ?? now;
      const low = forecast.low === null ? null : describeLead(forecast.low - now);
      const high = forecast.high === null ? "beyond 90 days" : describeLead(forecast.high - now);
      // A range whose ends read the same adds nothing to the sentence.
      const range = low && low !== high ? `, between ${low} and ${high}` : "";
      return `${subject} runs out in about ${describeLead(central - now)}${range}.`;
    }
    case "already-exhausted":
      return `${subject} has run out: usage is at capacity now.`;
    case "not-expected":
      return `${subject}: no exhaustion expected within 90 days.`;
    case "insufficient-data":
      return hours < 6
        ? `${subject}: not enough data yet: ${hours} hours of history.`
        : `${subject}: no forecast. ${forecast.reason}`;
  }
}
