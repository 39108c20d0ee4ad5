"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

export const CHART_RANGES = ["1h", "24h", "7d", "30d"] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
/** Default range: a week shows the daily cycle and most forecasts that matter on call. */
export const DEFAULT_RANGE: ChartRange = "7d";

export function isChartRange(value: string | null): value is ChartRange {
  return (CHART_RANGES as readonly string[]).includes(value ?? "");
}

/** Reads the chart range from ?range=, shared by every chart on the page. */
export function useChartRange(): ChartRange {
  const value = useSearchParams().get("range");
  return isChartRange(value) ? value : DEFAULT_RANGE;
}

/** Buttons for 1 h, 24 h, 7 d and 30 d that keep the choice in the URL. */
export function RangeSelector({ label }: { label: string }) {
  const range = useChartRange();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const choose = (next: ChartRange) => {
    const query = new URLSearchParams(params.toString());
    query.set("range", next);
    router.replace(`${pathname}?${query.toString()}`, { scroll: false });
  };

  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-md border border-slate-300 text-xs dark:border-slate-700"
    >
      {CHART_RANGES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === range}
          onClick={() => choose(option)}
          className={
            option === range
              ? "bg-sky-600 px-2 py-1 font-semibold text-white"
              : "px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
          }
        >
          {option}
        </button>
      ))}
    </div>
  );
}
