"use client";

import Link from "next/link";
import type { ReactNode } from "react";

import { formatAge } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { DecodedReason } from "@/components/pods/decoded-reason";
import { ErrorState } from "@/components/states";

import { EniTimeline } from "./eni-timeline";
import { FindingList, HealthBadge } from "./health-badge";
import { type EniDetailResponse, useEni } from "./triage-api";

function Facts({ detail }: { detail: EniDetailResponse }) {
  const { eni } = detail;
  const rows: [string, ReactNode][] = [
    ["Type / use mode", `${eni.type} · ${eni.useMode}`],
    [
      "Node",
      eni.nodeExists ? (
        <Link
          className="text-sky-700 hover:underline dark:text-sky-400"
          href={`/nodes/${encodeURIComponent(eni.node)}`}
        >
          {eni.node}
        </Link>
      ) : (
        `${eni.node} (gone)`
      ),
    ],
    ["Instance", eni.instanceId ?? "–"],
    [
      "Subnet",
      eni.subnetId ? (
        <Link
          className="text-sky-700 hover:underline dark:text-sky-400"
          href={`/subnets/${encodeURIComponent(eni.subnetId)}`}
        >
          {eni.subnetId}
        </Link>
      ) : (
        "–"
      ),
    ],
    ["MAC", eni.macAddress ?? "missing"],
    ["Interface", eni.interfaceName ?? "–"],
    ["IPs / quota", `${eni.ipCount} / ${eni.ipQuota ?? "–"} (maxIPsPerENI, primary included)`],
    ["CCE status", eni.cceStatus],
    ["VPC status", eni.vpcStatus],
    ["Last change", formatAge(eni.lastChangeAt)],
    ["Created", eni.createdAt ? `${eni.createdAt} (${formatAge(eni.createdAt)})` : "–"],
    [
      "Deletion",
      detail.deletionTimestamp
        ? `requested ${formatAge(detail.deletionTimestamp)}; finalizers ${detail.finalizers.join(", ") || "none"}`
        : "not requested",
    ],
    ["Owner NRS", detail.ownerNode ?? "none"],
    ["Borrowed IPs", String(detail.borrowIpCount)],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-mono text-xs leading-5">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Health({ detail }: { detail: EniDetailResponse }) {
  return (
    <section
      aria-labelledby="health-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="health-heading" className="flex items-center gap-2 text-sm font-semibold">
        Health <HealthBadge severity={detail.eni.unhealthy ? detail.eni.severity : null} />
      </h2>
      {detail.eni.findings.length === 0 ? (
        <p className="text-sm text-slate-500">No rule found a problem.</p>
      ) : (
        <FindingList findings={detail.eni.findings} />
      )}
    </section>
  );
}

function Events({ detail }: { detail: EniDetailResponse }) {
  if (detail.events.length === 0) return null;
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">Events</h2>
      {detail.events.map((event) => (
        <div key={event.name} className="border-t border-slate-100 pt-2 dark:border-slate-800">
          <p>
            <span className="font-medium">
              {event.type} {event.reason}
            </span>{" "}
            ×{event.count} · {formatAge(event.lastTime)}: {event.message}
          </p>
          {event.decoded ? <DecodedReason decoded={event.decoded} /> : null}
        </div>
      ))}
    </section>
  );
}

function Ips({ detail }: { detail: EniDetailResponse }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-2 font-semibold">IPs ({detail.ips.length})</h2>
      <ul className="grid grid-cols-1 gap-1 font-mono text-xs sm:grid-cols-2 lg:grid-cols-3">
        {detail.ips.map((ip) => (
          <li key={ip.address}>
            {ip.address}
            {ip.primary ? " (primary)" : ""}
            {ip.owner ? ` · ${ip.owner}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EniDetailView({ id }: { id: string }) {
  const query = useEni(id);
  if (query.data === undefined && query.isError && query.error.message.includes("not found")) {
    return (
      <ErrorState
        title={`ENI ${id} not found`}
        message="No ENI object has this name. It may have been deleted."
      />
    );
  }
  return (
    <PageQuery query={query} what={`ENI ${id}`}>
      {(detail) => (
        <>
          <Health detail={detail} />
          <Facts detail={detail} />
          <EniTimeline timeline={detail.timeline} />
          <Events detail={detail} />
          <Ips detail={detail} />
        </>
      )}
    </PageQuery>
  );
}
