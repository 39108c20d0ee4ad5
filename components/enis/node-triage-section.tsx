"use client";

import Link from "next/link";

import { formatAge } from "@/components/format";
import { DecodedReason } from "@/components/pods/decoded-reason";

import { FindingList } from "./health-badge";
import { useEnis, useEvents, usePendingPods } from "./triage-api";

/** Maximum number of events listed on a node page. The change feed has the rest. */
const EVENTS_SHOWN = 10;

/** Renders the node page triage section: unhealthy ENIs, decoded events and pods waiting for an IP. */
export function NodeTriageSection({ name }: { name: string }) {
  const enis = useEnis(`node=${encodeURIComponent(name)}&health=unhealthy`);
  const events = useEvents("NetResourceSet", name);
  const pods = usePendingPods(name);
  const unhealthy = enis.data?.items ?? [];
  const eventItems = (events.data?.items ?? []).slice(0, EVENTS_SHOWN);
  const podItems = pods.data?.items ?? [];
  return (
    <section
      aria-labelledby="triage-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="triage-heading" className="font-semibold">
        Triage
      </h2>
      <div>
        <h3 className="font-medium">Unhealthy ENIs ({unhealthy.length})</h3>
        {unhealthy.length === 0 ? (
          <p className="text-slate-500">
            {enis.data ? "Every ENI of this node passes the health rules." : "Loading…"}
          </p>
        ) : (
          <ul className="mt-1 space-y-2">
            {unhealthy.map((row) => (
              <li key={row.id}>
                <Link
                  className="font-mono text-sky-700 hover:underline dark:text-sky-400"
                  href={`/enis/${encodeURIComponent(row.id)}`}
                >
                  {row.id}
                </Link>
                <FindingList findings={row.findings} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-medium">Pods waiting for an IP ({podItems.length})</h3>
        <ul className="mt-1 space-y-2">
          {podItems.map((pod) => (
            <li key={pod.key}>
              <span className="font-mono">{pod.key}</span>{" "}
              <span className="text-xs text-slate-500">since {formatAge(pod.since)}</span>
              <DecodedReason decoded={pod.decoded} />
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-medium">Events ({events.data?.items.length ?? 0})</h3>
        <ul className="mt-1 space-y-2">
          {eventItems.map((event) => (
            <li key={event.name}>
              <p>
                <span
                  className={event.type === "Warning" ? "text-amber-700 dark:text-amber-400" : ""}
                >
                  {event.type} {event.reason}
                </span>{" "}
                ×{event.count} · {formatAge(event.lastTime)}: {event.message}
              </p>
              {event.decoded ? <DecodedReason decoded={event.decoded} /> : null}
            </li>
          ))}
        </ul>
        <Link
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          href={`/changes?node=${encodeURIComponent(name)}`}
        >
          All changes on this node
        </Link>
      </div>
    </section>
  );
}
