/**
 * The cluster-wide change feed: entry type, diffing of successive records into entries, and an
 * in-memory store behind the `ChangeStore` interface so a persistent store can replace it.
 */
import type { EniRecord, EventRecord, NodeRecord } from "./records";
import { observedTransitions } from "./timeline";

export type ChangeKind =
  | "eni-status"
  | "eni-added"
  | "eni-removed"
  | "node-added"
  | "node-removed"
  | "pool-ip-added"
  | "pool-ip-removed"
  | "ip-assigned"
  | "ip-released"
  | "event";

export const CHANGE_KINDS: readonly ChangeKind[] = [
  "eni-status",
  "eni-added",
  "eni-removed",
  "node-added",
  "node-removed",
  "pool-ip-added",
  "pool-ip-removed",
  "ip-assigned",
  "ip-released",
  "event",
];

/** Where an entry came from: a watch diff, an ENI changelog, or a Kubernetes Event. */
export type ChangeOrigin = "watch" | "changelog" | "event";

export interface ChangeEntry {
  /** Increasing per store; ties in `time` are ordered by it. */
  id: number;
  /** ISO 8601 time of the change. */
  time: string;
  kind: ChangeKind;
  origin: ChangeOrigin;
  node: string | null;
  eni: string | null;
  subnet: string | null;
  ip: string | null;
  /** Owner pod as namespace/name. */
  pod: string | null;
  summary: string;
  /** Event type (Normal, Warning) or failed for a failed changelog entry; null otherwise. */
  level: string | null;
}

export type ChangeDraft = Omit<ChangeEntry, "id">;

export interface ChangeQuery {
  since?: string | null;
  until?: string | null;
  node?: string | null;
  eni?: string | null;
  subnet?: string | null;
  kinds?: readonly ChangeKind[] | null;
  /** Maximum number of entries returned, newest first. */
  limit?: number;
}

/** A store of feed entries; the in-memory one below is bounded, a persistent one may not be. */
export interface ChangeStore {
  append(drafts: readonly ChangeDraft[]): void;
  /** Returns matching entries newest first, and how many matched before the limit. */
  query(query: ChangeQuery): { items: ChangeEntry[]; matched: number };
  size(): number;
}

/** Maximum number of entries the in-memory store keeps. The oldest are dropped first. */
export const CHANGE_FEED_LIMIT = 20_000;
export const DEFAULT_QUERY_LIMIT = 200;
/**
 * Longest message copied into a summary. Event and changelog messages come from the cluster with
 * no length limit, and each new occurrence of an event is a new entry in the history file.
 */
export const SUMMARY_MESSAGE_LIMIT = 1_000;

function clipMessage(message: string): string {
  if (message.length <= SUMMARY_MESSAGE_LIMIT) return message;
  return `${message.slice(0, SUMMARY_MESSAGE_LIMIT)}…`;
}

const base = {
  node: null,
  eni: null,
  subnet: null,
  ip: null,
  pod: null,
  level: null,
} satisfies Partial<ChangeDraft>;

function ipDiff(
  before: ReadonlyMap<
    string,
    { owner: string | null; subnetId: string | null; eni: string | null }
  >,
  after: typeof before,
  make: (
    ip: string,
    entry: { owner: string | null; subnetId: string | null; eni: string | null },
    added: boolean,
  ) => ChangeDraft,
): ChangeDraft[] {
  const drafts: ChangeDraft[] = [];
  for (const [ip, entry] of after) if (!before.has(ip)) drafts.push(make(ip, entry, true));
  for (const [ip, entry] of before) if (!after.has(ip)) drafts.push(make(ip, entry, false));
  return drafts;
}

/** Turns two versions of a NetResourceSet into pool and assignment changes. */
export function diffNode(
  previous: NodeRecord | null,
  next: NodeRecord | null,
  time: string,
): ChangeDraft[] {
  const name = next?.name ?? previous?.name ?? "";
  if (!previous && next) {
    return [
      {
        ...base,
        time,
        kind: "node-added",
        origin: "watch",
        node: name,
        summary: `Node ${name} appeared with ${next.pool.size} pool IPs`,
      },
    ];
  }
  if (previous && !next) {
    return [
      {
        ...base,
        time,
        kind: "node-removed",
        origin: "watch",
        node: name,
        summary: `Node ${name} went away`,
      },
    ];
  }
  if (!previous || !next) return [];
  const pool = ipDiff(previous.pool, next.pool, (ip, entry, added) => ({
    ...base,
    time,
    kind: added ? "pool-ip-added" : "pool-ip-removed",
    origin: "watch",
    node: name,
    eni: entry.eni,
    subnet: entry.subnetId,
    ip,
    summary: `${ip} ${added ? "added to" : "removed from"} the pool of ${name}`,
  }));
  const used = ipDiff(previous.used, next.used, (ip, entry, added) => ({
    ...base,
    time,
    kind: added ? "ip-assigned" : "ip-released",
    origin: "watch",
    node: name,
    eni: entry.eni,
    subnet: entry.subnetId,
    ip,
    pod: entry.owner,
    summary: added
      ? `${ip} assigned to ${entry.owner ?? "an unknown pod"} on ${name}`
      : `${ip} released by ${entry.owner ?? "an unknown pod"} on ${name}`,
  }));
  return [...pool, ...used];
}

