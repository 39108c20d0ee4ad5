"use client";

import type { HistoryStatus } from "@/lib/history/types";

/** Shows what is wrong with the history file on a chart panel; nothing when all is well. */
export function HistoryBanner({ status }: { status: HistoryStatus | undefined }) {
  if (!status || (status.ok && !status.message)) return null;
  const fault = !status.ok && status.enabled;
  return (
    <div
      role={fault ? "alert" : "status"}
      className={
        fault
          ? "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          : "rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      }
    >
      <strong className="font-semibold">{fault ? "History unavailable. " : "History: "}</strong>
      {status.message}
      {fault && status.since ? ` (since ${new Date(status.since).toLocaleString("en-GB")})` : ""}
    </div>
  );
}
