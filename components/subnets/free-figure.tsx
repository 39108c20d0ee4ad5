import { formatAge, formatCount } from "@/components/format";
import type { FreeIpFigure } from "@/lib/domain/subnets";

/** Shows a free-IP figure with its source and, for VPC figures, its age. */
export function FreeFigure({ free, now }: { free: FreeIpFigure | null; now: number }) {
  if (!free) return <span className="text-slate-400">unknown</span>;
  const vpc = free.source === "vpc";
  return (
    <span className="inline-flex items-baseline gap-1.5">
      <span className="tabular font-medium">{formatCount(free.value)}</span>
      <span
        className={`rounded px-1 text-[10px] uppercase ${vpc ? "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100" : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200"}`}
        title={
          vpc ? "from the VPC API" : "from the cluster's Subnet object, synced by the operator"
        }
      >
        {vpc ? "VPC" : "Subnet object"}
      </span>
      {vpc ? (
        <span className="text-xs text-slate-500">{formatAge(free.observedAt, now)}</span>
      ) : null}
    </span>
  );
}

export function VpcNotice({
  enabled,
  reason,
  lastError,
}: {
  enabled: boolean;
  reason?: string;
  lastError?: { message: string; kind?: string };
}) {
  if (!enabled) {
    return (
      <p
        role="status"
        className="rounded-md border border-slate-300 bg-slate-100 px-4 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        Subnet figures come from the cluster&apos;s Subnet objects only: VPC API reads are off (
        {reason ?? "no credentials configured"}).
      </p>
    );
  }
  if (!lastError) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong>VPC API: </strong>
      {lastError.message} Figures shown are the last ones read, with their age.
    </p>
  );
}

/** Shows a VPC zone name (cn-bj-d) with the CCE short form that node pages use (zoneD). */
export function ZoneName({ zone }: { zone: string | null }) {
  if (!zone) return <>–</>;
  const letter = zone.split("-").pop() ?? "";
  const short = /^[a-z]$/.test(letter) ? `zone${letter.toUpperCase()}` : null;
  return (
    <span title={short ? `CCE calls this zone ${short}` : undefined}>
      {zone}
      {short ? <span className="text-xs text-slate-500"> · {short}</span> : null}
    </span>
  );
}
