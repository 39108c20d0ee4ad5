/**
 * Fault matrix, history file: an unwritable path and a corrupt file. The recorder must never
 * throw into the sampler, report the fault in its status, resume once the file is usable, and
 * log one line per episode. As root, file modes do not block writes, so "unwritable" is a
 * database path whose parent is a regular file (ENOTDIR).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { HistoryRecorder, REOPEN_INTERVAL_MS } from "@/lib/history/recorder";
import type { Sample } from "@/lib/history/types";

import { FaultMatrix } from "./matrix";

const START = Date.UTC(2025, 5, 10, 12, 0, 0);
const matrix = new FaultMatrix("Fault matrix: history file");
let dir: string;
let clock: number;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function sample(t: number): Sample {
  return { t, series: [{ kind: "cluster", key: "cluster", figures: { used: 5, ceiling: 100 } }] };
}

/** Records one sample per reopen interval, `count` times; returns how many were stored. */
function recordRepeatedly(history: HistoryRecorder, count: number): number {
  let stored = 0;
  for (let index = 0; index < count; index++) {
    clock += REOPEN_INTERVAL_MS;
    if (history.record(sample(clock))) stored++;
  }
  return stored;
}

function resumedLines(): number {
  return logger.info.mock.calls.filter((call) => call[1] === "history recording resumed").length;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "history-faults-"));
  clock = START;
  vi.clearAllMocks();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => matrix.print());

describe("history file faults", () => {
  it("unwritable path: status names it, then resumes", () => {
    const row = matrix.row("history file unwritable");
    const blocker = path.join(dir, "data");
    writeFileSync(blocker, "a file where the folder should be");
    const history = new HistoryRecorder({
      file: path.join(blocker, "history.db"),
      logger: logger as never,
      now: () => clock,
    });

    expect(recordRepeatedly(history, 3)).toBe(0);
    row.pass("served");
    const status = history.status();
    expect(status.ok).toBe(false);
    expect(status.message).toContain("cannot be written");
    expect(status.message).toContain("Live data is unaffected");
    row.pass("staleMarked");

    rmSync(blocker);
    mkdirSync(blocker);
    expect(recordRepeatedly(history, 1)).toBe(1);
    expect(history.status().ok).toBe(true);
    expect(history.status().lastWriteAt).toBe(new Date(clock).toISOString());
    row.pass("recovered");

    expect(logger.error.mock.calls.length + logger.warn.mock.calls.length).toBe(1);
    expect(resumedLines()).toBe(1);
    row.pass("loggedOnce");
    history.close();
  });

  it("corrupt file: left untouched, then replaced", () => {
    const row = matrix.row("history file corrupt");
    const file = path.join(dir, "history.db");
    writeFileSync(file, Buffer.alloc(8192, 7));
    const history = new HistoryRecorder({ file, logger: logger as never, now: () => clock });

    expect(recordRepeatedly(history, 3)).toBe(0);
    row.pass("served");
    expect(history.status().ok).toBe(false);
    expect(history.status().message).toContain("is damaged");
    row.pass("staleMarked");

    // The operator moves the damaged file away, as the recovery notes say.
    rmSync(file);
    expect(recordRepeatedly(history, 1)).toBe(1);
    expect(history.status().ok).toBe(true);
    row.pass("recovered");

    expect(logger.error.mock.calls.length + logger.warn.mock.calls.length).toBe(1);
    expect(resumedLines()).toBe(1);
    row.pass("loggedOnce");
    history.close();
  });
});
