import "server-only";

import { createHash } from "node:crypto";

import {
  type ChangeDraft,
  type ChangeEntry,
  type ChangeQuery,
  type ChangeStore,
  DEFAULT_QUERY_LIMIT,
  MemoryChangeStore,
  normalizeTime,
} from "@/lib/domain/feed";

import type { HistoryRecorder } from "./recorder";
import type { HistoryStore } from "./store";

/** How long feed entries are kept in the history file. */
export const CHANGE_RETENTION_MS = 30 * 24 * 3_600_000;
/** Appends between two retention runs. */
const RETENTION_EVERY_APPENDS = 500;

const COLUMNS = [
  "time",
  "kind",
  "origin",
  "node",
  "eni",
  "subnet",
  "ip",
  "pod",
  "summary",
  "level",
];

function fingerprint(draft: ChangeDraft): string {
  const text = COLUMNS.map((name) => draft[name as keyof ChangeDraft] ?? "").join("\u0000");
  return createHash("sha1").update(text).digest("base64url");
}

function whereClause(query: ChangeQuery): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string) => {
    parts.push(sql);
    params.push(value);
  };
  if (query.since) add("time >= ?", normalizeTime(query.since));
  if (query.until) add("time <= ?", normalizeTime(query.until));
  if (query.node) add("node = ?", query.node);
  if (query.eni) add("eni = ?", query.eni);
  if (query.subnet) add("subnet = ?", query.subnet);
  if (query.kinds && query.kinds.length > 0) {
    parts.push(`kind IN (${query.kinds.map(() => "?").join(", ")})`);
    params.push(...query.kinds);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(" AND ")}` : "", params };
}

/**
 * The change feed kept in the history file, so it survives restarts. Entries that already
 * exist (same time, kind, objects and summary) are skipped. While the file is unusable, the
 * feed falls back to memory, and entries from that time are not written later.
 */
export class SqliteChangeStore implements ChangeStore {
  private readonly fallback = new MemoryChangeStore();
  private appends = 0;

  constructor(
    private readonly recorder: HistoryRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  append(drafts: readonly ChangeDraft[]): void {
    if (drafts.length === 0) return;
    const done = this.recorder.guard("changes", (store) => {
      this.insert(store, drafts);
      return true;
    });
    if (!done) this.fallback.append(drafts);
  }

  query(query: ChangeQuery): { items: ChangeEntry[]; matched: number } {
    const result = this.recorder.guard("changes", (store) => this.select(store, query));
    return result ?? this.fallback.query(query);
  }

  size(): number {
    const count = this.recorder.guard("changes", (store) => {
      const row = store.db.prepare("SELECT count(*) AS n FROM changes").get() as { n: number };
      return row.n;
    });
    return count ?? this.fallback.size();
  }

  private insert(store: HistoryStore, drafts: readonly ChangeDraft[]): void {
    const statement = store.db.prepare(
      `INSERT OR IGNORE INTO changes (${COLUMNS.join(", ")}, fingerprint)
       VALUES (${COLUMNS.map(() => "?").join(", ")}, ?)`,
    );
    const run = store.db.transaction(() => {
      for (const draft of drafts) {
        const normalized = { ...draft, time: normalizeTime(draft.time) };
        const values = COLUMNS.map((name) => normalized[name as keyof ChangeDraft] ?? null);
        statement.run(...values, fingerprint(normalized));
      }
      this.appends += 1;
      if (this.appends % RETENTION_EVERY_APPENDS === 0) {
        const cutoff = new Date(this.now() - CHANGE_RETENTION_MS).toISOString();
        store.db.prepare("DELETE FROM changes WHERE time < ?").run(cutoff);
      }
    });
    run();
  }

  private select(store: HistoryStore, query: ChangeQuery) {
    const { sql, params } = whereClause(query);
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const items = store.db
      .prepare(
        `SELECT id, ${COLUMNS.join(", ")} FROM changes ${sql} ORDER BY time DESC, id DESC LIMIT ?`,
      )
      .all(...params, limit) as ChangeEntry[];
    const count = store.db.prepare(`SELECT count(*) AS n FROM changes ${sql}`).get(...params) as {
      n: number;
    };
    return { items, matched: count.n };
  }
}
