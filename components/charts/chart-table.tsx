"use client";

import type { ChartRow } from "./usage-chart";

/** Renders the chart's points as a table, collapsed by default, for screen readers and copying. */
export function ChartTable({ rows, usageLabel }: { rows: ChartRow[]; usageLabel: string }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
        Show the data as a table
      </summary>
      <div className="mt-2 max-h-64 overflow-auto">
        <table className="w-full">
          <caption className="sr-only">
            Chart points: recorded {usageLabel.toLowerCase()} and forecast
          </caption>
          <thead className="text-left text-slate-500">
            <tr>
              <th className="px-2 py-1 font-medium">Time</th>
              <th className="px-2 py-1 text-right font-medium">{usageLabel}</th>
              <th className="px-2 py-1 text-right font-medium">Forecast</th>
              <th className="px-2 py-1 text-right font-medium">80 % band</th>
            </tr>
          </thead>
          <tbody className="tabular">
            {rows.map((row) => (
              <tr key={row.t}>
                <td className="px-2">{new Date(row.t).toLocaleString("en-GB")}</td>
                <td className="px-2 text-right">{row.usage ?? ""}</td>
                <td className="px-2 text-right">{row.projected ?? ""}</td>
                <td className="px-2 text-right">
                  {row.band ? `${row.band[0]} – ${row.band[1]}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
