import { formatPercent } from "./format";

/** A bar of used against ceiling; amber from 75 %, red from 90 % (the near-ceiling mark). */
export function UtilisationBar({ used, ceiling }: { used: number; ceiling: number }) {
  const ratio = ceiling > 0 ? used / ceiling : null;
  const width = ratio === null ? 0 : Math.min(100, Math.round(ratio * 100));
  const color =
    ratio === null
      ? "bg-slate-300"
      : ratio >= 0.9
        ? "bg-red-500"
        : ratio >= 0.75
          ? "bg-amber-500"
          : "bg-emerald-500";
  return (
    <div className="flex items-center gap-2" title={`${used} of ${ceiling} IPs`}>
      <div
        className="h-2 w-24 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        role="meter"
        aria-label="utilisation"
        aria-valuemin={0}
        aria-valuemax={ceiling}
        aria-valuenow={used}
      >
        <div className={`h-full ${color}`} style={{ width: `${width}%` }} />
      </div>
      <span className="tabular w-10 text-right text-xs text-slate-600 dark:text-slate-400">
        {formatPercent(ratio)}
      </span>
    </div>
  );
}
