import "server-only";

import {
  type ChangeDraft,
  changelogDrafts,
  type ChangeQuery,
  type ChangeStore,
  diffEni,
  diffNode,
  eventDraft,
} from "@/lib/domain/feed";
import type { EventRecord, StatusChange } from "@/lib/domain/records";
import { observedTransitions } from "@/lib/domain/timeline";
import type { CacheChange, ClusterCache } from "@/lib/kube/cache";

import { logger } from "./log";
import { historyChangeStore } from "./sampler";

/** Maximum number of watch-observed transitions kept per ENI. The oldest are dropped first. */
export const OBSERVED_PER_ENI = 100;
/** Maximum number of ENIs whose observed transitions are kept. The least recently changed go first. */
export const OBSERVED_ENI_LIMIT = 50_000;

export interface FeedState {
  store: ChangeStore;
  /** ENI id to transitions seen by watch, oldest first, bounded by OBSERVED_PER_ENI. */
  observed: Map<string, StatusChange[]>;
  seeded: boolean;
}

const GLOBAL_KEY = Symbol.for("cce-dashboard.change-feed");
type GlobalWithFeeds = typeof globalThis & { [GLOBAL_KEY]?: WeakMap<ClusterCache, FeedState> };

function feeds(): WeakMap<ClusterCache, FeedState> {
  const holder = globalThis as GlobalWithFeeds;
  holder[GLOBAL_KEY] ??= new WeakMap();
  return holder[GLOBAL_KEY];
}

function remember(state: FeedState, eni: string, changes: StatusChange[]): void {
  if (changes.length === 0) return;
  const list = state.observed.get(eni) ?? [];
  state.observed.delete(eni);
  list.push(...changes);
  if (list.length > OBSERVED_PER_ENI) list.splice(0, list.length - OBSERVED_PER_ENI);
  state.observed.set(eni, list);
  if (state.observed.size > OBSERVED_ENI_LIMIT) {
    const oldest = state.observed.keys().next().value;
    if (oldest !== undefined) state.observed.delete(oldest);
  }
}

function podNode(cache: ClusterCache) {
  return (pod: string) => cache.pods.items.get(pod)?.nodeName ?? null;
}

/** A new occurrence of an event shows as a later lastTime or a higher count. */
function isNewOccurrence(next: EventRecord, previous: EventRecord | null): boolean {
  return !previous || previous.lastTime !== next.lastTime || previous.count !== next.count;
}

function draftsFor(cache: ClusterCache, state: FeedState, change: CacheChange): ChangeDraft[] {
  const time = new Date().toISOString();
  if (change.kind === "node") return diffNode(change.previous, change.next, time);
  if (change.kind === "eni") {
    if (change.previous && change.next) {
      remember(state, change.next.id, observedTransitions(change.previous, change.next, time));
    }
    return diffEni(change.previous, change.next, time);
  }
  if (!change.next || !isNewOccurrence(change.next, change.previous)) return [];
  const draft = eventDraft(change.next, podNode(cache));
  return draft ? [draft] : [];
}

/** Seeds the feed with the ENI changelogs and events the cache listed before the watch began. */
function seed(cache: ClusterCache, state: FeedState): void {
  if (state.seeded || !cache.ready()) return;
  state.seeded = true;
  const drafts: ChangeDraft[] = [];
  for (const eni of cache.enis.items.values()) drafts.push(...changelogDrafts(eni));
  const nodeOf = podNode(cache);
  for (const event of cache.events.items.values()) {
    const draft = eventDraft(event, nodeOf);
    if (draft) drafts.push(draft);
  }
  state.store.append(drafts);
  logger.info({ entries: state.store.size() }, "change feed seeded from changelogs and events");
}

/**
 * Returns the feed of a cache, subscribing to its watch changes on first use. Call it early
 * (instrumentation) so transitions are observed before anyone opens a page.
 */
export function ensureFeed(cache: ClusterCache): FeedState {
  const existing = feeds().get(cache);
  if (existing) {
    seed(cache, existing);
    return existing;
  }
  // The change feed lives in the history file when there is one, so it survives restarts.
  const state: FeedState = { store: historyChangeStore(), observed: new Map(), seeded: false };
  feeds().set(cache, state);
  cache.subscribe((change) => {
    seed(cache, state);
    state.store.append(draftsFor(cache, state, change));
  });
  seed(cache, state);
  return state;
}

export function queryChanges(cache: ClusterCache, query: ChangeQuery) {
  return ensureFeed(cache).store.query(query);
}

/** Transitions of one ENI observed by watch since the feed started. */
export function observedFor(cache: ClusterCache, eni: string): StatusChange[] {
  return ensureFeed(cache).observed.get(eni) ?? [];
}
