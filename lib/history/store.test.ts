import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { maintain } from "./rollup";
import { SCHEMA_VERSION } from "./schema";
import { HistoryStore } from "./store";
import { DAY_MS, HOUR_MS, type Sample } from "./types";

const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "history-store-"));
  file = path.join(dir, "nested", "history.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function nodeSample(t: number, used: number, key = "10.0.0.1"): Sample {
  return {
    t,
    series: [{ kind: "node", key, figures: { pool: 40, used, free: 40 - used, ceiling: 60 } }],
  };
}

function minutes(from: number, count: number, used: (i: number) => number): Sample[] {
  return Array.from({ length: count }, (_, i) => nodeSample(from + i * 60_000, used(i)));
}

describe("HistoryStore", () => {
  it("creates the file and applies every migration", () => {
    const store = HistoryStore.open(file);
    expect(store.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    store.close();
  });

  it("rejects a file from a newer schema without changing it", () => {
    const db = new Database(file.replace("nested/", ""));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => HistoryStore.open(file.replace("nested/", ""))).toThrow(/newer than this build/);
    const again = new Database(file.replace("nested/", ""));
    expect(again.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    again.close();
  });

  it("returns written raw samples in step buckets", () => {
    const store = HistoryStore.open(file);
    store.writeMany(minutes(NOW - 10 * 60_000, 10, (i) => i));
    const result = store.query({
      kind: "node",
      key: "10.0.0.1",
      from: NOW - HOUR_MS,
      to: NOW,
      step: 60,
      now: NOW,
    });
    expect(result.resolution).toBe("raw");
    expect(result.points).toHaveLength(10);
    expect(result.points[3]).toMatchObject({ t: NOW - 7 * 60_000, used: 3, ceiling: 60, free: 37 });
    store.close();
  });

  it("averages samples into wider steps", () => {
    const store = HistoryStore.open(file);
    store.writeMany(minutes(NOW - HOUR_MS, 60, (i) => i));
    const result = store.query({
      kind: "node",
      key: "10.0.0.1",
      from: NOW - HOUR_MS,
      to: NOW,
      step: 600,
      now: NOW,
    });
    expect(result.points).toHaveLength(6);
    expect(result.points[0]?.used).toBe(4.5);
    store.close();
  });

  it("returns no points for an unknown series", () => {
    const store = HistoryStore.open(file);
    const result = store.query({
      kind: "subnet",
      key: "sbn-none",
      from: NOW - HOUR_MS,
      to: NOW,
      step: 60,
      now: NOW,
    });
    expect(result.points).toEqual([]);
    store.close();
  });

  it("keeps data across a close and reopen", () => {
    const first = HistoryStore.open(file);
    first.writeMany(minutes(NOW - 5 * 60_000, 5, () => 7));
    first.close();
    const second = HistoryStore.open(file);
    const result = second.query({
      kind: "node",
      key: "10.0.0.1",
      from: NOW - HOUR_MS,
      to: NOW,
      step: 60,
      now: NOW,
    });
    expect(result.points.map((p) => p.used)).toEqual([7, 7, 7, 7, 7]);
    expect(second.hasData()).toBe(true);
    second.close();
  });
});

describe("maintain", () => {
  it("rolls raw samples up into 5-minute and hourly means", () => {
    const store = HistoryStore.open(file);
    const start = NOW - 2 * HOUR_MS;
    store.writeMany(minutes(start, 120, (i) => (i < 60 ? 10 : 20)));
    const result = maintain(store, NOW);
    expect(result.rolledUp["5m"]).toBe(24);
    expect(result.rolledUp["1h"]).toBe(2);
    const hourly = store.db.prepare("SELECT t, v1 FROM samples_1h ORDER BY t").all();
    expect(hourly).toEqual([
      { t: start / 1000, v1: 10 },
      { t: start / 1000 + 3600, v1: 20 },
    ]);
    store.close();
  });

  it("deletes rows older than each table's retention", () => {
    const store = HistoryStore.open(file);
    store.writeMany(minutes(NOW - 3 * DAY_MS, 10, () => 1));
    store.writeMany(minutes(NOW - 10 * 60_000, 10, () => 2));
    const result = maintain(store, NOW);
    expect(result.deleted.raw).toBe(10);
    const raw = store.db.prepare("SELECT count(*) AS n FROM samples_raw").get();
    expect(raw).toEqual({ n: 10 });
    // Hourly means are kept for a year, so the old bucket stays there.
    const hourly = store.db.prepare("SELECT count(*) AS n FROM samples_1h").get();
    expect(hourly).toEqual({ n: 2 });
    store.close();
  });

  it("rolls each bucket up only once it has ended", () => {
    const store = HistoryStore.open(file);
    store.writeMany(minutes(NOW - 3 * 60_000, 3, () => 5));
    maintain(store, NOW);
    expect(store.watermark("5m")).toBe(NOW / 1000);
    const rows = store.db.prepare("SELECT count(*) AS n FROM samples_5m").get();
    expect(rows).toEqual({ n: 1 });
    store.close();
  });

  it("answers wide queries from rolled-up and newer raw rows", () => {
    const store = HistoryStore.open(file);
    store.writeMany(minutes(NOW - 3 * HOUR_MS, 180, () => 10));
    maintain(store, NOW - HOUR_MS);
    const result = store.query({
      kind: "node",
      key: "10.0.0.1",
      from: NOW - 3 * HOUR_MS,
      to: NOW,
      step: 3600,
      now: NOW,
    });
    expect(result.resolution).toBe("1h");
    expect(result.points.map((p) => p.used)).toEqual([10, 10, 10]);
    store.close();
  });

  it("fills the start of a range from coarser tables", () => {
    const store = HistoryStore.open(file);
    const hours = Array.from({ length: 48 }, (_, i) =>
      nodeSample(NOW - 3 * DAY_MS + i * HOUR_MS, 3),
    );
    store.writeMany(hours, "1h");
    store.writeMany(minutes(NOW - HOUR_MS, 60, () => 9));
    const result = store.query({
      kind: "node",
      key: "10.0.0.1",
      from: NOW - 3 * DAY_MS,
      to: NOW,
      step: 900,
      now: NOW,
    });
    expect(result.points[0]?.used).toBe(3);
    expect(result.points.at(-1)?.used).toBe(9);
    store.close();
  });
});
