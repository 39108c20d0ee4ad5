import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { planQuery, type QueryPlan } from "./plan";
import { migrate } from "./schema";
import {
  type Figures,
  type HistoryPoint,
  METRICS,
  type Resolution,
  RESOLUTIONS,
  type Sample,
  type SeriesKind,
  VALUE_COLUMNS,
} from "./types";

/** How long a write waits for another process's lock, ms. Kept short: writes block the server. */
const BUSY_TIMEOUT_MS = 250;

const COLUMNS = Array.from({ length: VALUE_COLUMNS }, (_, i) => `v${i}`);

export interface HistoryQuery {
  kind: SeriesKind;
  key: string;
  /** Range, epoch ms; `from` inclusive, `to` exclusive. */
  from: number;
  to: number;
  /** Bucket width, seconds. */
  step: number;
  /** Reference time for retention, epoch ms; default Date.now(). */
  now?: number;
}

export interface HistoryResult {
  resolution: Resolution["name"];
  step: number;
  points: HistoryPoint[];
}

interface Bucket {
  t: number;
  count: number;
  sums: (number | null)[];
}

function toRow(kind: SeriesKind, figures: Figures): (number | null)[] {
  const names: readonly string[] = METRICS[kind];
  return COLUMNS.map((_, i) => {
    const name = names[i];
    const value = name === undefined ? null : figures[name];
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  });
}

/**
 * The SQLite file behind history: per-series samples at three resolutions (raw, 5-minute and
 * hourly means). Synchronous, like better-sqlite3: each call blocks for the time it takes, so
 * callers keep writes to one transaction per tick. Errors are thrown as SqliteError; the
 * recorder classifies them.
 */
