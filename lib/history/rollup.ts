import "server-only";

import type { HistoryStore } from "./store";
import { type Resolution, RESOLUTIONS, VALUE_COLUMNS } from "./types";

const MEANS = Array.from({ length: VALUE_COLUMNS }, (_, i) => `avg(v${i})`).join(", ");
const COLUMNS = Array.from({ length: VALUE_COLUMNS }, (_, i) => `v${i}`).join(", ");

export interface MaintenanceResult {
  /** Rows written per rolled-up table. */
  rolledUp: Record<string, number>;
  /** Rows deleted per table by retention. */
  deleted: Record<string, number>;
}

/**
 * Rolls completed buckets of each table up into the next coarser one, then deletes rows older
 * than each table's retention, all in one transaction. A bucket is rolled up once it has ended,
 * and the watermark (meta `rolled:<name>`) records how far each table is complete, so running
 * this often or late gives the same rows.
 */
export function maintain(store: HistoryStore, now = Date.now()): MaintenanceResult {
  const result: MaintenanceResult = { rolledUp: {}, deleted: {} };
  const nowSeconds = Math.floor(now / 1000);

  const run = store.db.transaction(() => {
    for (let i = 1; i < RESOLUTIONS.length; i += 1) {
      const source = RESOLUTIONS[i - 1] as Resolution;
      const target = RESOLUTIONS[i] as Resolution;
      result.rolledUp[target.name] = rollUp(store, source, target, nowSeconds);
    }
    for (const resolution of RESOLUTIONS) {
      const cutoff = Math.floor((now - resolution.retentionMs) / 1000);
      const deleted = store.db.prepare(`DELETE FROM ${resolution.table} WHERE t < ?`).run(cutoff);
      result.deleted[resolution.name] = deleted.changes;
    }
  });
  run();
  return result;
}

function rollUp(
  store: HistoryStore,
  source: Resolution,
  target: Resolution,
  nowSeconds: number,
): number {
  const width = target.seconds;
  const end = Math.floor(nowSeconds / width) * width;
  let start = store.watermark(target.name);
  if (start === 0) {
    const first = store.db.prepare(`SELECT min(t) AS t FROM ${source.table}`).get() as {
      t: number | null;
    };
    if (first.t === null) return 0;
    start = Math.floor(first.t / width) * width;
  }
  if (end <= start) return 0;

  const written = store.db
    .prepare(
      `INSERT OR REPLACE INTO ${target.table} (series_id, t, ${COLUMNS})
       SELECT series_id, (t / ${width}) * ${width} AS b, ${MEANS}
       FROM ${source.table} WHERE t >= ? AND t < ?
       GROUP BY series_id, b`,
    )
    .run(start, end);
  store.setMeta(`rolled:${target.name}`, String(end));
  return written.changes;
}
