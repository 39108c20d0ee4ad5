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
// NOTE: this runs synchronously on the server's event loop: about 0.7 s every 5 minutes at
// 5,000 nodes (scripts/bench-history.ts), during which requests wait.
export function maintain(store: HistoryStore, now = Date.now()): MaintenanceResult {
  const result: MaintenanceResult = { rolledUp: {}, deleted: {} };
  const nowSeconds = Math.floor(now / 1000);

  // Statements run per series: the tables are keyed by (series_id, t), so a range on t alone
  // would scan the whole table, which takes seconds at 5,000 nodes.
  const ids = (store.db.prepare("SELECT id FROM series").all() as { id: number }[]).map(
    (row) => row.id,
  );
  const run = store.db.transaction(() => {
    for (let i = 1; i < RESOLUTIONS.length; i += 1) {
      const source = RESOLUTIONS[i - 1] as Resolution;
      const target = RESOLUTIONS[i] as Resolution;
      result.rolledUp[target.name] = rollUp(store, ids, source, target, nowSeconds);
    }
    for (const resolution of RESOLUTIONS) {
      const cutoff = Math.floor((now - resolution.retentionMs) / 1000);
      const remove = store.db.prepare(
        `DELETE FROM ${resolution.table} WHERE series_id = ? AND t < ?`,
      );
      let deleted = 0;
      for (const id of ids) deleted += remove.run(id, cutoff).changes;
      result.deleted[resolution.name] = deleted;
    }
  });
  run();
  return result;
}

function rollUp(
  store: HistoryStore,
  ids: readonly number[],
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

  const insert = store.db.prepare(
    `INSERT OR REPLACE INTO ${target.table} (series_id, t, ${COLUMNS})
     SELECT series_id, (t / ${width}) * ${width} AS b, ${MEANS}
     FROM ${source.table} WHERE series_id = ? AND t >= ? AND t < ?
     GROUP BY b`,
  );
  let written = 0;
  for (const id of ids) written += insert.run(id, start, end).changes;
  store.setMeta(`rolled:${target.name}`, String(end));
  return written;
}
