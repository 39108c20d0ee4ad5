"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { formatAge, formatCount } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { EmptyState } from "@/components/states";
import { useNow } from "@/components/use-now";
import type { EniRow } from "@/lib/server/triage";

import { HealthBadge } from "./health-badge";
import { useEnis } from "./triage-api";

const TYPES = ["", "bcc", "bbc", "ebc", "rdma_roce", "elastic_rdma"];
const STATUSES = [
  "",
  "inuse",
  "attaching",
  "available",
  "detaching",
  "none",
  "Pending",
  "ReadyOnNode",
  "UsingInPod",
];

function Toolbar() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}?${next.toString()}`);
  };
  const select = (label: string, name: string, options: string[]) => (
    <label className="flex items-center gap-2">
      {label}
      <select
        aria-label={label}
        value={params.get(name) ?? ""}
        onChange={(event) => set(name, event.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option || "any"}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="flex flex-wrap items-center gap-4 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={params.get("health") === "unhealthy"}
          onChange={(event) => set("health", event.target.checked ? "unhealthy" : "")}
        />
        Unhealthy only
      </label>
      <label className="flex items-center gap-2">
        Node
        <input
          aria-label="Node"
          defaultValue={params.get("node") ?? ""}
          onKeyDown={(event) => {
            if (event.key === "Enter") set("node", event.currentTarget.value.trim());
          }}
          placeholder="node name"
          className="w-36 rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {select("Type", "type", TYPES)}
      {select("Status", "status", STATUSES)}
    </div>
  );
}

function EniTable({ rows }: { rows: EniRow[] }) {
  const now = useNow(10_000);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            {[
              "ENI",
              "Health",
              "Node",
              "Type / mode",
              "Subnet",
              "IPs / quota",
              "CCE",
              "VPC",
              "Last change",
            ].map((h) => (
              <th key={h} className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="px-3 py-1.5 font-mono">
                <Link
                  className="text-sky-700 hover:underline dark:text-sky-400"
                  href={`/enis/${encodeURIComponent(row.id)}`}
                >
                  {row.id}
                </Link>
              </td>
              <td className="px-3 py-1.5">
                <HealthBadge severity={row.unhealthy ? row.severity : null} />
                {row.findings[0] && row.unhealthy ? (
                  <p className="mt-1 max-w-md text-xs text-slate-600 dark:text-slate-400">
                    {row.findings[0].sentence}
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-1.5 font-mono">
                {row.nodeExists ? (
                  <Link
                    className="text-sky-700 hover:underline dark:text-sky-400"
                    href={`/nodes/${encodeURIComponent(row.node)}`}
                  >
                    {row.node}
                  </Link>
                ) : (
                  <span title="node is gone">{row.node} (gone)</span>
                )}
              </td>
              <td className="px-3 py-1.5">
                {row.type} · {row.useMode}
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">{row.subnetId ?? "–"}</td>
              <td className="px-3 py-1.5">
                {row.ipCount} / {row.ipQuota ?? "–"}
              </td>
              <td className="px-3 py-1.5">{row.cceStatus}</td>
              <td className="px-3 py-1.5">{row.vpcStatus}</td>
              <td className="px-3 py-1.5 text-xs">{formatAge(row.lastChangeAt, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EnisView() {
  const params = useSearchParams();
  const query = useEnis(params.toString());
  return (
    <div className="space-y-3">
      <Toolbar />
      <PageQuery query={query} what="ENIs">
        {(data) => (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {formatCount(data.matched)} shown of {formatCount(data.counts.total)} ENIs ·{" "}
              <Link
                className="text-sky-700 hover:underline dark:text-sky-400"
                href="/enis?health=unhealthy"
              >
                {formatCount(data.counts.unhealthy)} unhealthy
              </Link>{" "}
              ({data.counts.critical} critical)
              {data.items.length < data.matched ? ` · first ${data.items.length} listed` : ""}
            </p>
            {data.items.length === 0 ? (
              <EmptyState title="No ENI matches these filters">
                Clear a filter to see more ENIs.
              </EmptyState>
            ) : (
              <EniTable rows={data.items} />
            )}
          </>
        )}
      </PageQuery>
    </div>
  );
}
