"use client";

import Link from "next/link";
import { useState } from "react";

import { ForecastCell } from "@/components/forecast-cell";
import { formatCount } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { EmptyState } from "@/components/states";
import { useNow } from "@/components/use-now";
import { type ForecastListItem, useForecastMap, useSubnets } from "@/lib/client/api";
import type { SubnetSummary, ZoneMisfit } from "@/lib/domain/subnets";

import { FreeFigure, VpcNotice, ZoneName } from "./free-figure";

function ShortfallCell({ subnet }: { subnet: SubnetSummary }) {
  if (!subnet.free) return <span className="text-slate-400">–</span>;
  if (subnet.shortfall === 0)
    return <span className="text-emerald-700 dark:text-emerald-400">covered</span>;
  return (
    <span className="rounded bg-red-100 px-1.5 py-0.5 font-semibold whitespace-nowrap text-red-800 dark:bg-red-900 dark:text-red-100">
      short {formatCount(subnet.shortfall)}
    </span>
  );
}

function SubnetRow({
  subnet,
  forecast,
  now,
}: {
  subnet: SubnetSummary;
  forecast: ForecastListItem | undefined;
  now: number;
}) {
  return (
    <tr
      className={`border-t border-slate-100 align-top dark:border-slate-800 ${subnet.shortfall > 0 ? "bg-red-50/60 dark:bg-red-950/40" : ""}`}
    >
      <td className="px-3 py-1.5">
        <Link
          className="font-mono text-sky-700 hover:underline dark:text-sky-400"
          href={`/subnets/${encodeURIComponent(subnet.id)}`}
        >
          {subnet.id}
        </Link>
        <div className="text-xs text-slate-500">{subnet.name ?? ""}</div>
      </td>
      <td className="px-2 py-1.5 font-mono text-xs">{subnet.cidr ?? "–"}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        <ZoneName zone={subnet.zone} />
      </td>
      <td className="px-2 py-1.5 text-right">{formatCount(subnet.totalIps)}</td>
      <td className="px-2 py-1.5">
        <FreeFigure free={subnet.free} now={now} />
      </td>
      <td className="px-2 py-1.5 text-right">{formatCount(subnet.poolIps)}</td>
      <td className="px-2 py-1.5 text-right">{formatCount(subnet.usedIps)}</td>
      <td className="px-2 py-1.5 text-right">{formatCount(subnet.nodeCount)}</td>
      <td
        className="px-2 py-1.5 text-right"
        title={`${subnet.needWithPrimaries} with node primary IPs`}
      >
        {formatCount(subnet.need)}
      </td>
      <td className="px-2 py-1.5 text-right">{formatCount(subnet.claimable)}</td>
      <td className="px-2 py-1.5">
        <ShortfallCell subnet={subnet} />
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        <ForecastCell forecast={forecast} now={now} />
      </td>
      <td className="px-2 py-1.5 text-xs">
        {subnet.shortfall > 0
          ? subnet.firstToFail.map((claim) => (
              <Link
                key={claim.name}
                className="mr-2 font-mono text-sky-700 hover:underline dark:text-sky-400"
                href={`/nodes/${encodeURIComponent(claim.name)}`}
              >
                {claim.name}
              </Link>
            ))
          : null}
      </td>
    </tr>
  );
}

function Misfits({ misfits }: { misfits: ZoneMisfit[] }) {
  if (misfits.length === 0) return null;
  return (
    <section
      aria-labelledby="misfits"
      className="rounded-lg border border-amber-300 bg-white p-4 dark:border-amber-700 dark:bg-slate-900"
    >
      <h2 id="misfits" className="text-sm font-semibold">
        Nodes without a subnet in their zone ({misfits.length})
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {misfits.map((misfit) => (
          <li key={misfit.node}>
            <Link
              className="font-mono text-sky-700 hover:underline dark:text-sky-400"
              href={`/nodes/${encodeURIComponent(misfit.node)}`}
            >
              {misfit.node}
            </Link>{" "}
            {misfit.sentence}
          </li>
        ))}
      </ul>
    </section>
  );
}

type SubnetSort = "shortfall" | "exhaustion";

/** Orders subnets by shortfall (the API's order) or by forecast exhaustion time, soonest first. */
function sortSubnets(
  subnets: SubnetSummary[],
  forecasts: Map<string, ForecastListItem>,
  sort: SubnetSort,
): SubnetSummary[] {
  if (sort === "shortfall") return subnets;
  const at = (id: string) => forecasts.get(id)?.exhaustsAt ?? Infinity;
  return [...subnets].sort((a, b) => at(a.id) - at(b.id) || a.id.localeCompare(b.id));
}

export function SubnetsView() {
  const query = useSubnets();
  const forecasts = useForecastMap("subnet");
  const [sort, setSort] = useState<SubnetSort>("shortfall");
  const now = useNow();
  return (
    <PageQuery query={query} what="subnets">
      {(data) => (
        <>
          <VpcNotice
            enabled={data.vpc.enabled}
            reason={data.vpc.reason}
            lastError={data.vpc.lastError}
          />
          {data.items.length === 0 ? (
            <EmptyState title="No subnets">
              No Subnet object exists and no node uses a subnet yet.
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
              <table className="tabular w-full text-sm">
                <thead className="text-left text-xs text-slate-500">
                  <tr>
                    <th className="px-3 py-2 font-medium">Subnet</th>
                    <th className="px-2 py-2 font-medium">CIDR</th>
                    <th className="px-2 py-2 font-medium">Zone</th>
                    <th className="px-2 py-2 text-right font-medium">Usable</th>
                    <th className="px-2 py-2 font-medium">Free</th>
                    <th className="px-2 py-2 text-right font-medium">In pools</th>
                    <th className="px-2 py-2 text-right font-medium">Used by pods</th>
                    <th className="px-2 py-2 text-right font-medium">Nodes</th>
                    <th className="px-2 py-2 text-right font-medium">n × c need</th>
                    <th className="px-2 py-2 text-right font-medium">May still claim</th>
                    <th
                      className="px-2 py-2 font-medium"
                      aria-sort={sort === "shortfall" ? "descending" : "none"}
                    >
                      <button
                        type="button"
                        className="hover:underline"
                        onClick={() => setSort("shortfall")}
                      >
                        Shortfall{sort === "shortfall" ? " ▼" : ""}
                      </button>
                    </th>
                    <th
                      className="px-2 py-2 font-medium"
                      aria-sort={sort === "exhaustion" ? "ascending" : "none"}
                    >
                      <button
                        type="button"
                        className="hover:underline"
                        onClick={() => setSort("exhaustion")}
                      >
                        Runs out{sort === "exhaustion" ? " ▲" : ""}
                      </button>
                    </th>
                    <th className="px-2 py-2 font-medium">First to fail</th>
                  </tr>
                </thead>
                <tbody>
                  {sortSubnets(data.items, forecasts, sort).map((subnet) => (
                    <SubnetRow
                      key={subnet.id}
                      subnet={subnet}
                      forecast={forecasts.get(subnet.id)}
                      now={now}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Misfits misfits={data.zoneMisfits} />
        </>
      )}
    </PageQuery>
  );
}
