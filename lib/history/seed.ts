import "server-only";

import { DAY_MS, HOUR_MS } from "@/lib/forecast";

import { DemoHistory } from "./demo-history";
import { maintain } from "./rollup";
import type { HistoryStore } from "./store";
import type { Resolution, Sample, SeriesKind } from "./types";

/** Days of history the demo starts with. */
export const DEMO_HISTORY_DAYS = 30;

/**
 * Node series get minute samples only for the last two hours and 5-minute means only for the
 * last two days; older node history is hourly. That keeps seeding a 5,000-node demo to seconds.
 */
const NODE_RAW_MS = 2 * HOUR_MS;
const NODE_FIVE_MINUTE_MS = 2 * DAY_MS;
const OTHER_RAW_MS = 2 * DAY_MS;

/** Samples written per transaction while seeding. */
const SAMPLES_PER_TRANSACTION = 200;

export interface SeedOptions {
  now?: number;
  days?: number;
  /** Subnets whose free IPs run out within days (the demo's near-exhausted subnet). */
  exhausting?: readonly string[];
}

export interface SeedResult {
  seeded: boolean;
  /** Series values written. */
  rows: number;
  elapsedMs: number;
}

interface Pass {
  resolution: Resolution["name"];
  kinds: ReadonlySet<SeriesKind>;
  spanMs: number;
  stepMs: number;
}

/**
 * Writes `days` of generated history that ends at today's figures, unless the store already
 * contains samples (a restart keeps real history). For demos only: the figures are invented.
 */
export function seedDemoHistory(
  store: HistoryStore,
  today: Sample,
  options: SeedOptions = {},
): SeedResult {
  const started = performance.now();
  if (store.hasData()) return { seeded: false, rows: 0, elapsedMs: 0 };

  const now = options.now ?? today.t;
  const spanMs = (options.days ?? DEMO_HISTORY_DAYS) * DAY_MS;
  const history = new DemoHistory(today, { now, exhausting: options.exhausting });
  const others = new Set<SeriesKind>(["subnet", "cluster"]);
  const nodes = new Set<SeriesKind>(["node"]);
  const passes: Pass[] = [
    { resolution: "5m", kinds: others, spanMs, stepMs: 5 * 60_000 },
    { resolution: "raw", kinds: others, spanMs: Math.min(spanMs, OTHER_RAW_MS), stepMs: 60_000 },
    { resolution: "1h", kinds: nodes, spanMs, stepMs: HOUR_MS },
    {
      resolution: "5m",
      kinds: nodes,
      spanMs: Math.min(spanMs, NODE_FIVE_MINUTE_MS),
      stepMs: 5 * 60_000,
    },
    { resolution: "raw", kinds: nodes, spanMs: Math.min(spanMs, NODE_RAW_MS), stepMs: 60_000 },
  ];

  let rows = 0;
  for (const pass of passes) rows += writePass(store, history, pass, now);

  // Raw rows before this point are already covered by seeded 5-minute means.
  store.setMeta("rolled:5m", String(Math.floor(now / 300_000) * 300));
  maintain(store, now);
  store.setMeta("seeded", new Date(now).toISOString());
  return { seeded: true, rows, elapsedMs: performance.now() - started };
}

function writePass(store: HistoryStore, history: DemoHistory, pass: Pass, now: number): number {
  const first = Math.ceil((now - pass.spanMs) / pass.stepMs) * pass.stepMs;
  let rows = 0;
  let batch: Sample[] = [];
  for (let t = first; t < now; t += pass.stepMs) {
    const sample = history.sampleAt(t, pass.kinds);
    rows += sample.series.length;
    batch.push(sample);
    if (batch.length >= SAMPLES_PER_TRANSACTION) {
      store.writeMany(batch, pass.resolution);
      batch = [];
    }
  }
  if (batch.length > 0) store.writeMany(batch, pass.resolution);
  return rows;
}
