import "server-only";

import type { ParseResult } from "@/lib/domain/parse";
import { logger } from "@/lib/server/log";

import { classifyError, type SourceError, type SourceErrorKind } from "./errors";
import type { KubeTransport, WatchEventType, WatchHandle } from "./transport";

/** Page size of list calls: large enough for few round trips, small enough for a slow server. */
const LIST_PAGE_SIZE = 500;
/** The server ends each watch after this long, so a silently broken stream is replaced. */
const WATCH_TIMEOUT_SECONDS = 300;
/** With bookmarks on, a watch quiet for this long is presumed hung and restarted. */
const DEFAULT_IDLE_TIMEOUT_MS = 120_000;
const BACKOFF_INITIAL_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/** How many rejected objects are kept by name to show in the UI. */
const MALFORMED_SAMPLE_SIZE = 20;

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

export interface ResourceState {
  resource: string;
  /** True once a full list has completed; stays true through later errors. */
  synced: boolean;
  lastSyncAt: string | null;
  /** Last time the API server responded with anything: a page, an event or a bookmark. */
  lastContactAt: string | null;
  objectCount: number;
  malformedCount: number;
  malformed: { name: string; error: string }[];
  error: SourceError | null;
  relists: number;
}

export interface ReflectorOptions<T> {
  resource: string;
  path: string;
  query?: Record<string, string>;
  transport: KubeTransport;
  parse: (raw: unknown) => ParseResult<T>;
  /** Objects failing this test are not kept (and not counted as malformed). */
  keep?: (value: T) => boolean;
  /** Called per object change; `resync` is true for changes found by a relist, not a watch. */
  onChange?: (type: ChangeType, next: T | null, previous: T | null, resync: boolean) => void;
  /** Called after each complete list, so derived views rebuild once, not per object. */
  onSync?: () => void;
  idleTimeoutMs?: number;
  /** Server-side watch timeout in seconds; default 300. */
  watchTimeoutSeconds?: number;
  now?: () => number;
}