/** Turns two versions of an ENI into appearance, removal and status changes. */
export function diffEni(
  previous: EniRecord | null,
  next: EniRecord | null,
  time: string,
): ChangeDraft[] {
  const eni = next ?? previous;
  if (!eni) return [];
  const where = {
    ...base,
    node: eni.node,
    eni: eni.id,
    subnet: eni.subnetId,
    time,
    origin: "watch" as const,
  };
  if (!previous)
    return [{ ...where, kind: "eni-added", summary: `ENI ${eni.id} appeared on ${eni.node}` }];
  if (!next)
    return [{ ...where, kind: "eni-removed", summary: `ENI ${eni.id} went away from ${eni.node}` }];
  return observedTransitions(previous, next, time).map((change) => ({
    ...where,
    time: change.time ?? time,
    kind: "eni-status",
    level: change.code === "failed" ? "failed" : null,
    summary: `ENI ${eni.id} ${change.source.toUpperCase()} status ${change.status}${change.message ? `: ${clipMessage(change.message)}` : ""}`,
  }));
}

/** Entries for an ENI's changelogs, used to seed the feed with history from before the watch. */
export function changelogDrafts(eni: EniRecord): ChangeDraft[] {
  return [...eni.vpcLog, ...eni.cceLog].flatMap((change) =>
    change.time
      ? [
          {
            ...base,
            time: change.time,
            kind: "eni-status" as const,
            origin: "changelog" as const,
            node: eni.node,
            eni: eni.id,
            subnet: eni.subnetId,
            level: change.code === "failed" ? "failed" : null,
            summary: `ENI ${eni.id} ${change.source.toUpperCase()} status ${change.status}${change.message ? `: ${clipMessage(change.message)}` : ""}`,
          },
        ]
      : [],
  );
}

/**
 * Entry for one occurrence of an Event. `nodeOf` maps a pod to its node so pod events can be
 * filtered by node.
 */
export function eventDraft(
  event: EventRecord,
  nodeOf: (pod: string) => string | null = () => null,
): ChangeDraft | null {
  const time = event.lastTime ?? event.firstTime;
  if (!time) return null;
  const kind = event.objectKind;
  const pod =
    kind === "Pod" ? `${event.objectNamespace ?? event.namespace}/${event.objectName ?? ""}` : null;
  let node: string | null = null;
  if (kind === "NetResourceSet") node = event.objectName;
  else if (pod) node = nodeOf(pod);
  return {
    ...base,
    time,
    kind: "event",
    origin: "event",
    node,
    eni: kind === "ENI" ? event.objectName : null,
    pod,
    level: event.type,
    summary: `${event.reason ?? "Event"} on ${kind ?? "object"} ${pod ?? event.objectName ?? ""}: ${clipMessage(event.message ?? "")}${event.count > 1 ? ` (×${event.count})` : ""}`,
  };
}

function matches(entry: ChangeEntry, q: ChangeQuery): boolean {
  if (q.since && entry.time < q.since) return false;
  if (q.until && entry.time > q.until) return false;
  if (q.node && entry.node !== q.node) return false;
  if (q.eni && entry.eni !== q.eni) return false;
  if (q.subnet && entry.subnet !== q.subnet) return false;
  if (q.kinds && q.kinds.length > 0 && !q.kinds.includes(entry.kind)) return false;
  return true;
}

function compare(a: ChangeEntry, b: ChangeEntry): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id - b.id;
}

/**
 * A bounded in-memory store kept sorted by time, oldest first. When full, the oldest entries
 * go first, so a burst of old changelog history never pushes out recent changes.
 */
export class MemoryChangeStore implements ChangeStore {
  private readonly entries: ChangeEntry[] = [];
  private nextId = 1;

  constructor(private readonly limit = CHANGE_FEED_LIMIT) {}

  append(drafts: readonly ChangeDraft[]): void {
    let sorted = true;
    for (const draft of drafts) {
      const entry: ChangeEntry = { ...draft, time: normalizeTime(draft.time), id: this.nextId++ };
      const last = this.entries[this.entries.length - 1];
      if (last && compare(last, entry) > 0) sorted = false;
      this.entries.push(entry);
    }
    // Watch entries nearly always arrive newest, so the sort runs only for back-dated ones.
    if (!sorted) this.entries.sort(compare);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  query(query: ChangeQuery): { items: ChangeEntry[]; matched: number } {
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const q: ChangeQuery = {
      ...query,
      since: query.since ? normalizeTime(query.since) : null,
      until: query.until ? normalizeTime(query.until) : null,
    };
    const items: ChangeEntry[] = [];
    let matched = 0;
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i];
      if (!entry || !matches(entry, q)) continue;
      matched += 1;
      if (items.length < limit) items.push(entry);
    }
    return { items, matched };
  }

  size(): number {
    return this.entries.length;
  }
}

/** Stores times as ISO 8601 with milliseconds, so string comparison orders them. */
export function normalizeTime(time: string): string {
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? time : new Date(parsed).toISOString();
}
