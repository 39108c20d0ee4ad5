"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface ChartRow {
  t: number;
  /** Recorded usage. */
  usage?: number | null;
  /** Projected usage. */
  projected?: number;
  /** 80 % band of the projection: [low, high]. */
  band?: [number, number];
}

export interface UsageChartProps {
  rows: ChartRow[];
  /** Visible time range, epoch ms. */
  domain: [number, number];
  capacity: number | null;
  capacityLabel: string;
  usageLabel: string;
  exhaustsAt: number | null;
}

function formatTick(t: number, spanMs: number): string {
  const date = new Date(t);
  if (spanMs <= 2 * 86_400_000) {
    return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  }
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short" });
}

const TICK_STEPS_MS = [10, 30, 60, 180, 360, 720, 1440, 2880, 10_080].map((m) => m * 60_000);
/** Most x-axis labels; more would overlap on a narrow panel. */
const MAX_TICKS = 8;

/** Evenly spaced ticks on whole minutes, hours or days (UTC), at most MAX_TICKS of them. */
export function timeTicks([start, end]: [number, number]): number[] {
  const step = TICK_STEPS_MS.find((ms) => (end - start) / ms <= MAX_TICKS) ?? end - start;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return ticks;
}

/**
 * Recorded usage, the projection with its 80 % band, the capacity line and a marker where the
 * projection reaches capacity. Drawing only; the panel prepares the rows.
 */
export function UsageChart(props: UsageChartProps) {
  const { rows, domain, capacity, exhaustsAt } = props;
  const span = domain[1] - domain[0];
  const showMarker = exhaustsAt !== null && exhaustsAt >= domain[0] && exhaustsAt <= domain[1];

  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={rows} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-slate-200 dark:stroke-slate-800" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domain}
          allowDataOverflow
          ticks={timeTicks(domain)}
          tickFormatter={(t: number) => formatTick(t, span)}
          fontSize={11}
        />
        <YAxis domain={["auto", "auto"]} fontSize={11} width={56} allowDecimals={false} />
        <Tooltip
          labelFormatter={(t) => new Date(Number(t)).toLocaleString("en-GB")}
          formatter={(value) => (Array.isArray(value) ? value.join(" – ") : String(value))}
        />
        <Area
          dataKey="band"
          name="80 % band"
          stroke="none"
          fill="#f59e0b"
          fillOpacity={0.2}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          dataKey="usage"
          name={props.usageLabel}
          stroke="#0284c7"
          dot={false}
          strokeWidth={1.5}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          dataKey="projected"
          name="Forecast"
          stroke="#d97706"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        {capacity !== null ? (
          <ReferenceLine
            y={capacity}
            stroke="#dc2626"
            ifOverflow="extendDomain"
            label={{ value: props.capacityLabel, position: "insideTopLeft", fontSize: 11 }}
          />
        ) : null}
        {showMarker && exhaustsAt !== null ? (
          <ReferenceLine
            x={exhaustsAt}
            stroke="#dc2626"
            strokeDasharray="2 2"
            label={{ value: "runs out", position: "insideTopRight", fontSize: 11 }}
          />
        ) : null}
        {showMarker && exhaustsAt !== null && capacity !== null ? (
          <ReferenceDot x={exhaustsAt} y={capacity} r={4} fill="#dc2626" stroke="none" />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
