"use client";

import type { Freshness } from "@/lib/server/views";

import { formatAge } from "./format";
import { useNow } from "./use-now";

interface DataStatusProps {
  freshness: Freshness | undefined;
  /** Error of the last poll of the dashboard server, if it failed. */
  fetchError: Error | null;
  /** When the browser last received data, epoch ms (0 = never). */
  receivedAt: number;
}

/**
 * The age of the data on a page and, when anything is wrong, a banner that names the fault while
 * the last good data stays on screen.
 */
export function DataStatus({ freshness, fetchError, receivedAt }: DataStatusProps) {
  const now = useNow();
  const contact = freshness?.lastContactAt ?? null;
  const stale = freshness?.status === "stale";
  const banner = fetchError
    ? `${fetchError.message} Showing data received ${formatAge(receivedAt ? new Date(receivedAt).toISOString() : null, now)}.`
    : stale
      ? `${freshness?.message ?? "The cluster cannot be read."} Data last confirmed ${formatAge(contact, now)}.`
      : null;
  const otherErrors = !stale && !fetchError ? (freshness?.errors ?? []) : [];
  const malformed = (freshness?.resources ?? []).filter((resource) => resource.malformedCount > 0);

  return (
    <div className="space-y-2">
      {banner ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <strong className="font-semibold">Stale data. </strong>
          {banner}
        </div>
      ) : null}
      {otherErrors.map((error) => (
        <div
          key={error.resource}
          role="status"
          className="rounded-md border border-slate-300 bg-slate-100 px-4 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <strong className="font-semibold">{error.resource}: </strong>
          {error.message}
        </div>
      ))}
      {malformed.map((resource) => (
        <div
          key={`malformed-${resource.resource}`}
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <strong className="font-semibold">
            {resource.malformedCount} {resource.resource} skipped as malformed:{" "}
          </strong>
          {resource.malformed
            .slice(0, 3)
            .map((item) => `${item.name} (${item.error})`)
            .join("; ")}
          {resource.malformedCount > 3 ? "; …" : ""}. They are left out of every figure until fixed.
        </div>
      ))}
      <p className="text-xs text-slate-500" data-testid="data-age">
        {freshness
          ? `Cluster data ${stale || fetchError ? "from" : "live, last heard"} ${formatAge(contact, now)}`
          : "Waiting for data"}
        {freshness?.context ? ` · context ${freshness.context}` : ""}
      </p>
    </div>
  );
}