function keyOf(raw: unknown): string | null {
  const meta = (raw as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  if (typeof meta?.name !== "string") return null;
  return typeof meta.namespace === "string" ? `${meta.namespace}/${meta.name}` : meta.name;
}

function resourceVersionOf(raw: unknown): string | null {
  const version = (raw as { metadata?: { resourceVersion?: unknown } } | null)?.metadata
    ?.resourceVersion;
  return typeof version === "string" ? version : null;
}

/**
 * Keeps one resource in memory with list+watch: pages through the list, then watches from its
 * resourceVersion with bookmarks. A 410 Gone relists; any other failure retries with capped
 * exponential backoff while the last good objects stay served.
 */
export class Reflector<T> {
  readonly items = new Map<string, T>();
  private readonly state: ResourceState;
  private resourceVersion = "";
  private watch: WatchHandle | null = null;
  private generation = 0;
  private attempts = 0;
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly malformedKeys = new Map<string, string>();
  /**
   * The failure episode in progress. It outlives a successful relist and ends only when a watch
   * then works, so a watch that keeps breaking right after each list backs off and logs once.
   */
  private episode: { kind: SourceErrorKind; since: string } | null = null;

  constructor(private readonly options: ReflectorOptions<T>) {
    this.state = {
      resource: options.resource,
      synced: false,
      lastSyncAt: null,
      lastContactAt: null,
      objectCount: 0,
      malformedCount: 0,
      malformed: [],
      error: null,
      relists: 0,
    };
  }

  snapshotState(): ResourceState {
    return {
      ...this.state,
      objectCount: this.items.size,
      malformedCount: this.malformedKeys.size,
      malformed: [...this.malformedKeys]
        .slice(0, MALFORMED_SAMPLE_SIZE)
        .map(([name, error]) => ({ name, error })),
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.relist();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.watch?.abort();
    this.watch = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }

  private now(): string {
    return new Date(this.options.now?.() ?? Date.now()).toISOString();
  }

  private touch(): void {
    this.state.lastContactAt = this.now();
  }

  private async relist(): Promise<void> {
    const generation = ++this.generation;
    try {
      const seen = new Map<string, unknown>();
      let token: string | null = null;
      let version = "";
      do {
        const query: Record<string, string> = {
          ...this.options.query,
          limit: String(LIST_PAGE_SIZE),
        };
        if (token) query.continue = token;
        const page = await this.options.transport.list(this.options.path, query);
        if (generation !== this.generation) return;
        this.touch();
        for (const raw of page.items) {
          const key = keyOf(raw);
          if (key) seen.set(key, raw);
        }
        token = page.continueToken;
        version = page.resourceVersion;
      } while (token);
      this.replaceAll(seen);
      this.resourceVersion = version;
      this.state.synced = true;
      this.state.lastSyncAt = this.now();
      this.state.relists += 1;
      // The list is fresh, so the error is cleared. Backoff and the episode end when a watch works.
      this.state.error = null;
      this.options.onSync?.();
      await this.startWatch(generation);
    } catch (error) {
      if (generation === this.generation) this.fail(error);
    }
  }

  private replaceAll(raws: Map<string, unknown>): void {
    for (const [key, previous] of this.items) {
      if (!raws.has(key)) {
        this.items.delete(key);
        this.options.onChange?.("DELETED", null, previous, true);
      }
    }
    // Keys still malformed stay in the map, so a relist does not log them again.
    for (const key of this.malformedKeys.keys()) {
      if (!raws.has(key)) this.malformedKeys.delete(key);
    }
    for (const [key, raw] of raws) this.apply(key, raw, true);
  }

  /** Parses and stores one object; a malformed one is skipped, counted and logged once. */
  private apply(key: string, raw: unknown, resync: boolean): void {
    const parsed = this.options.parse(raw);
    const previous = this.items.get(key) ?? null;
    if (!parsed.ok) {
      if (!this.malformedKeys.has(key)) {
        logger.warn(
          { resource: this.options.resource, name: key, error: parsed.error },
          "skipped a malformed object",
        );
      }
      this.malformedKeys.set(key, parsed.error);
      return;
    }
    this.malformedKeys.delete(key);
    if (this.options.keep && !this.options.keep(parsed.value)) {
      if (previous) this.remove(key);
      return;
    }
    this.items.set(key, parsed.value);
    this.options.onChange?.(previous ? "MODIFIED" : "ADDED", parsed.value, previous, resync);
  }

  private remove(key: string): void {
    this.malformedKeys.delete(key);
    const previous = this.items.get(key);
    if (!previous) return;
    this.items.delete(key);
    this.options.onChange?.("DELETED", null, previous, false);
  }

  private async startWatch(generation: number): Promise<void> {
    const query: Record<string, string> = {
      ...this.options.query,
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: "true",
      timeoutSeconds: String(this.options.watchTimeoutSeconds ?? WATCH_TIMEOUT_SECONDS),
    };
    this.armIdleTimer(generation);
    const handle = await this.options.transport.watch(
      this.options.path,
      query,
      (type, object) => {
        if (generation === this.generation) this.onWatchEvent(generation, type, object);
      },
      (error) => {
        if (generation === this.generation) this.onWatchDone(error);
      },
    );
    if (generation !== this.generation) handle.abort();
    else this.watch = handle;
  }

  private onWatchEvent(generation: number, type: WatchEventType, object: unknown): void {
    this.touch();
    this.armIdleTimer(generation);
    if (type === "ERROR") {
      const status = (object as { code?: unknown } | null)?.code;
      const message = (object as { message?: unknown } | null)?.message;
      this.watch?.abort();
      if (status === 410) {
        logger.info({ resource: this.options.resource }, "watch expired (410 Gone), relisting");
        void this.relist();
      } else {
        this.fail({ status, message: typeof message === "string" ? message : "watch error" });
      }
      return;
    }
    this.confirmHealthy();
    const version = resourceVersionOf(object);
    if (version) this.resourceVersion = version;
    if (type === "BOOKMARK") return;
    const key = keyOf(object);
    if (!key) return;
    if (type === "DELETED") this.remove(key);
    else this.apply(key, object, false);
  }

  private onWatchDone(error: unknown): void {
    this.watch = null;
    if (this.stopped) return;
    if (error) return this.fail(error);
    // A clean end is normal (timeoutSeconds): resume from the last version seen.
    this.confirmHealthy();
    const generation = ++this.generation;
    void this.startWatch(generation).catch((failure: unknown) => this.fail(failure));
  }

  private armIdleTimer(generation: number): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const idle = this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.idleTimer = setTimeout(() => {
      if (generation !== this.generation || this.stopped) return;
      // fail() logs the timeout once per episode; this line would repeat on every restart.
      logger.debug(
        { resource: this.options.resource, idleMs: idle },
        "watch silent, restarting it",
      );
      this.watch?.abort();
      this.fail({ reason: "Timeout", message: `watch sent nothing for ${idle / 1000} s` });
    }, idle);
    this.idleTimer.unref?.();
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.generation += 1;
    this.watch?.abort();
    this.watch = null;
    const classified = classifyError(error, this.options.resource, this.now());
    const sameEpisode = this.episode?.kind === classified.kind;
    if (!sameEpisode) this.episode = { kind: classified.kind, since: classified.since };
    this.attempts += 1;
    this.state.error = {
      ...classified,
      since: this.episode?.since ?? classified.since,
      attempts: this.attempts,
    };
    if (!sameEpisode) {
      logger.error(
        { resource: this.options.resource, kind: classified.kind, status: classified.status },
        classified.message,
      );
    }
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** (this.attempts - 1));
    const delay = Math.max(
      (classified.retryAfterSeconds ?? 0) * 1000,
      exponential / 2 + Math.random() * (exponential / 2),
    );
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.relist(), delay);
    this.timer.unref?.();
  }

  /** Ends a failure episode once a watch delivers an event or ends cleanly. */
  private confirmHealthy(): void {
    if (this.episode) {
      logger.info(
        { resource: this.options.resource, kind: this.episode.kind, after: this.attempts },
        "recovered after errors",
      );
    }
    this.episode = null;
    this.attempts = 0;
  }
}
