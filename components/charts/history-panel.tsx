"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Suspense, useMemo } from "react";

import { LoadingState } from "@/components/states";
import { useNow } from "@/components/use-now";
import { fetchJson } from "@/lib/client/api";
import type { ForecastAnswer, HistoryAnswer } from "@/lib/history/api";

import { ChartTable } from "./chart-table";
import { HistoryBanner } from "./history-banner";
import { type ChartRange, RangeSelector, useChartRange } from "./range-selector";
import { forecastSentence, historyHours } from "./summary";
import { type ChartRow, UsageChart } from "./usage-chart";

/** History gains one sample a minute, so polling faster would only redraw the same chart. */
const HISTORY_POLL_MS = 60_000;

const RANGE_MS: Record<ChartRange, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

export interface HistoryPanelProps {
  title: string;
  /** Subject of the summary sentence, for example the subnet id. */
  subject: string;
  /** API base: /api/v1/subnets/ID, /api/v1/nodes/NAME, or /api/v1/history for the cluster. */
  base: string;
  /** Figure plotted: "inUse" (subnet IPs in use) or "used" (pod IPs). */
  usageKey: "inUse" | "used";
  usageLabel: string;
  capacityLabel: string;
}

function usePanelData(base: string, range: ChartRange) {
  const historyUrl = base === "/api/v1/history" ? base : `${base}/history`;
  const forecastUrl = `${base}/forecast`;
  const options = { refetchInterval: HISTORY_POLL_MS, placeholderData: keepPreviousData, retry: 1 };
  const history = useQuery({
    queryKey: ["history", base, range],
    queryFn: () => fetchJson<HistoryAnswer>(`${historyUrl}?range=${range}`),
    ...options,
  });
  const forecast = useQuery({
    queryKey: ["forecast", base],
    queryFn: () => fetchJson<ForecastAnswer>(forecastUrl),
    ...options,
  });
  return { history, forecast };
}

/** Joins recorded points and the forecast path into one row list sorted by time. */
function chartRows(
  history: HistoryAnswer | undefined,
  forecast: ForecastAnswer | undefined,
  usageKey: string,
  end: number,
) {
  const rows: ChartRow[] = (history?.points ?? []).map((point) => ({
    t: point.t,
    usage: point[usageKey] ?? null,
  }));
  for (const step of forecast?.path ?? []) {
    if (step.t > end) break;
    rows.push({ t: step.t, projected: round(step.v), band: [round(step.lo), round(step.hi)] });
  }
  return rows.sort((a, b) => a.t - b.t);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function PanelBody(props: HistoryPanelProps) {
  const range = useChartRange();
  const now = useNow(HISTORY_POLL_MS);
  const { history, forecast } = usePanelData(props.base, range);
  const rangeMs = RANGE_MS[range];
  const exhaustsAt = forecast.data?.exhaustsAt ?? null;
  // The forecast looks as far ahead as the range looks back, so both halves stay readable.
  const end = now + rangeMs;
  const rows = useMemo(
    () => chartRows(history.data, forecast.data, props.usageKey, end),
    [history.data, forecast.data, props.usageKey, end],
  );
  const hours = historyHours((history.data?.points ?? []).map((point) => point.t));
  const sentence = forecastSentence(props.subject, forecast.data, hours, now);
  const capacity = history.data?.capacity ?? forecast.data?.capacity ?? null;

  if (history.data === undefined && history.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        Cannot load history: {history.error.message}
      </p>
    );
  }
  if (history.data === undefined) return <LoadingState label="Loading history…" />;
  return (
    <>
      <HistoryBanner status={history.data.history} />
      <figure aria-label={props.title} className="space-y-2">
        <UsageChart
          rows={rows}
          domain={[
            now - rangeMs,
            exhaustsAt !== null && exhaustsAt <= end ? end : now + rangeMs / 4,
          ]}
          capacity={capacity}
          capacityLabel={props.capacityLabel}
          usageLabel={props.usageLabel}
          exhaustsAt={exhaustsAt}
        />
        <figcaption className="text-sm">
          <span className="font-medium" data-testid="forecast-summary">
            {sentence}
          </span>
          {forecast.data?.reason ? (
            <span className="block text-xs text-slate-500">{forecast.data.reason}</span>
          ) : null}
        </figcaption>
      </figure>
      <ChartTable rows={rows} usageLabel={props.usageLabel} />
    </>
  );
}

/** Renders a titled chart of usage against capacity, with forecast, range selector and table view. */
export function HistoryPanel(props: HistoryPanelProps) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <Suspense fallback={<LoadingState label="Loading history…" />}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-sm font-semibold">{props.title}</h2>
          <RangeSelector label={`Time range of ${props.title.toLowerCase()}`} />
        </div>
        <PanelBody {...props} />
      </Suspense>
    </section>
  );
}

/** Free-IP history and exhaustion forecast of one subnet, for /subnets/ID. */
export function SubnetHistoryPanel({ subnetId }: { subnetId: string }) {
  return (
    <HistoryPanel
      title="Subnet IPs in use"
      subject={subnetId}
      base={`/api/v1/subnets/${encodeURIComponent(subnetId)}`}
      usageKey="inUse"
      usageLabel="In use (size minus free)"
      capacityLabel="subnet size"
    />
  );
}

export function NodeHistoryPanel({ name }: { name: string }) {
  return (
    <HistoryPanel
      title="Pod IPs used over time"
      subject={`Node ${name}`}
      base={`/api/v1/nodes/${encodeURIComponent(name)}`}
      usageKey="used"
      usageLabel="Used"
      capacityLabel="ceiling"
    />
  );
}

export function ClusterHistoryPanel() {
  return (
    <HistoryPanel
      title="Cluster pod IPs used over time"
      subject="The cluster"
      base="/api/v1/history"
      usageKey="used"
      usageLabel="Used"
      capacityLabel="sum of ceilings"
    />
  );
}
