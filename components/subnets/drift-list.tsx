import Link from "next/link";

import type { DriftFinding } from "@/lib/vpc/drift";

const KIND_LABEL: Record<DriftFinding["kind"], string> = {
  "status-mismatch": "status differs",
  "ip-vpc-only": "IP only in VPC (leaked)",
  "ip-cluster-only": "IP only in cluster (missing)",
  "eni-vpc-only": "ENI unknown to cluster",
  "eni-cluster-only": "ENI gone from VPC",
};

/** Drift findings, each with what it means and what an operator usually does. */
export function DriftList({
  findings,
  title = "Drift between cluster and VPC",
}: {
  findings: DriftFinding[];
  title?: string;
}) {
  return (
    <section
      aria-labelledby="drift-heading"
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="drift-heading"
        className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800"
      >
        {title} ({findings.length})
      </h2>
      {findings.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">No difference found in the last check.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {findings.map((finding, index) => (
            <li key={`${finding.eniId}-${finding.kind}-${index}`} className="px-4 py-2">
              <div className="flex flex-wrap items-baseline gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs ${finding.severity === "critical" ? "bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100" : "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"}`}
                >
                  {KIND_LABEL[finding.kind]}
                </span>
                <span className="font-mono">{finding.eniId}</span>
                {finding.node ? (
                  <Link
                    className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400"
                    href={`/nodes/${encodeURIComponent(finding.node)}`}
                  >
                    {finding.node}
                  </Link>
                ) : null}
                {finding.ips?.length ? (
                  <span className="font-mono text-xs">{finding.ips.join(", ")}</span>
                ) : null}
                {finding.clusterValue !== undefined ? (
                  <span className="text-xs text-slate-500">
                    cluster {finding.clusterValue} · VPC {finding.vpcValue}
                  </span>
                ) : null}
              </div>
              <p className="mt-1">{finding.sentence}</p>
              <p className="text-xs text-slate-500">What to do: {finding.action}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
