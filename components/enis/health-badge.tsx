import type { HealthFinding, Severity } from "@/lib/domain/health";

const TONES: Record<Severity | "ok", string> = {
  critical: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  warning: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  info: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100",
};

export function HealthBadge({ severity }: { severity: Severity | null }) {
  const key = severity ?? "ok";
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONES[key]}`}>
      {severity ?? "healthy"}
    </span>
  );
}

/** The findings of one ENI as sentences, most severe first. */
export function FindingList({ findings }: { findings: HealthFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm">
      {findings.map((finding, index) => (
        <li key={`${finding.rule}-${index}`} className="flex items-start gap-2">
          <HealthBadge severity={finding.severity} />
          <span>{finding.sentence}</span>
        </li>
      ))}
    </ul>
  );
}
