import "server-only";

import { VpcError } from "./errors";
import { TokenBucket } from "./token-bucket";

/**
 * Shortest time between two upstream reads of one figure, in ms. The CCE operator itself resyncs
 * subnets every 20-30 s and ENIs every 60 s, so reading the VPC more often shows nothing newer.
 */
export const DEFAULT_REFRESH_INTERVAL_MS = 60_000;
/** Upstream requests per second across all figures; far below the operator's 5-10/s quotas. */
export const DEFAULT_RATE_PER_SECOND = 2;
/** Maximum wait after repeated throttling or server errors, in ms. */
export const DEFAULT_MAX_BACKOFF_MS = 10 * 60_000;
/** Figures kept; the oldest inserted key is dropped beyond this. */
export const DEFAULT_MAX_ENTRIES = 10_000;

export interface FigureError {
  message: string;
  kind?: string;
  code?: string;
  /** Epoch ms of the failed attempt. */
  at: number;
}

/** A cached VPC figure. `value` is the last good one and stays after later failures. */
export interface CachedFigure<T> {
  value: T | undefined;
  source: "vpc";
  /** Epoch ms of the last successful read, null before the first. */
  fetchedAt: number | null;
  /** Age of `value` in ms when this figure was returned, null before the first read. */
  ageMs: number | null;
  /** True while an upstream read of this figure is running. */
  refreshing: boolean;
  /** Last failure, cleared by the next success. */
  error?: FigureError;
}

export interface RequestBudgetOptions {
  refreshIntervalMs?: number;
  ratePerSecond?: number;
  /** Requests allowed at once after a quiet period. Default: ratePerSecond. */
  burst?: number;
  maxBackoffMs?: number;
  maxEntries?: number;
  /** Returns [0, 1); spreads the backoff of many keys. Default Math.random. */
  random?: () => number;
  /**
   * When true (default), a caller gets the cached value at once while a due refresh runs in the
   * background. Callers wait only while a key has no value yet. When false, callers always wait
   * for a due or running refresh.
   */
  staleWhileRevalidate?: boolean;
  /** Called once per failed upstream read, e.g. to log it. */
  onError?: (key: string, error: unknown, retryInMs: number) => void;
}

interface Entry {
  value: unknown;
  fetchedAt: number | null;
  error?: FigureError;
  inFlight?: Promise<void>;
  /** Epoch ms before which no new upstream read starts. */
  nextAttemptAt: number;
  backoffFailures: number;
}

function isBackoffError(error: unknown): boolean {
  return error instanceof VpcError && ["throttled", "server", "timeout"].includes(error.kind);
}

function toFigureError(error: unknown, at: number): FigureError {
  if (error instanceof VpcError) {
    return { message: error.message, kind: error.kind, code: error.code, at };
  }
  return { message: error instanceof Error ? error.message : String(error), at };
}

/**
 * Cache and rate limit in front of the VPC API, shared by every viewer in the process. Each key
 * is read upstream at most once per refresh interval and by one read at a time. All keys share
 * one token bucket. Throttling, 5xx and timeouts back off exponentially with jitter, and at
 * least as long as Retry-After asks.
 */
export class RequestBudget {
  readonly refreshIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxEntries: number;
  private readonly random: () => number;
  private readonly bucket: TokenBucket;
  private readonly entries = new Map<string, Entry>();
  private readonly onError: RequestBudgetOptions["onError"];
  private readonly staleWhileRevalidate: boolean;
  private upstreamCount = 0;
  private latestError: (FigureError & { key: string }) | undefined;

  constructor(options: RequestBudgetOptions = {}) {
    this.refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.random = options.random ?? Math.random;
    this.onError = options.onError;
    this.staleWhileRevalidate = options.staleWhileRevalidate ?? true;
    const rate = options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
    this.bucket = new TokenBucket(rate, options.burst ?? rate);
  }

  /** Upstream reads started since the budget was created. */
  get upstreamRequests(): number {
    return this.upstreamCount;
  }

  /** Most recent failed read of any key, kept after later successes. */
  get lastError(): (FigureError & { key: string }) | undefined {
    return this.latestError;
  }

  /**
   * Returns the newest error among keys whose last read failed, leaving out not-found answers
   * (an expected outcome of drift checks), or undefined when every key reads fine now.
   */
  currentError(): (FigureError & { key: string }) | undefined {
    let newest: (FigureError & { key: string }) | undefined;
    for (const [key, entry] of this.entries) {
      if (!entry.error || entry.error.kind === "not-found") continue;
      if (!newest || entry.error.at > newest.at) newest = { ...entry.error, key };
    }
    return newest;
  }

  /** Returns the cached figure for `key`, reading it with `fetcher` first when it is due. */
  async getOrFetch<T>(key: string, fetcher: () => Promise<T>): Promise<CachedFigure<T>> {
    const entry = this.entry(key);
    if (!entry.inFlight && Date.now() >= entry.nextAttemptAt) {
      entry.inFlight = this.refresh(key, entry, fetcher);
    }
    const hasValue = entry.fetchedAt !== null;
    if (entry.inFlight && !(this.staleWhileRevalidate && hasValue)) await entry.inFlight;
    return this.figure<T>(entry);
  }

  /** Resolves when the running read of `key`, if any, has finished. */
  async settled(key: string): Promise<void> {
    await this.entries.get(key)?.inFlight;
  }

  /** Returns the cached figure without reading upstream, or undefined for an unknown key. */
  peek<T>(key: string): CachedFigure<T> | undefined {
    const entry = this.entries.get(key);
    return entry ? this.figure<T>(entry) : undefined;
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (entry) return entry;

    entry = { value: undefined, fetchedAt: null, nextAttemptAt: 0, backoffFailures: 0 };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  private async refresh(key: string, entry: Entry, fetcher: () => Promise<unknown>): Promise<void> {
    try {
      await this.bucket.take();
      this.upstreamCount++;
      entry.value = await fetcher();
      entry.fetchedAt = Date.now();
      entry.error = undefined;
      entry.backoffFailures = 0;
      entry.nextAttemptAt = entry.fetchedAt + this.refreshIntervalMs;
    } catch (error) {
      const now = Date.now();
      const retryInMs = this.retryDelay(entry, error);
      entry.error = toFigureError(error, now);
      entry.nextAttemptAt = now + retryInMs;
      this.latestError = { ...entry.error, key };
      this.onError?.(key, error, retryInMs);
    } finally {
      entry.inFlight = undefined;
    }
  }

  // Never shorter than the refresh interval, so a failing key is not read more often either.
  private retryDelay(entry: Entry, error: unknown): number {
    if (!isBackoffError(error)) {
      entry.backoffFailures = 0;
      return this.refreshIntervalMs;
    }
    entry.backoffFailures++;
    const exponential = this.refreshIntervalMs * 2 ** (entry.backoffFailures - 1);
    const jittered = Math.min(this.maxBackoffMs, exponential) * (1 + 0.25 * this.random());
    const retryAfter = error instanceof VpcError ? (error.retryAfterMs ?? 0) : 0;
    return Math.max(this.refreshIntervalMs, jittered, retryAfter);
  }

  private figure<T>(entry: Entry): CachedFigure<T> {
    const ageMs = entry.fetchedAt === null ? null : Date.now() - entry.fetchedAt;
    const figure: CachedFigure<T> = {
      value: entry.value as T | undefined,
      source: "vpc",
      fetchedAt: entry.fetchedAt,
      ageMs,
      refreshing: entry.inFlight !== undefined,
    };
    if (entry.error) figure.error = { ...entry.error };
    return figure;
  }
}
