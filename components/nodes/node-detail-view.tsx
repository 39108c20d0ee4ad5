"use client";

import Link from "next/link";
import { useState } from "react";

import { NodeHistoryPanel } from "@/components/charts/history-panel";
import { NodeTriageSection } from "@/components/enis/node-triage-section";
import { formatAge, formatCount, formatPercent } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { StatCard } from "@/components/stat-card";
import { ErrorState } from "@/components/states";
import { type NodeDetailResponse, useNode } from "@/lib/client/api";
import type { IpState } from "@/lib/domain/pool";

import { NodeEniTable } from "./node-eni-table";
import { NodeIpTable } from "./node-ip-table";

function Summary({ detail }: { detail: NodeDetailResponse }) {
  const { node, kubeNode } = detail;
  const allocatable = kubeNode?.allocatableIp ?? null;
  const lag = allocatable !== null && allocatable !== node.poolSize;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      <StatCard label="Pool" value={formatCount(node.poolSize)} />
      <StatCard label="Used" value={formatCount(node.used)} />
      <StatCard
        label="Free"
        value={formatCount(node.free)}
        hint={node.releasing ? `${node.releasing} being released` : undefined}
      />
      <StatCard
        label="Ceiling"
        value={formatCount(node.ceiling)}
        hint={`${formatPercent(node.utilisation)} used`}
      />
      <StatCard
        label="Headroom"
        value={formatCount(node.headroom)}
        tone={
          node.ceiling > 0 && node.headroom <= 0 ? "bad" : node.nearCeiling ? "warn" : "default"
        }
        hint="ceiling minus used"
      />
      <StatCard
        label="ENIs"
        value={`${node.eniCount} / ${node.maxEniCount || 1}`}
        hint="attached / max"
      />
      <StatCard
        label="Allocatable IPs"
        value={allocatable === null ? "–" : formatCount(allocatable)}
        hint={
          allocatable === null
            ? "Node does not report cce.baidubce.com/ip"
            : lag
              ? "differs from pool: capacity patch lags"
              : "Node cce.baidubce.com/ip"
        }
        tone={lag ? "warn" : "default"}
      />
    </dl>
  );
}

function Quota({ detail }: { detail: NodeDetailResponse }) {
  const { quota } = detail;
  const rows: [string, string][] = [
    ["maxAllocateENI", String(quota.maxAllocateEni)],
    ["maxIPsPerENI (primary included)", String(quota.maxIpsPerEni)],
    ["max-allocate", quota.maxAllocate ? String(quota.maxAllocate) : "not set"],
    [
      "pre-allocate / min-allocate / max-above-watermark",
      `${quota.preAllocate} / ${quota.minAllocate} / ${quota.maxAboveWatermark}`,
    ],
    [
      "Quota computed",
      quota.capacitySyncedAt
        ? `${quota.capacitySyncedAt} (${formatAge(quota.capacitySyncedAt)})`
        : "unknown",
    ],
    ["Subnets (spec)", detail.subnetIds.join(", ") || "none"],
    [
      "Subnets available",
      detail.availableSubnetIds === null
        ? "not reported"
        : detail.availableSubnetIds.join(", ") || "none: NoAvailableSubnet",
    ],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-2 font-semibold">Quota and watermarks</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-mono text-xs leading-5">{value}</dd>
          </div>
        ))}
      </dl>
      {detail.operatorError ? (
        <p className="mt-2 text-red-600">Operator error: {detail.operatorError}</p>
      ) : null}
    </section>
  );
}

export function NodeDetailView({
  name,
  highlightIp = null,
}: {
  name: string;
  /** An IP to mark and scroll to, for example the one a search led here for. */
  highlightIp?: string | null;
}) {
  const query = useNode(name);
  const [stateFilter, setStateFilter] = useState<IpState | "all">("all");
  if (query.data === undefined && query.isError && query.error.message.includes("not found")) {
    return (
      <ErrorState
        title={`Node ${name} not found`}
        message="No NetResourceSet has this name. It may have been removed, or the name is mistyped."
      />
    );
  }
  return (
    <PageQuery query={query} what={`node ${name}`}>
      {(detail) => (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <span className="font-mono">{detail.node.instanceId ?? "no instance id"}</span> ·{" "}
            {detail.node.instanceType} · {detail.node.zone} · {detail.node.useMode}
            {detail.node.subnetIds.length > 0 ? " · subnets " : ""}
            {detail.node.subnetIds.map((id) => (
              <Link
                key={id}
                href={`/subnets/${encodeURIComponent(id)}`}
                className="mr-1 font-mono text-sky-700 hover:underline dark:text-sky-400"
              >
                {id}
              </Link>
            ))}
          </p>
          <Summary detail={detail} />
          <NodeHistoryPanel name={detail.node.name} />
          <NodeEniTable enis={detail.enis} drift={detail.drift} />
          <NodeIpTable
            ips={detail.ips}
            filter={stateFilter}
            onFilter={setStateFilter}
            highlightIp={highlightIp}
          />
          <Quota detail={detail} />
          <NodeTriageSection name={name} />
          <p className="text-xs text-slate-500">
            <Link href="/nodes" className="hover:underline">
              ← all nodes
            </Link>
          </p>
        </>
      )}
    </PageQuery>
  );
}
