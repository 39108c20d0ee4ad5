"use client";

import { usePolled } from "@/lib/client/api";
import type { ChangeEntry } from "@/lib/domain/feed";
import type { PendingGroup, PendingPod } from "@/lib/domain/pending";
import type { SearchResult } from "@/lib/domain/search";
import type { DecodedEvent, EniDetail, EniRow } from "@/lib/server/triage";
import type { Freshness } from "@/lib/server/views";

export interface EnisResponse {
  items: EniRow[];
  matched: number;
  counts: { total: number; unhealthy: number; critical: number; warning: number };
  freshness: Freshness;
}
export type EniDetailResponse = EniDetail & { freshness: Freshness };
export interface ChangesResponse {
  items: ChangeEntry[];
  matched: number;
  freshness: Freshness;
}
export interface PodsResponse {
  items: PendingPod[];
  groups: PendingGroup[];
  freshness: Freshness;
}
export interface EventsResponse {
  items: DecodedEvent[];
  freshness: Freshness;
}
export type SearchResponse = SearchResult;

export const useEnis = (search: string) =>
  usePolled<EnisResponse>(["enis", search], `/api/v1/enis${search ? `?${search}` : ""}`);
export const useEni = (id: string) =>
  usePolled<EniDetailResponse>(["eni", id], `/api/v1/enis/${encodeURIComponent(id)}`);
export const usePendingPods = (node?: string) =>
  usePolled<PodsResponse>(
    ["pods", node ?? ""],
    node ? `/api/v1/pods?node=${encodeURIComponent(node)}` : "/api/v1/pods",
  );
export const useEvents = (kind: string, name: string) =>
  usePolled<EventsResponse>(
    ["events", kind, name],
    `/api/v1/events?kind=${encodeURIComponent(kind)}&name=${encodeURIComponent(name)}`,
  );
