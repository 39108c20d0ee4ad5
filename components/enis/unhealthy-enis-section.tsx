"use client";

import Link from "next/link";

import { HealthBadge } from "./health-badge";
import { useEnis } from "./triage-api";

/** Maximum number of unhealthy ENIs listed on the overview. The ENIs page filter shows all. */
const SHOWN = 8;

export function UnhealthyEnisSection() {
  const query = useEnis(`health=unhealthy&limit=${SHOWN}`);
  const data = query.data;
  return (
    <section
      aria-labelledby="unhealthy-enis"
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-baseline justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 id="unhealthy-enis" className="text-sm font-semibold">
          Unhealthy ENIs{" "}
          {data ? `(${data.counts.unhealthy}, ${data.counts.critical} critical)` : ""}
        </h2>
        <Link
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          href="/enis?health=unhealthy"
        >
          all
        </Link>
      </div>
      {!data ? (
        <p className="px-4 py-4 text-sm text-slate-500">
          {query.isError ? query.error.message : "Loading ENI health…"}
        </p>
      ) : data.items.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">Every ENI passes the health rules.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {data.items.map((row) => (
            <li key={row.id} className="flex items-start gap-3 px-4 py-1.5">
              <HealthBadge severity={row.severity} />
              <Link
                className="font-mono text-sky-700 hover:underline dark:text-sky-400"
                href={`/enis/${encodeURIComponent(row.id)}`}
              >
                {row.id}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {row.node} · {row.findings[0]?.sentence}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
