import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { HistoryRecorder, REOPEN_INTERVAL_MS } from "./recorder";
import type { Sample } from "./types";

const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
let dir: string;
let clock: number;
let logger: {
  info: ReturnType<typeof vi.fn>;
  warn: ReturnType<typeof vi.fn>;
  error: ReturnType<typeof vi.fn>;
};

function sample(t: number, used = 5): Sample {
  return { t, series: [{ kind: "cluster", key: "cluster", figures: { used, ceiling: 100 } }] };
}

function recorder(file: string | null) {
  return new HistoryRecorder({ file, logger: logger as never, now: () => clock });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "history-recorder-"));
  clock = NOW;
  logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("HistoryRecorder", () => {
  it("records samples and reports ok", () => {
    const history = recorder(path.join(dir, "history.db"));
    expect(history.record(sample(NOW))).toBe(true);
    const status = history.status();
    expect(status.ok).toBe(true);
    expect(status.message).toBeNull();
    expect(status.lastWriteAt).toBe(new Date(NOW).toISOString());
    history.close();
  });

  it("reports history off without opening a file", () => {
    const history = recorder(null);
    expect(history.record(sample(NOW))).toBe(false);
    expect(history.status()).toMatchObject({ ok: false, enabled: false, path: null });
  });

  it("leaves a corrupt file untouched and reports it", () => {
    const file = path.join(dir, "history.db");
    const garbage = Buffer.from("this is not an SQLite database, just some bytes ".repeat(200));
    writeFileSync(file, garbage);
    const history = recorder(file);
    expect(history.record(sample(NOW))).toBe(false);
    const status = history.status();
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/is damaged \(SQLITE_NOTADB/);
    expect(status.message).toMatch(/Live data is unaffected/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(history.store()).toBeNull();
  });

  it("logs a fault once per episode and logs the recovery", () => {
    const file = path.join(dir, "history.db");
    writeFileSync(file, Buffer.alloc(8192, 7));
    const history = recorder(file);
    for (let i = 1; i <= 3; i += 1) {
      clock = NOW + i * REOPEN_INTERVAL_MS;
      history.record(sample(clock));
    }
    expect(logger.error).toHaveBeenCalledTimes(1);

    rmSync(file);
    clock += REOPEN_INTERVAL_MS;
    expect(history.record(sample(clock))).toBe(true);
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "corrupt", repeats: 3 }),
      "history recording resumed",
    );
    expect(history.status().ok).toBe(true);
    history.close();
  });

  it("waits before reopening a file that failed to open", () => {
    const file = path.join(dir, "history.db");
    writeFileSync(file, Buffer.alloc(8192, 7));
    const history = recorder(file);
    rmSync(file);
    clock = NOW + REOPEN_INTERVAL_MS - 1;
    expect(history.record(sample(clock))).toBe(false);
    clock = NOW + REOPEN_INTERVAL_MS;
    expect(history.record(sample(clock))).toBe(true);
    history.close();
  });

  it("reports a folder that cannot be created", () => {
    const blocker = path.join(dir, "not-a-folder");
    writeFileSync(blocker, "x");
    const history = recorder(path.join(blocker, "history.db"));
    const status = history.status();
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/cannot be written \((ENOTDIR|EEXIST)/);
  });

  it("starts a new file when the open one is deleted", () => {
    const file = path.join(dir, "history.db");
    const history = recorder(file);
    history.record(sample(NOW));
    rmSync(file);
    clock = NOW + 60_000;
    const status = history.status();
    expect(status.ok).toBe(true);
    expect(status.message).toMatch(/was deleted or replaced/);
    expect(history.record(sample(clock))).toBe(true);
    const points = history.store()?.query({
      kind: "cluster",
      key: "cluster",
      from: NOW - 3_600_000,
      to: clock + 1,
      step: 60,
      now: clock,
    }).points;
    expect(points).toHaveLength(1);
    history.close();
  });
});
