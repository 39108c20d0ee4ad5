import type { Timeline } from "@/lib/domain/timeline";

/** The merged CCE and VPC timeline, newest first, with the truncation point marked. */
export function EniTimeline({ timeline }: { timeline: Timeline }) {
  const entries = [...timeline.entries].reverse();
  return (
    <section
      aria-labelledby="timeline-heading"
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="timeline-heading"
        className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800"
      >
        Timeline ({timeline.entries.length})
      </h2>
      {entries.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">Neither status log has an entry.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              {["Time", "Source", "Status", "Code", "Message", "Seen in"].map((h) => (
                <th key={h} className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <Row key={`${entry.source}-${entry.time}-${index}`} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Row({ entry }: { entry: Timeline["entries"][number] }) {
  return (
    <>
      <tr className="border-t border-slate-100 dark:border-slate-800">
        <td className="px-3 py-1.5 font-mono text-xs">{entry.time ?? "no time"}</td>
        <td className="px-3 py-1.5 uppercase">{entry.source}</td>
        <td className="px-3 py-1.5">{entry.status}</td>
        <td
          className={`px-3 py-1.5 ${entry.code === "failed" ? "font-semibold text-red-600" : ""}`}
        >
          {entry.code}
        </td>
        <td className="px-3 py-1.5 text-xs">{entry.message ?? ""}</td>
        <td className="px-3 py-1.5 text-xs">
          {entry.origin === "watch" ? "watch (beyond the log)" : "object log"}
        </td>
      </tr>
      {entry.truncatedBefore ? (
        <tr className="bg-amber-50 dark:bg-amber-950">
          <td colSpan={6} className="px-3 py-1 text-xs text-amber-900 dark:text-amber-100">
            The {entry.source.toUpperCase()} log reached its 20-entry cap: older history is lost.
          </td>
        </tr>
      ) : null}
    </>
  );
}
