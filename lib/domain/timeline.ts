/**
 * An ENI's timeline: its CCE and VPC changelogs merged in time order, marked where the object's
 * own log was cut, and extended with transitions the dashboard observed by watch, which survive
 * the operator's 20-entry cap.
 */
import { TRUNCATED_LOG_LENGTH } from "./health";
import type { EniRecord, StatusChange, StatusSource } from "./records";

export type TimelineOrigin = "changelog" | "watch";

export interface TimelineEntry extends StatusChange {
  origin: TimelineOrigin;
  /** True on the oldest kept entry of a truncated log: history before it was lost. */
  truncatedBefore: boolean;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Sources whose log reached the cap, so older history is lost. */
  truncated: StatusSource[];
  /** Time of the newest entry, or null without any. */
  lastChangeAt: string | null;
}

/** Two entries closer than this describe the same transition (watch time vs logged time). */
const SAME_TRANSITION_MS = 120_000;

function timeOf(entry: { time: string | null }): number {
  const parsed = entry.time ? Date.parse(entry.time) : Number.NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

/**
 * Returns the transitions between two versions of an ENI as seen by watch: one per source whose
 * status changed. The logged entry's time and message are used when the log recorded it; else
 * `observedAt`.
 */
export function observedTransitions(
  previous: EniRecord | null,
  next: EniRecord,
  observedAt: string,
): StatusChange[] {
  const sources: [StatusSource, string | undefined, string, readonly StatusChange[]][] = [
    ["vpc", previous?.vpcStatus, next.vpcStatus, next.vpcLog],
    ["cce", previous?.cceStatus, next.cceStatus, next.cceLog],
  ];
  const changes: StatusChange[] = [];
  for (const [source, before, after, log] of sources) {
    if (before === undefined || before === after) continue;
    const logged = log[log.length - 1];
    const fromLog = logged && logged.status === after ? logged : null;
    changes.push({
      source,
      status: after,
      code: fromLog?.code ?? "ok",
      message: fromLog?.message ?? `observed ${before} → ${after}`,
      time: fromLog?.time ?? observedAt,
    });
  }
  return changes;
}

function isLogged(change: StatusChange, logged: readonly StatusChange[]): boolean {
  return logged.some(
    (entry) =>
      entry.source === change.source &&
      entry.status === change.status &&
      Math.abs(timeOf(entry) - timeOf(change)) <= SAME_TRANSITION_MS,
  );
}

function fromLog(log: readonly StatusChange[]): TimelineEntry[] {
  const cut = log.length >= TRUNCATED_LOG_LENGTH;
  return log.map((entry, index) => ({
    ...entry,
    origin: "changelog",
    truncatedBefore: cut && index === 0,
  }));
}

/**
 * Merges an ENI's two changelogs with the watch-observed transitions, oldest first. Observed
 * transitions that the logs still hold are dropped, so each change appears once.
 */
export function buildTimeline(eni: EniRecord, observed: readonly StatusChange[] = []): Timeline {
  const logged = [...eni.vpcLog, ...eni.cceLog];
  const extra: TimelineEntry[] = observed
    .filter((change) => !isLogged(change, logged))
    .map((change) => ({ ...change, origin: "watch", truncatedBefore: false }));
  const entries = [...fromLog(eni.vpcLog), ...fromLog(eni.cceLog), ...extra].sort(
    (a, b) => timeOf(a) - timeOf(b),
  );
  const truncated: StatusSource[] = [];
  if (eni.vpcLog.length >= TRUNCATED_LOG_LENGTH) truncated.push("vpc");
  if (eni.cceLog.length >= TRUNCATED_LOG_LENGTH) truncated.push("cce");
  const newest = entries[entries.length - 1];
  return { entries, truncated, lastChangeAt: newest?.time ?? null };
}

/** Time of the newest changelog entry of an ENI, or null when both logs are empty. */
export function lastChangeAt(eni: EniRecord): string | null {
  let best: StatusChange | null = null;
  for (const entry of [...eni.vpcLog, ...eni.cceLog]) {
    if (entry.time && (!best || timeOf(entry) > timeOf(best))) best = entry;
  }
  return best?.time ?? null;
}