export class HistoryStore {
  private readonly seriesIds = new Map<string, number>();
  private readonly statements;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.statements = {
      findSeries: db.prepare<[string, string], { id: number }>(
        "SELECT id FROM series WHERE kind = ? AND key = ?",
      ),
      addSeries: db.prepare("INSERT INTO series (kind, key) VALUES (?, ?)"),
      listSeries: db.prepare<[string], { key: string }>(
        "SELECT key FROM series WHERE kind = ? ORDER BY key",
      ),
      insert: Object.fromEntries(
        RESOLUTIONS.map((r) => [
          r.name,
          db.prepare(
            `INSERT OR REPLACE INTO ${r.table} (series_id, t, ${COLUMNS.join(", ")})
             VALUES (?, ?, ${COLUMNS.map(() => "?").join(", ")})`,
          ),
        ]),
      ) as Record<Resolution["name"], Database.Statement>,
      getMeta: db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      setMeta: db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
    };
  }

  /**
   * Opens (or creates) the history file in WAL mode and applies pending migrations. Creates the
   * parent folder when missing. Throws when the file cannot be opened, is not a database, or
   * is from a newer build; it never deletes or rewrites an existing file.
   */
  static open(file: string): HistoryStore {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma("journal_mode = WAL");
      // NORMAL is durable across process crashes in WAL mode; only a power loss may drop the
      // last transactions, which for minute samples is acceptable.
      db.pragma("synchronous = NORMAL");
      migrate(db);
      return new HistoryStore(db, file);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private seriesId(kind: SeriesKind, key: string): number {
    const cacheKey = `${kind}\u0000${key}`;
    const known = this.seriesIds.get(cacheKey);
    if (known !== undefined) return known;
    const found = this.statements.findSeries.get(kind, key);
    const id = found ? found.id : Number(this.statements.addSeries.run(kind, key).lastInsertRowid);
    this.seriesIds.set(cacheKey, id);
    return id;
  }

  /** Writes one tick's figures for every series in a single transaction. */
  write(sample: Sample, resolution: Resolution["name"] = "raw"): void {
    this.writeMany([sample], resolution);
  }

  /** Writes several ticks in one transaction (seeding, tests). */
  writeMany(samples: readonly Sample[], resolution: Resolution["name"] = "raw"): void {
    const insert = this.statements.insert[resolution];
    const run = this.db.transaction(() => {
      for (const sample of samples) {
        const t = Math.floor(sample.t / 1000);
        for (const series of sample.series) {
          const id = this.seriesId(series.kind, series.key);
          insert.run(id, t, ...toRow(series.kind, series.figures));
        }
      }
    });
    run();
  }

  /** Keys of the recorded series of a kind, sorted. */
  seriesKeys(kind: SeriesKind): string[] {
    return this.statements.listSeries.all(kind).map((row) => row.key);
  }

  /** True when the series has ever been recorded. */
  hasSeries(kind: SeriesKind, key: string): boolean {
    return this.statements.findSeries.get(kind, key) !== undefined;
  }

  /** True when any sample of any resolution is stored. */
  hasData(): boolean {
    return RESOLUTIONS.some(
      (r) => this.db.prepare(`SELECT 1 FROM ${r.table} LIMIT 1`).get() !== undefined,
    );
  }

  getMeta(key: string): string | null {
    return this.statements.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /** Epoch seconds up to which a rolled-up table is complete; 0 when never rolled up. */
  watermark(resolution: Resolution["name"]): number {
    return Number(this.getMeta(`rolled:${resolution}`) ?? 0);
  }

  /** Returns the series' points in `step`-second buckets, merged across resolution tables. */
  query(request: HistoryQuery): HistoryResult {
    const plan = planQuery(request, (name) => this.watermark(name));
    const found = this.statements.findSeries.get(request.kind, request.key);
    if (!found) return { resolution: plan.resolution, step: plan.step, points: [] };
    const buckets = this.readBuckets(found.id, plan.segments, plan.step);
    const earlier = this.fillFromCoarser(found.id, plan, buckets[0]?.t);
    buckets.unshift(...earlier);
    return {
      resolution: plan.resolution,
      step: plan.step,
      points: toPoints(request.kind, buckets),
    };
  }

  /**
   * Reads the part of the range before the first bucket from coarser tables. Seeded or
   * imported history may exist only at hourly resolution, and a chart should still show it.
   */
  private fillFromCoarser(seriesId: number, plan: QueryPlan, firstT: number | undefined): Bucket[] {
    const start = plan.segments[0]?.from;
    if (start === undefined) return [];
    let end = firstT ?? plan.segments[plan.segments.length - 1]?.to ?? start;
    if (end - start <= plan.step) return [];

    const filled: Bucket[] = [];
    const index = RESOLUTIONS.findIndex((r) => r.name === plan.resolution);
    for (const coarser of RESOLUTIONS.slice(index + 1)) {
      const segment = { table: coarser.table, seconds: coarser.seconds, from: start, to: end };
      const found = this.readBuckets(seriesId, [segment], Math.max(plan.step, coarser.seconds));
      filled.unshift(...found);
      if (found[0]) end = found[0].t;
      if (end - start <= plan.step) break;
    }
    return filled;
  }

  private readBuckets(seriesId: number, segments: QueryPlan["segments"], step: number): Bucket[] {
    const merged = new Map<number, Bucket>();
    for (const segment of segments) {
      const rows = this.db
        .prepare(
          `SELECT (t / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS b, count(*) AS n, ${COLUMNS.map((c) => `avg(${c})`).join(", ")}
           FROM ${segment.table} WHERE series_id = ? AND t >= ? AND t < ?
           GROUP BY b ORDER BY b`,
        )
        .raw()
        .all(step, step, seriesId, segment.from, segment.to) as (number | null)[][];
      // Weight by seconds covered, so one 5-minute mean counts as much as five raw samples.
      for (const [b, n, ...means] of rows) {
        addBucket(merged, Number(b), Number(n) * segment.seconds, means);
      }
    }
    return [...merged.values()].sort((a, b) => a.t - b.t);
  }
}

/** Adds a segment's bucket, weighting by sample count where two segments share a bucket. */
function addBucket(
  merged: Map<number, Bucket>,
  t: number,
  count: number,
  means: (number | null)[],
) {
  const existing = merged.get(t);
  const sums = means.map((mean) => (mean === null ? null : mean * count));
  if (!existing) {
    merged.set(t, { t, count, sums });
    return;
  }
  existing.sums = existing.sums.map((sum, i) => {
    const add = sums[i] ?? null;
    if (sum === null) return add;
    return add === null ? sum : sum + add;
  });
  existing.count += count;
}

function toPoints(kind: SeriesKind, buckets: Bucket[]): HistoryPoint[] {
  const names: readonly string[] = METRICS[kind];
  return buckets.map((bucket) => {
    const point: HistoryPoint = { t: bucket.t * 1000 };
    names.forEach((name, i) => {
      const sum = bucket.sums[i] ?? null;
      point[name] = sum === null ? null : Math.round((sum / bucket.count) * 100) / 100;
    });
    return point;
  });
}
