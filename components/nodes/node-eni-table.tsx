import Link from "next/link";

import type { NodeEni } from "@/lib/domain/pool";
import type { DriftFinding } from "@/lib/vpc/drift";

function StatusBadge({ value, good }: { value: string; good: boolean }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs ${good ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100" : "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"}`}
    >
      {value}
    </span>
  );
}

function DriftNotes({ findings }: { findings: DriftFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-amber-800 dark:text-amber-300">
      {findings.map((finding, index) => (
        <li key={`${finding.kind}-${index}`} title={`What to do: ${finding.action}`}>
          Drift: {finding.sentence}
          {finding.ips?.length ? ` (${finding.ips.join(", ")})` : ""}
        </li>
      ))}
    </ul>
  );
}

export function NodeEniTable({ enis, drift = [] }: { enis: NodeEni[]; drift?: DriftFinding[] }) {
  return (
    <section
      aria-labelledby="enis-heading"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="enis-heading"
        className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800"
      >
        ENIs ({enis.length})
      </h2>
      {enis.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">This node has no ENI objects.</p>
      ) : (
        <table className="tabular w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">ENI</th>
              <th className="px-2 py-2 font-medium">Type / mode</th>
              <th className="px-2 py-2 font-medium">Subnet</th>
              <th className="px-2 py-2 font-medium">Interface</th>
              <th className="px-2 py-2 font-medium">Primary IP</th>
              <th className="px-2 py-2 text-right font-medium">IPs / quota</th>
              <th className="px-2 py-2 font-medium">CCE status</th>
              <th className="px-2 py-2 font-medium">VPC status</th>
            </tr>
          </thead>
          <tbody>
            {enis.map((eni) => (
              <tr
                key={eni.id}
                className="border-t border-slate-100 align-top dark:border-slate-800"
              >
                <td className="px-4 py-1.5">
                  <Link
                    href={`/enis/${encodeURIComponent(eni.id)}`}
                    className="font-mono text-sky-700 hover:underline dark:text-sky-400"
                  >
                    {eni.id}
                  </Link>
                  <DriftNotes findings={drift.filter((finding) => finding.eniId === eni.id)} />
                </td>
                <td className="px-2 py-1.5">
                  {eni.type} · {eni.useMode}
                </td>
                <td className="px-2 py-1.5 font-mono text-xs">
                  {eni.subnetId ? (
                    <Link
                      href={`/subnets/${encodeURIComponent(eni.subnetId)}`}
                      className="text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {eni.subnetId}
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
                <td className="px-2 py-1.5 font-mono text-xs">
                  {eni.interfaceName ?? "–"}
                  <div className="text-slate-500">{eni.macAddress ?? "no MAC"}</div>
                </td>
                <td className="px-2 py-1.5 font-mono">{eni.primaryIp ?? "–"}</td>
                <td className="px-2 py-1.5 text-right">
                  {eni.ipCount} / {eni.ipQuota}
                  <div className="text-xs text-slate-500">{eni.secondaryIps.length} secondary</div>
                </td>
                <td className="px-2 py-1.5">
                  <StatusBadge
                    value={eni.cceStatus}
                    good={eni.cceStatus === "ReadyOnNode" || eni.cceStatus === "UsingInPod"}
                  />
                </td>
                <td className="px-2 py-1.5">
                  <StatusBadge value={eni.vpcStatus} good={eni.vpcStatus === "inuse"} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
