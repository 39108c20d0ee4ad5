import { randomUUID } from "node:crypto";

import { resourceForKind } from "./resources";
import type { KubeObject, StoreEvent, WatchEventType } from "./types";

export const DEFAULT_HISTORY_WINDOW = 5000;

export interface ObjectStoreOptions {
  /** Number of write events kept for watch replay; default 5000. */
  historyWindow?: number;
  /** Source of metadata.uid for objects written without one; default crypto.randomUUID. */
  newUid?: () => string;
  /** Clock for creationTimestamp of objects written without one. */
  now?: () => Date;
}

export type StoreListener = (event: StoreEvent) => void;

function keyOf(name: string, namespace?: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * In-memory object store with one global resourceVersion counter, like etcd behind an API server.
 * Stored objects are treated as immutable: every write stores a new object, so the history and
 * open watches can keep references to old versions. Callers must not mutate returned objects.
 */
export class ObjectStore {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  private readonly historyWindow: number;
  private readonly newUid: () => string;
  private readonly now: () => Date;
  private currentVersion = 0;
  /** Newest resourceVersion whose event is no longer in the history. */
  private compactedVersion = 0;

  constructor(options: ObjectStoreOptions = {}) {
    this.historyWindow = options.historyWindow ?? DEFAULT_HISTORY_WINDOW;
    this.newUid = options.newUid ?? randomUUID;
    this.now = options.now ?? (() => new Date());
  }

  /** Current global resourceVersion as the decimal string clients see. */
  get resourceVersion(): string {
    return String(this.currentVersion);
  }

  get(resource: string, name: string, namespace?: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(keyOf(name, namespace));
  }

  /** Lists objects sorted by namespace/name, optionally only those in one namespace. */
  list(resource: string, namespace?: string): KubeObject[] {
    const byKey = this.objects.get(resource);
    if (!byKey) return [];
    let keys = this.sortedKeys.get(resource);
    if (!keys) {
      keys = [...byKey.keys()].sort();
      this.sortedKeys.set(resource, keys);
    }
    const items: KubeObject[] = [];
    for (const key of keys) {
      const obj = byKey.get(key);
      if (obj && (namespace === undefined || obj.metadata.namespace === namespace)) items.push(obj);
    }
    return items;
  }

  count(resource: string): number {
    return this.objects.get(resource)?.size ?? 0;
  }

  /** Writes an object (ADDED if new, else MODIFIED); the resource comes from its kind. */
  upsert(obj: KubeObject): KubeObject {
    const info = obj.kind ? resourceForKind(obj.kind) : undefined;
    if (!info) throw new Error(`cannot store object of unknown kind "${String(obj.kind)}"`);
    return this.write(info.resource, obj);
  }

  /** Applies `mutate` to a deep copy of a stored object and writes it; throws if absent. */
  update(
    resource: string,
    name: string,
    mutate: (obj: KubeObject) => void,
    namespace?: string,
  ): KubeObject {
    const existing = this.get(resource, name, namespace);
    if (!existing) throw new Error(`${resource} "${keyOf(name, namespace)}" not found`);
    const copy = structuredClone(existing);
    mutate(copy);
    return this.write(resource, copy);
  }

  remove(resource: string, name: string, namespace?: string): KubeObject | undefined {
    const byKey = this.objects.get(resource);
    const key = keyOf(name, namespace);
    const existing = byKey?.get(key);
    if (!byKey || !existing) return undefined;

    byKey.delete(key);
    this.sortedKeys.delete(resource);
    const version = ++this.currentVersion;
    const deleted = { ...existing, metadata: { ...existing.metadata } };
    deleted.metadata.resourceVersion = String(version);
    this.record({ type: "DELETED", resource, object: deleted, resourceVersion: version });
    return deleted;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Returns the events after `version`, or "expired" when some of them left the history. */
  eventsSince(version: number): StoreEvent[] | "expired" {
    if (version < this.compactedVersion) return "expired";
    return this.history.filter((event) => event.resourceVersion > version);
  }

  /** Tells whether a list or continue token taken at `version` can still be served. */
  isExpired(version: number): boolean {
    return version < this.compactedVersion;
  }

  /**
   * Drops all history and advances the resourceVersion by one, so watches and continue tokens
   * from any version taken before the call get 410 Gone, while a fresh list can be watched.
   */
  compact(): void {
    this.history.length = 0;
    this.currentVersion++;
    this.compactedVersion = this.currentVersion;
  }

  private write(resource: string, obj: KubeObject): KubeObject {
    let byKey = this.objects.get(resource);
    if (!byKey) {
      byKey = new Map();
      this.objects.set(resource, byKey);
    }
    const key = keyOf(obj.metadata.name, obj.metadata.namespace);
    const previous = byKey.get(key);
    const version = ++this.currentVersion;
    const stored: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    stored.metadata.resourceVersion = String(version);
    stored.metadata.uid ??= previous?.metadata.uid ?? this.newUid();
    stored.metadata.creationTimestamp ??=
      previous?.metadata.creationTimestamp ?? toKubeTime(this.now());

    byKey.set(key, stored);
    if (!previous) this.sortedKeys.delete(resource);
    const type: WatchEventType = previous ? "MODIFIED" : "ADDED";
    this.record({ type, resource, object: stored, previous, resourceVersion: version });
    return stored;
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    while (this.history.length > this.historyWindow) {
      const dropped = this.history.shift();
      if (dropped) this.compactedVersion = dropped.resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
  }
}

/** Formats a time the way Kubernetes serialises metav1.Time (seconds, UTC, Z). */
export function toKubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
