import type { ForecastListItem } from "@/lib/client/api";

import { formatDuration } from "./format";

/** Time to exhaustion in a list cell: "in 2.7 d", "now", "not expected" or a dash. */
export function ForecastCell({
  forecast,
  now,
}: {
  forecast: ForecastListItem | undefined;
  now: number;
}) {
  if (!forecast || forecast.status === "insufficient-data") {
    return (
      <span className="text-slate-400" title="not enough history yet">
        –
      </span>
    );
  }
  if (forecast.status === "already-exhausted") {
    return <span className="font-semibold text-red-600 dark:text-red-400">now</span>;
  }
  if (forecast.status === "not-expected" || forecast.exhaustsAt === null) {
    return <span className="text-slate-500">not expected</span>;
  }
  const range =
    forecast.low !== null && forecast.high !== null
      ? `80 % interval: ${formatDuration((forecast.low - now) / 1000)} to ${formatDuration((forecast.high - now) / 1000)}`
      : undefined;
  const soon = forecast.exhaustsAt - now < 7 * 86_400_000;
  return (
    <span className={soon ? "font-semibold text-amber-700 dark:text-amber-400" : ""} title={range}>
      in {formatDuration(Math.max(0, forecast.exhaustsAt - now) / 1000)}
    </span>
  );
}
