"use client";

import { useEffect, useRef } from "react";

import type { IpState, NodeIp } from "@/lib/domain/pool";

const STATE_STYLE: Record<IpState, string> = {
  used: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  free: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  releasing: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
};

const FILTERS: (IpState | "all")[] = ["all", "used", "free", "releasing"];

export function NodeIpTable({
  ips,
  filter,
  onFilter,
  highlightIp = null,
}: {
  ips: NodeIp[];
  filter: IpState | "all";
  onFilter: (filter: IpState | "all") => void;
  highlightIp?: string | null;
}) {
  const highlighted = useRef<HTMLTableRowElement>(null);
  const present = ips.some((ip) => ip.ip === highlightIp);
  useEffect(() => {
    if (present) highlighted.current?.scrollIntoView({ block: "center" });
  }, [present]);
  const shown = filter === "all" ? ips : ips.filter((ip) => ip.state === filter);
  return (
    <section
      aria-labelledby="ips-heading"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 id="ips-heading" className="text-sm font-semibold">
          IPs ({ips.length})
        </h2>
        <div role="group" aria-label="Filter IPs by state" className="flex gap-1 text-xs">
          {FILTERS.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={filter === value}
              onClick={() => onFilter(value)}
              className={`rounded px-2 py-1 ${filter === value ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-slate-100 dark:bg-slate-800"}`}
            >
              {value} (
              {value === "all" ? ips.length : ips.filter((ip) => ip.state === value).length})
            </button>
          ))}
        </div>
      </div>
      <table className="tabular w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">IP</th>
            <th className="px-2 py-2 font-medium">State</th>
            <th className="px-2 py-2 font-medium">Owner pod</th>
            <th className="px-2 py-2 font-medium">ENI</th>
            <th className="px-2 py-2 font-medium">Subnet</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((ip) => (
            <tr
              key={ip.ip}
              ref={ip.ip === highlightIp ? highlighted : undefined}
              aria-current={ip.ip === highlightIp ? "true" : undefined}
              className={`border-t border-slate-100 dark:border-slate-800 ${ip.ip === highlightIp ? "bg-amber-100 dark:bg-amber-900/60" : ""}`}
            >
              <td className="px-4 py-1 font-mono">{ip.ip}</td>
              <td className="px-2 py-1">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs ${STATE_STYLE[ip.state]}`}
                  title={ip.releaseState ?? undefined}
                >
                  {ip.state}
                </span>
              </td>
              <td className="px-2 py-1 font-mono text-xs">{ip.owner ?? "–"}</td>
              <td className="px-2 py-1 font-mono text-xs">{ip.eni ?? "–"}</td>
              <td className="px-2 py-1 font-mono text-xs">{ip.subnetId ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
