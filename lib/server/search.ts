import "server-only";

import { type SearchIndex, searchIndex, updateSearchIndex } from "@/lib/domain/search";
import type { ClusterCache } from "@/lib/kube/cache";

interface IndexMemo {
  version: number;
  index: SearchIndex;
}

const memos = new WeakMap<ClusterCache, IndexMemo>();

/**
 * Returns the search index for the cache's current version. A new version re-indexes only the
 * records the cache replaced, so the first query after a change stays fast.
 */
export function clusterSearchIndex(cache: ClusterCache): SearchIndex {
  const memo = memos.get(cache);
  if (memo && memo.version === cache.version) return memo.index;
  const version = cache.version;
  const index = updateSearchIndex(memo?.index ?? null, {
    nodes: cache.nodes.items.values(),
    enis: cache.enis.items.values(),
    subnets: cache.subnets.items.values(),
    pods: cache.pods.items.values(),
  });
  memos.set(cache, { version, index });
  return index;
}

export function searchCluster(cache: ClusterCache, query: string, limit?: number) {
  return searchIndex(clusterSearchIndex(cache), query, limit);
}
