"use client";

import Link from "next/link";

import { formatCount } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { StatCard } from "@/components/stat-card";
import { ErrorState } from "@/components/states";
import { useNow } from "@/components/use-now";
import { UtilisationBar } from "@/components/utilisation-bar";
import { useSubnet } from "@/lib/client/api";
import type { NodeClaim } from "@/lib/domain/subnets";

import { DriftList } from "./drift-list";
import { FreeFigure, VpcNotice, ZoneName } from "./free-figure";

/** `failOrder` maps a node to its place among the nodes that ask the subnet first (1 = first). */
function NodesTable({ nodes, failOrder }: { nodes: NodeClaim[]; failOrder: Map<string, number> }) {
  return (
    <section
      aria-labelledby="subnet-nodes"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="subnet-nodes"
        className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800"
      >
        Nodes taking IPs from this subnet ({nodes.length})
      </h2>
      <table className="tabular w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Node</th>
            <th className="px-2 py-2 font-medium">Type</th>
            <th className="px-2 py-2 text-right font-medium">Ceiling</th>
            <th className="px-2 py-2 text-right font-medium">Pool</th>
            <th className="px-2 py-2 text-right font-medium">Used</th>
            <th className="px-2 py-2 text-right font-medium">Free in pool</th>
            <th className="px-2 py-2 text-right font-medium">May still claim</th>
            <th className="px-4 py-2 font-medium">Used of ceiling</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.name} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-4 py-1 font-mono">
                <Link
                  className="text-sky-700 hover:underline dark:text-sky-400"
                  href={`/nodes/${encodeURIComponent(node.name)}`}
                >
                  {node.name}
                </Link>
                {failOrder.has(node.name) ? (
                  <span className="ml-2 rounded bg-red-100 px-1 text-[10px] uppercase text-red-800 dark:bg-red-900 dark:text-red-100">
                    fails #{failOrder.get(node.name)}
                  </span>
                ) : null}
              </td>
              <td className="px-2">{node.instanceType ?? "–"}</td>
              <td className="px-2 text-right">{node.ceiling}</td>
              <td className="px-2 text-right">{node.pool}</td>
              <td className="px-2 text-right">{node.used}</td>
              <td className="px-2 text-right">{node.free}</td>
              <td className="px-2 text-right">{node.claimable}</td>
              <td className="px-4">
                <UtilisationBar used={node.used} ceiling={node.ceiling} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Puts the nodes that fail first at the top, in the order they would ask for IPs. */
function failFirstOrder(nodes: NodeClaim[], firstToFail: NodeClaim[]): NodeClaim[] {
  const rank = new Map(firstToFail.map((claim, index) => [claim.name, index]));
  return [...nodes].sort((a, b) => (rank.get(a.name) ?? Infinity) - (rank.get(b.name) ?? Infinity));
}

export function SubnetDetailView({ id }: { id: string }) {
  const query = useSubnet(id);
  const now = useNow();
  if (query.data === undefined && query.isError && query.error.message.includes("not found")) {
    return <ErrorState title={`Subnet ${id} not found`} message={query.error.message} />;
  }
  return (
    <PageQuery query={query} what={`subnet ${id}`}>
      {({ subnet, drift, vpc }) => (
        <>
          <VpcNotice enabled={vpc.enabled} reason={vpc.reason} lastError={vpc.lastError} />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <span className="font-mono">{subnet.cidr ?? "no CIDR"}</span> ·{" "}
            {subnet.zone ? <ZoneName zone={subnet.zone} /> : "zone unknown"}
            {subnet.subnetType ? ` · ${subnet.subnetType}` : ""}
            {subnet.exclusive ? " · exclusive (not used for automatic ENIs)" : ""}
            {subnet.vpcId ? ` · ${subnet.vpcId}` : ""}
          </p>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <StatCard
              label="Free"
              value={<FreeFigure free={subnet.free} now={now} />}
              hint={
                subnet.subnetObjectFree !== null && subnet.free?.source === "vpc"
                  ? `Subnet object says ${subnet.subnetObjectFree}`
                  : undefined
              }
            />
            <StatCard
              label="Usable"
              value={formatCount(subnet.totalIps)}
              hint="CIDR size minus 2"
            />
            <StatCard
              label="In pools / used"
              value={`${formatCount(subnet.poolIps)} / ${formatCount(subnet.usedIps)}`}
            />
            <StatCard
              label="n × c need"
              value={formatCount(subnet.need)}
              hint={`${formatCount(subnet.needWithPrimaries)} with node primaries`}
            />
            <StatCard
              label="May still claim"
              value={formatCount(subnet.claimable)}
              hint="ceiling minus pool, summed"
            />
            <StatCard
              label="Shortfall"
              value={formatCount(subnet.shortfall)}
              tone={subnet.shortfall > 0 ? "bad" : "default"}
              hint={
                subnet.shortfall > 0
                  ? "free IPs cannot cover the claims"
                  : "free IPs cover the claims"
              }
            />
          </dl>
          {subnet.shortfall > 0 ? (
            <p
              role="status"
              className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
            >
              This subnet runs out before its nodes reach their ceilings. First to fail:{" "}
              {subnet.firstToFail.map((claim) => claim.name).join(", ")}.
            </p>
          ) : null}
          <NodesTable
            nodes={failFirstOrder(subnet.nodes, subnet.shortfall > 0 ? subnet.firstToFail : [])}
            failOrder={
              new Map(
                (subnet.shortfall > 0 ? subnet.firstToFail : []).map((claim, index) => [
                  claim.name,
                  index + 1,
                ]),
              )
            }
          />
          {vpc.enabled ? <DriftList findings={drift} /> : null}
        </>
      )}
    </PageQuery>
  );
}
