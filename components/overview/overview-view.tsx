"use client";

import Link from "next/link";

import { ClusterHistoryPanel } from "@/components/charts/history-panel";
import { UnhealthyEnisSection } from "@/components/enis/unhealthy-enis-section";
import { formatCount } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { StatCard } from "@/components/stat-card";
import { EmptyState } from "@/components/states";
import { UtilisationBar } from "@/components/utilisation-bar";
import { useOverview } from "@/lib/client/api";
import type { Breakdown, Overview } from "@/lib/domain/overview";

/** Most near-ceiling nodes listed on the overview; the nodes page filter shows all of them. */
const NEAR_CEILING_SHOWN = 15;

function BreakdownTable({
  title,
  rows,
  param,
}: {
  title: string;
  rows: Breakdown[];
  param: string;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
        {title}
      </h2>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">{param === "type" ? "Type" : "Zone"}</th>
            <th className="px-2 py-2 text-right font-medium">Nodes</th>
            <th className="px-2 py-2 text-right font-medium">Pool</th>
            <th className="px-2 py-2 text-right font-medium">Used</th>
            <th className="px-2 py-2 text-right font-medium">Free</th>
            <th className="px-2 py-2 text-right font-medium">Ceiling</th>
            <th className="px-4 py-2 font-medium">Used of ceiling</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-4 py-1.5">
                <Link
                  className="text-sky-700 hover:underline dark:text-sky-400"
                  href={`/nodes?${param}=${encodeURIComponent(row.key)}`}
                >
                  {row.key}
                </Link>
              </td>
              <td className="px-2 text-right">{formatCount(row.nodes)}</td>
              <td className="px-2 text-right">{formatCount(row.pool)}</td>
              <td className="px-2 text-right">{formatCount(row.used)}</td>
              <td className="px-2 text-right">{formatCount(row.free)}</td>
              <td className="px-2 text-right">{formatCount(row.ceiling)}</td>
              <td className="px-4">
                <UtilisationBar used={row.used} ceiling={row.ceiling} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NearCeiling({ overview }: { overview: Overview }) {
  const shown = overview.nearCeiling.slice(0, NEAR_CEILING_SHOWN);
  return (
    <section
      aria-labelledby="near-ceiling"
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-baseline justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 id="near-ceiling" className="text-sm font-semibold">
          Nodes near their ceiling (90 % and more)
        </h2>
        <Link
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          href="/nodes?near=1&sort=utilisation&dir=desc"
        >
          all {overview.nearCeiling.length}
        </Link>
      </div>
      {shown.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No node has used 90 % of its ceiling.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {shown.map((node) => (
            <li key={node.name} className="flex items-center justify-between gap-4 px-4 py-1.5">
              <Link
                className="font-mono text-sky-700 hover:underline dark:text-sky-400"
                href={`/nodes/${encodeURIComponent(node.name)}`}
              >
                {node.name}
              </Link>
              <span className="text-xs text-slate-500">
                {node.instanceType} · {node.zone} · {node.used}/{node.ceiling} used, headroom{" "}
                {node.headroom}
              </span>
              <UtilisationBar used={node.used} ceiling={node.ceiling} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OverviewView() {
  const query = useOverview();
  return (
    <PageQuery query={query} what="the cluster overview">
      {(overview) =>
        overview.totals.nodes === 0 ? (
          <EmptyState title="No NetResourceSets in this cluster">
            The cluster serves the CCE CRDs but holds no nodes in VPC-ENI mode yet.
          </EmptyState>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
              <StatCard
                label="Nodes"
                value={formatCount(overview.totals.nodes)}
                hint={`${overview.atCeiling} at ceiling`}
              />
              <StatCard
                label="Pool"
                value={formatCount(overview.totals.pool)}
                hint="secondary IPs held"
              />
              <StatCard
                label="Used"
                value={formatCount(overview.totals.used)}
                hint="assigned to pods"
              />
              <StatCard
                label="Free"
                value={formatCount(overview.totals.free)}
                hint={`${overview.totals.releasing} being released`}
              />
              <StatCard
                label="Ceiling"
                value={formatCount(overview.totals.ceiling)}
                hint="most IPs nodes can hold"
              />
              <StatCard
                label="Near ceiling"
                value={formatCount(overview.nearCeiling.length)}
                hint="nodes at 90 % or more"
                tone={overview.nearCeiling.length > 0 ? "warn" : "default"}
              />
            </dl>
            <ClusterHistoryPanel />
            <NearCeiling overview={overview} />
            <UnhealthyEnisSection />
            <div className="grid gap-6 lg:grid-cols-2">
              <BreakdownTable
                title="By instance type"
                rows={overview.byInstanceType}
                param="type"
              />
              <BreakdownTable title="By zone" rows={overview.byZone} param="zone" />
            </div>
          </>
        )
      }
    </PageQuery>
  );
}
