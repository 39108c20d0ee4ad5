/**
 * Measures the history store at cluster scale: write time of one sampler tick, file size after
 * a simulated month, rollup time, query latency and forecast time per series.
 *
 *   node --conditions=react-server --import tsx scripts/bench-history.ts [--scale 5000] [--days 30]
 *
 * The month is written straight into the tables it would end up in: raw for the last 2 days,
 * 5-minute means for 30 days and hourly means for 30 days. So the file has the size and shape
 * of a store that has run for `days` days, without waiting for rollups.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { forecast } from "@/lib/forecast";
import { DemoHistory } from "@/lib/history/demo-history";
import { maintain } from "@/lib/history/rollup";
import { HistoryStore } from "@/lib/history/store";
import {
  DAY_MS,
  HOUR_MS,
  type Resolution,
  RESOLUTIONS,
  type Sample,
  type SeriesKind,
} from "@/lib/history/types";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a whole number above 0`);
  return value;
}

/** Today's figures of a synthetic cluster: `scale` nodes over 12 subnets. */
function syntheticToday(scale: number, now: number): Sample {
  const series: Sample["series"] = [];
  for (let i = 0; i < scale; i += 1) {
    const ceiling = [39, 60, 105, 120][i % 4] ?? 39;
    const used = Math.round(ceiling * (0.3 + ((i * 37) % 60) / 100));
    const free = Math.min(ceiling - used, 4 + (i % 5));
    series.push({
      kind: "node",
      key: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      figures: { pool: used + free, used, free, ceiling },
    });
  }
  for (let s = 0; s < 12; s += 1) {
    const nodes = Math.ceil(scale / 12);
    series.push({
      kind: "subnet",
      key: `sbn-bench${String(s).padStart(6, "0")}`,
      figures: {
        free: 4000 + s * 97,
        used: nodes * 40,
        pool: nodes * 45,
        need: nodes * 80,
        claimable: nodes * 35,
      },
    });
  }
  series.push({
    kind: "cluster",
    key: "cluster",
    figures: {
      pool: scale * 45,
      used: scale * 40,
      free: scale * 5,
      ceiling: scale * 80,
      nodes: scale,
    },
  });
  return { t: now, series };
}

const ALL = new Set<SeriesKind>(["node", "subnet", "cluster"]);

function fill(
  store: HistoryStore,
  history: DemoHistory,
  resolution: Resolution["name"],
  spanMs: number,
  now: number,
) {
  const stepMs = (RESOLUTIONS.find((r) => r.name === resolution)?.seconds ?? 60) * 1000;
  let batch: Sample[] = [];
  let rows = 0;
  for (let t = Math.ceil((now - spanMs) / stepMs) * stepMs; t < now; t += stepMs) {
    const sample = history.sampleAt(t, ALL);
    rows += sample.series.length;
    batch.push(sample);
    if (batch.length >= 20) {
      store.writeMany(batch, resolution);
      batch = [];
    }
  }
  store.writeMany(batch, resolution);
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timed<T>(action: () => T): [T, number] {
  const started = performance.now();
  const value = action();
  return [value, performance.now() - started];
}

function main(): void {
  const scale = option("scale", 5000);
  const days = option("days", 30);
  const dir = mkdtempSync(path.join(tmpdir(), "bench-history-"));
  const file = path.join(dir, "history.db");
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const today = syntheticToday(scale, now);
  const history = new DemoHistory(today, { now });
  console.log(`History benchmark: ${scale} nodes, 12 subnets, ${days} days; file ${file}`);

  const store = HistoryStore.open(file);
  const spans: [Resolution["name"], number][] = [
    ["1h", days * DAY_MS],
    ["5m", Math.min(days, 30) * DAY_MS],
    ["raw", Math.min(days, 2) * DAY_MS],
  ];
  for (const [resolution, span] of spans) {
    const [rows, ms] = timed(() => fill(store, history, resolution, span, now));
    console.log(
      `filled ${resolution.padEnd(3)} ${rows.toLocaleString("en-US").padStart(12)} rows in ${(ms / 1000).toFixed(1)} s`,
    );
  }
  store.setMeta("rolled:5m", String(Math.floor(now / 300_000) * 300));
  store.setMeta("rolled:1h", String(Math.floor(now / 3_600_000) * 3600));
  store.db.pragma("wal_checkpoint(TRUNCATE)");
  console.log(`file size after ${days} days: ${(statSync(file).size / 1e6).toFixed(0)} MB`);

  const ticks = Array.from(
    { length: 10 },
    (_, i) =>
      timed(() =>
        store.write({ ...history.sampleAt(now + i * 60_000, ALL), t: now + i * 60_000 }),
      )[1],
  );
  console.log(
    `sampler write per tick (${today.series.length} series, one transaction): median ${median(ticks).toFixed(0)} ms, max ${Math.max(...ticks).toFixed(0)} ms`,
  );
  const [, maintainMs] = timed(() => maintain(store, now + 10 * 60_000));
  console.log(`rollup and retention run: ${maintainMs.toFixed(0)} ms`);

  const node = today.series[Math.floor(scale / 2)]?.key ?? "";
  const queries: [string, SeriesKind, string, number, number][] = [
    ["node 1 h, 60 s step", "node", node, HOUR_MS, 60],
    ["node 7 d, 1800 s step", "node", node, 7 * DAY_MS, 1800],
    ["node 30 d, 900 s step (forecast input)", "node", node, 30 * DAY_MS, 900],
    ["subnet 30 d, 10800 s step", "subnet", "sbn-bench000003", 30 * DAY_MS, 10_800],
    ["cluster 24 h, 300 s step", "cluster", "cluster", DAY_MS, 300],
  ];
  for (const [label, kind, key, range, step] of queries) {
    const runs = Array.from(
      { length: 20 },
      () => timed(() => store.query({ kind, key, from: now - range, to: now + 1, step, now }))[1],
    );
    const points = store.query({ kind, key, from: now - range, to: now + 1, step, now }).points
      .length;
    console.log(
      `query ${label.padEnd(40)} ${String(points).padStart(5)} points, median ${median(runs).toFixed(1)} ms`,
    );
  }

  const forecasts = Array.from({ length: 20 }, (_, i) => {
    const key = today.series[i * 17]?.key ?? "";
    return timed(() => {
      const points = store.query({
        kind: "node",
        key,
        from: now - 30 * DAY_MS,
        to: now + 1,
        step: 900,
        now,
      }).points;
      return forecast({
        series: points.map((p) => ({ t: p.t, v: p.used ?? NaN })),
        capacity: p0(today, key),
      });
    })[1];
  });
  console.log(
    `node forecast incl. query: median ${median(forecasts).toFixed(0)} ms, so one pass over ${scale} nodes takes about ${((median(forecasts) * scale) / 1000).toFixed(0)} s of CPU`,
  );
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

function p0(today: Sample, key: string): number {
  return today.series.find((s) => s.key === key)?.figures.ceiling ?? 1;
}

main();
