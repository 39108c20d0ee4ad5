import "server-only";

import { statSync } from "node:fs";

import type { Logger } from "pino";

import { describeStoreError, type StoreFault } from "./errors";
import { maintain, type MaintenanceResult } from "./rollup";
import { HistoryStore } from "./store";
import type { HistoryStatus, Sample } from "./types";

/** Wait before opening a file again after it failed to open, ms. */
export const REOPEN_INTERVAL_MS = 5 * 60_000;

/** Minimum time between two checks that the file is still the one opened, ms. */
const FILE_CHECK_INTERVAL_MS = 2_000;

export interface RecorderOptions {
  /** Database path, or null when history is off. */
  file: string | null;
  logger: Pick<Logger, "info" | "warn" | "error">;
  now?: () => number;
}

/**
 * Owns the history file for the process: opens it, writes samples and runs maintenance. Every
 * storage failure becomes a status (one log line per episode) instead of an exception, so a
 * broken file never stops the dashboard from serving live data. It never deletes, truncates or
 * recreates an existing file; only a file that disappeared is started anew.
 */
export class HistoryRecorder {
  private current: HistoryStore | null = null;
  private inode: number | null = null;
  private fault: StoreFault | null = null;
  private notice: string | null = null;
  private since: number;
  private lastOpenAttempt = -Infinity;
  private lastFileCheck = -Infinity;
  private lastWrite: number | null = null;
  private suppressed = 0;
  private readonly now: () => number;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
    this.since = this.now();
    if (options.file) this.tryOpen();
    else options.logger.info({ setting: "HISTORY_DB" }, "history is off");
  }

  get file(): string | null {
    return this.options.file;
  }

  /** Returns the open store for reads, or null while none is usable. */
  store(): HistoryStore | null {
    this.checkFile();
    return this.current;
  }

  status(): HistoryStatus {
    this.checkFile();
    const enabled = this.options.file !== null;
    return {
      ok: enabled && this.fault === null && this.current !== null,
      message: enabled ? (this.fault?.message ?? this.notice) : "History is off (HISTORY_DB=off).",
      path: this.options.file,
      since: new Date(this.since).toISOString(),
      enabled,
      lastWriteAt: this.lastWrite === null ? null : new Date(this.lastWrite).toISOString(),
    };
  }

  /** Writes one sample; returns false (and records the fault) when it could not be stored. */
  record(sample: Sample): boolean {
    return (
      this.guard("write", (store) => {
        store.write(sample);
        this.lastWrite = this.now();
        return true;
      }) ?? false
    );
  }

  maintain(): MaintenanceResult | null {
    return this.guard("maintain", (store) => maintain(store, this.now()));
  }

  /** Runs `action` on the store, turning a storage error into a fault. */
  guard<T>(operation: string, action: (store: HistoryStore) => T): T | null {
    const store = this.store() ?? this.reopenIfDue();
    if (!store) return null;
    try {
      const value = action(store);
      this.clearFault();
      return value;
    } catch (error) {
      this.setFault(describeStoreError(error, this.options.file ?? ""), operation);
      if (this.fault?.kind === "corrupt") this.closeStore();
      return null;
    }
  }

  close(): void {
    this.closeStore();
  }

  private reopenIfDue(): HistoryStore | null {
    if (!this.options.file) return null;
    if (this.now() - this.lastOpenAttempt < REOPEN_INTERVAL_MS) return null;
    this.tryOpen();
    return this.current;
  }

  private tryOpen(): void {
    const file = this.options.file;
    if (!file) return;
    this.lastOpenAttempt = this.now();
    try {
      this.current = HistoryStore.open(file);
      this.inode = statSync(file).ino;
      this.clearFault();
      this.options.logger.info({ file }, "history file opened");
    } catch (error) {
      this.current = null;
      this.setFault(describeStoreError(error, file), "open");
    }
  }

  private closeStore(): void {
    try {
      this.current?.close();
    } catch {
      // Closing a damaged handle may throw; nothing is left to release.
    }
    this.current = null;
    this.inode = null;
  }

  /** Starts a new file when the open one was deleted or replaced on disk. */
  private checkFile(): void {
    const file = this.options.file;
    if (!file || !this.current || this.now() - this.lastFileCheck < FILE_CHECK_INTERVAL_MS) return;
    this.lastFileCheck = this.now();
    let inode: number | null = null;
    try {
      inode = statSync(file).ino;
    } catch {
      inode = null;
    }
    if (inode === this.inode) return;

    const at = new Date(this.now()).toISOString();
    this.options.logger.error({ file }, "history file was deleted or replaced; starting anew");
    this.closeStore();
    this.tryOpen();
    this.notice =
      `The history file ${file} was deleted or replaced at ${at}. Recording continues in a ` +
      "new file, so charts start from that time; restore the old file from a backup to get " +
      "earlier history back.";
    this.since = this.now();
  }

  private setFault(fault: StoreFault, operation: string): void {
    const same = this.fault?.kind === fault.kind;
    if (same) {
      this.suppressed += 1;
      return;
    }
    this.fault = fault;
    this.since = this.now();
    this.suppressed = 0;
    this.options.logger.error(
      { file: this.options.file, operation, kind: fault.kind, code: fault.code },
      fault.message,
    );
  }

  private clearFault(): void {
    if (!this.fault) return;
    this.options.logger.info(
      { file: this.options.file, kind: this.fault.kind, repeats: this.suppressed },
      "history recording resumed",
    );
    this.fault = null;
    this.since = this.now();
    this.suppressed = 0;
  }
}
