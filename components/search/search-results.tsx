"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

import { LoadingState } from "@/components/states";
import { ErrorState } from "@/components/states";
import { EmptyState } from "@/components/states";
import { usePolled } from "@/lib/client/api";
import type { SearchMatch, SearchResult } from "@/lib/domain/search";

const KIND_LABELS: Record<SearchMatch["kind"], string> = {
  ip: "IP",
  pod: "Pod",
  node: "Node",
  instance: "Instance",
  eni: "ENI",
  subnet: "Subnet",
  mac: "MAC",
};

function IpFacts({ match }: { match: SearchMatch }) {
  const ip = match.ip;
  if (!ip) return null;
  return (
    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 text-xs">
      <dt className="text-slate-500">State</dt>
      <dd>
        {ip.state}
        {ip.releaseState ? ` (${ip.releaseState})` : ""}
      </dd>
      <dt className="text-slate-500">Node</dt>
      <dd className="font-mono">
        <Link
          className="text-sky-700 hover:underline dark:text-sky-400"
          href={`/nodes/${encodeURIComponent(ip.node)}?ip=${encodeURIComponent(ip.ip)}`}
        >
          {ip.node}
        </Link>
      </dd>
      <dt className="text-slate-500">ENI</dt>
      <dd className="font-mono">
        {ip.eni ? (
          <Link
            className="text-sky-700 hover:underline dark:text-sky-400"
            href={`/enis/${encodeURIComponent(ip.eni)}`}
          >
            {ip.eni}
          </Link>
        ) : (
          "–"
        )}
      </dd>
      <dt className="text-slate-500">Subnet</dt>
      <dd className="font-mono">
        {ip.subnet ? (
          <Link
            className="text-sky-700 hover:underline dark:text-sky-400"
            href={`/subnets/${encodeURIComponent(ip.subnet)}`}
          >
            {ip.subnet}
          </Link>
        ) : (
          "–"
        )}
      </dd>
      <dt className="text-slate-500">Owner pod</dt>
      <dd className="font-mono">{ip.owner ?? "none"}</dd>
    </dl>
  );
}

export function SearchResults() {
  const q = useSearchParams().get("q") ?? "";
  const query = usePolled<SearchResult>(
    ["search", q],
    q ? `/api/v1/search?q=${encodeURIComponent(q)}` : null,
  );
  if (!q)
    return <EmptyState title="Type a query in the search box">Press / to focus it.</EmptyState>;
  if (query.data === undefined) {
    return query.isError ? (
      <ErrorState title="Search failed" message={query.error.message} />
    ) : (
      <LoadingState label="Searching…" />
    );
  }
  const result = query.data;
  if (result.matches.length === 0) {
    return (
      <EmptyState title={`Nothing matches "${result.query}"`}>
        Search accepts an IP, a pod (namespace/name or name), a node, an instance id, an ENI id, a
        subnet id or a MAC.
      </EmptyState>
    );
  }
  return (
    <section
      aria-label="Search results"
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-800">
        {result.total} {result.mode === "exact" ? "exact" : "partial"} match
        {result.total === 1 ? "" : "es"}
        {result.total > result.matches.length ? `, first ${result.matches.length} shown` : ""}
      </p>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {result.matches.map((match, index) => (
          <li key={`${match.kind}-${match.key}-${index}`} className="px-4 py-2 text-sm">
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
              {KIND_LABELS[match.kind]}
            </span>
            <Link
              className="font-mono text-sky-700 hover:underline dark:text-sky-400"
              href={match.href}
            >
              {match.key}
            </Link>
            <span className="ml-2 text-xs text-slate-500">{match.detail}</span>
            <IpFacts match={match} />
          </li>
        ))}
      </ul>
    </section>
  );
}
