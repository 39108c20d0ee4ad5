"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

import { usePendingPods } from "@/components/enis/triage-api";
import { formatAge } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { EmptyState } from "@/components/states";
import type { PendingGroup, PendingPod } from "@/lib/domain/pending";

import { DecodedReason } from "./decoded-reason";

const nodeLink = (name: string) => (
  <Link
    key={name}
    className="font-mono text-sky-700 hover:underline dark:text-sky-400"
    href={`/nodes/${encodeURIComponent(name)}`}
  >
    {name}
  </Link>
);

function PodCard({ pod, highlighted }: { pod: PendingPod; highlighted: boolean }) {
  return (
    <li
      aria-label={`Pod ${pod.key}`}
      className={`space-y-1 px-4 py-3 ${highlighted ? "bg-sky-50 dark:bg-sky-950" : ""}`}
    >
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-mono font-medium">{pod.key}</span>
        <span className="text-xs text-slate-500">
          {pod.waitingReason ?? pod.phase} · waiting since {formatAge(pod.since)}
          {pod.eventReason ? ` · ${pod.eventReason} ×${pod.eventCount}` : ""}
        </span>
      </p>
      <p className="text-sm">
        Node:{" "}
        {pod.node ? (
          nodeLink(pod.node)
        ) : (
          <>
            not scheduled; nodes at their ceiling:{" "}
            {pod.candidateNodes.length > 0
              ? pod.candidateNodes.map((name, i) => (
                  <span key={name}>
                    {i > 0 ? ", " : ""}
                    {nodeLink(name)}
                  </span>
                ))
              : "none"}
          </>
        )}
      </p>
      <DecodedReason decoded={pod.decoded} />
      {pod.message ? (
        <details className="text-xs text-slate-500">
          <summary>Raw message</summary>
          <p className="mt-1 break-all font-mono">{pod.message}</p>
        </details>
      ) : null}
    </li>
  );
}

function Group({ group, selected }: { group: PendingGroup; selected: string | null }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
        {group.node ? <>Node {nodeLink(group.node)}</> : "Not scheduled"}
        {group.subnet ? (
          <>
            {" · subnet "}
            <Link
              className="font-mono text-sky-700 hover:underline dark:text-sky-400"
              href={`/subnets/${encodeURIComponent(group.subnet)}`}
            >
              {group.subnet}
            </Link>
          </>
        ) : null}{" "}
        · {group.pods.length} pod
        {group.pods.length > 1 ? "s" : ""}
      </h2>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {group.pods.map((pod) => (
          <PodCard key={pod.key} pod={pod} highlighted={pod.key === selected} />
        ))}
      </ul>
    </section>
  );
}

export function PodsView() {
  const selected = useSearchParams().get("pod");
  const query = usePendingPods();
  return (
    <PageQuery query={query} what="pending pods">
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title="No pod is waiting for an IP">
            No pod is Pending on cce.baidubce.com/ip or failing its sandbox with an IPAM code.
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {data.items.length} pods waiting for an IP, grouped by node and subnet.
            </p>
            {data.groups.map((group) => (
              <Group key={`${group.node}|${group.subnet}`} group={group} selected={selected} />
            ))}
          </>
        )
      }
    </PageQuery>
  );
}
