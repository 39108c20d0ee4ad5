/** Formats a duration in seconds as "12 s", "4 min", "3 h" or "2 d". */
export function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 60) return `${Math.round(abs)} s`;
  if (abs < 3600) return `${Math.round(abs / 60)} min`;
  if (abs < 86_400) return `${Math.round(abs / 3600)} h`;
  return `${Math.round(abs / 86_400)} d`;
}

/** Formats the time since an ISO timestamp as "12 s ago"; "never" for null. */
export function formatAge(iso: string | null, now = Date.now()): string {
  if (!iso) return "never";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "unknown";
  return `${formatDuration((now - time) / 1000)} ago`;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "–" : `${Math.round(ratio * 100)} %`;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : value.toLocaleString("en-US");
}
