"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import type { ChangesResponse } from "@/components/enis/triage-api";
import { formatAge } from "@/components/format";
import { PageQuery } from "@/components/page-query";
import { EmptyState } from "@/components/states";
import { useNow } from "@/components/use-now";
import { usePolled } from "@/lib/client/api";
import { CHANGE_KINDS, type ChangeEntry } from "@/lib/domain/feed";

/** Time ranges offered by the filter, in minutes; the API gets an ISO `since`. */
const RANGES: [string, number | null][] = [
  ["all", null],
  ["15m", 15],
  ["1h", 60],
  ["6h", 360],
  ["24h", 1440],
];
const TEXT_FILTERS = ["node", "eni", "subnet"] as const;
const FILTER_LABELS: Record<(typeof TEXT_FILTERS)[number], string> = {
  node: "Node",
  eni: "ENI",
  subnet: "Subnet",
};

/** Builds the API query; `since` is rounded down to the minute so the poll key stays stable. */
function apiSearch(params: URLSearchParams, now: number): string {
  const api = new URLSearchParams();
  for (const name of [...TEXT_FILTERS, "kind", "until"]) {
    const value = params.get(name);
    if (value) api.set(name, value);
  }
  const minutes = RANGES.find(([label]) => label === params.get("range"))?.[1] ?? null;
  const since = params.get("since");
  if (since) api.set("since", since);
  else if (minutes !== null) {
    const minute = Math.floor(now / 60_000) * 60_000;
    api.set("since", new Date(minute - minutes * 60_000).toISOString());
  }
  return api.toString();
}

function Filters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}?${next.toString()}`);
  };
  const box =
    "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
  return (
    <div className="flex flex-wrap items-center gap-4 text-sm">
      {TEXT_FILTERS.map((name) => (
        <label key={name} className="flex items-center gap-2">
          {FILTER_LABELS[name]}
          <input
            aria-label={`Filter by ${FILTER_LABELS[name]}`}
            defaultValue={params.get(name) ?? ""}
            placeholder="Enter to apply"
            onKeyDown={(event) => {
              if (event.key === "Enter") set(name, event.currentTarget.value.trim());
            }}
            className={`w-40 font-mono ${box}`}
          />
        </label>
      ))}
      <label className="flex items-center gap-2">
        Kind
        <select
          aria-label="Kind"
          value={params.get("kind") ?? ""}
          onChange={(e) => set("kind", e.target.value)}
          className={box}
        >
          <option value="">any</option>
          {CHANGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        Range
        <select
          aria-label="Range"
          value={params.get("range") ?? "all"}
          onChange={(e) => set("range", e.target.value === "all" ? "" : e.target.value)}
          className={box}
        >
          {RANGES.map(([label]) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

const LEVEL_TONE: Record<string, string> = {
  Warning: "text-amber-700 dark:text-amber-400",
  failed: "text-red-600 dark:text-red-400",
};

function Entry({ entry, now }: { entry: ChangeEntry; now: number }) {
  const link = (href: string, text: string) => (
    <Link className="font-mono text-sky-700 hover:underline dark:text-sky-400" href={href}>
      {text}
    </Link>
  );
  return (
    <li className="grid grid-cols-[8rem_9rem_1fr] gap-3 px-4 py-1.5 text-sm">
      <span className="text-xs text-slate-500" title={entry.time}>
        {formatAge(entry.time, now)}
      </span>
      <span className={`text-xs font-medium ${LEVEL_TONE[entry.level ?? ""] ?? ""}`}>
        {entry.kind}
      </span>
      <span>
        {entry.summary}
        <span className="ml-2 space-x-2 text-xs">
          {entry.node ? link(`/nodes/${encodeURIComponent(entry.node)}`, entry.node) : null}
          {entry.eni ? link(`/enis/${encodeURIComponent(entry.eni)}`, entry.eni) : null}
        </span>
      </span>
    </li>
  );
}

export function ChangesView() {
  const params = useSearchParams();
  const now = useNow(15_000);
  const search = apiSearch(params, now);
  const query = usePolled<ChangesResponse>(["changes", search], `/api/v1/changes?${search}`);
  return (
    <div className="space-y-3">
      <Filters />
      <PageQuery query={query} what="the change feed">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No change matches these filters">
              Changes appear here as the cluster watch reports them.
            </EmptyState>
          ) : (
            <section
              aria-label="Changes"
              className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            >
              <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-800">
                {data.items.length} newest of {data.matched} matching changes, live
              </p>
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {data.items.map((entry) => (
                  <Entry key={entry.id} entry={entry} now={now} />
                ))}
              </ul>
            </section>
          )
        }
      </PageQuery>
    </div>
  );
}
