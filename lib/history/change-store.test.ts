import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { ChangeDraft } from "@/lib/domain/feed";

import { SqliteChangeStore } from "./change-store";
import { HistoryRecorder } from "./recorder";

let dir: string;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function draft(time: string, overrides: Partial<ChangeDraft> = {}): ChangeDraft {
  return {
    time,
    kind: "eni-status",
    origin: "changelog",
    node: "10.0.18.30",
    eni: "eni-a",
    subnet: "sbn-a",
    ip: null,
    pod: null,
    summary: "VPC status attaching -> inuse",
    level: null,
    ...overrides,
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "change-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("SqliteChangeStore", () => {
  it("returns entries newest first with the match count", () => {
    const recorder = new HistoryRecorder({ file: path.join(dir, "h.db"), logger: logger as never });
    const store = new SqliteChangeStore(recorder);
    store.append([draft("2025-06-10T10:00:00Z"), draft("2025-06-10T11:00:00Z", { eni: "eni-b" })]);
    store.append([draft("2025-06-10T12:00:00Z", { node: "10.0.18.31" })]);

    const all = store.query({ limit: 2 });
    expect(all.matched).toBe(3);
    expect(all.items.map((item) => item.time)).toEqual([
      "2025-06-10T12:00:00.000Z",
      "2025-06-10T11:00:00.000Z",
    ]);
    expect(store.query({ eni: "eni-b" }).items).toHaveLength(1);
    expect(store.query({ node: "10.0.18.30", since: "2025-06-10T10:30:00Z" }).matched).toBe(1);
    expect(store.query({ kinds: ["node-added"] }).matched).toBe(0);
    recorder.close();
  });

  it("skips entries it already has", () => {
    const recorder = new HistoryRecorder({ file: path.join(dir, "h.db"), logger: logger as never });
    const store = new SqliteChangeStore(recorder);
    store.append([draft("2025-06-10T10:00:00Z")]);
    store.append([draft("2025-06-10T10:00:00.000Z")]);
    expect(store.size()).toBe(1);
    recorder.close();
  });

  it("keeps entries across a restart", () => {
    const file = path.join(dir, "h.db");
    const first = new HistoryRecorder({ file, logger: logger as never });
    new SqliteChangeStore(first).append([draft("2025-06-10T10:00:00Z")]);
    first.close();
    const second = new HistoryRecorder({ file, logger: logger as never });
    expect(new SqliteChangeStore(second).query({}).items[0]?.summary).toBe(
      "VPC status attaching -> inuse",
    );
    second.close();
  });

  it("falls back to memory while the file is unusable", () => {
    const file = path.join(dir, "h.db");
    writeFileSync(file, Buffer.alloc(8192, 7));
    const recorder = new HistoryRecorder({ file, logger: logger as never });
    const store = new SqliteChangeStore(recorder);
    store.append([draft("2025-06-10T10:00:00Z")]);
    expect(store.query({}).matched).toBe(1);
    expect(store.size()).toBe(1);
  });
});
