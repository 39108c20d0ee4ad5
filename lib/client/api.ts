"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import type { Overview } from "@/lib/domain/overview";
import type { NodeSummary } from "@/lib/domain/pool";
import type { SubnetSummary, ZoneMisfit } from "@/lib/domain/subnets";
import type { Freshness, NodeDetail } from "@/lib/server/views";
import type { DriftFinding } from "@/lib/vpc/drift";
import type { VpcServiceStatus } from "@/lib/vpc/service";

/**
 * How often pages poll the dashboard server. The server answers from its in-memory cache, so
 * polling costs the cluster nothing; 5 s keeps a 3 a.m. view current without flicker.
 */
export const POLL_INTERVAL_MS = 5_000;

/** Forecasts change once per history sample (a minute), so lists refresh them less often. */
export const FORECAST_POLL_INTERVAL_MS = 30_000;

/** A failed dashboard API call, with the API's error code when the server sent one. */
export class DashboardApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "DashboardApiError";
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new DashboardApiError("The dashboard server cannot be reached.", null, "unreachable");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new DashboardApiError(
      error?.message ?? `Request failed with status ${response.status}.`,
      response.status,
      error?.code ?? null,
    );
  }
  return body as T;
}

export interface NodesResponse {
  items: NodeSummary[];
  freshness: Freshness;
}

export type OverviewResponse = Overview & { freshness: Freshness };
export type NodeDetailResponse = NodeDetail & { drift: DriftFinding[]; freshness: Freshness };

export interface SubnetsResponse {
  items: SubnetSummary[];
  zoneMisfits: ZoneMisfit[];
  vpc: VpcServiceStatus;
  freshness: Freshness;
}

export interface SubnetDetailResponse {
  subnet: SubnetSummary;
  drift: DriftFinding[];
  vpc: VpcServiceStatus;
  freshness: Freshness;
}

/** Polls an API path; on failure the last good data stays in `data`. */
export function usePolled<T>(key: readonly unknown[], url: string | null) {
  return useQuery({
    queryKey: key,
    queryFn: () => fetchJson<T>(url ?? ""),
    enabled: url !== null,
    refetchInterval: POLL_INTERVAL_MS,
    placeholderData: keepPreviousData,
    retry: (failures, error) =>
      failures < 2 && !(error instanceof DashboardApiError && error.status === 404),
  });
}

export const useNodes = () => usePolled<NodesResponse>(["nodes"], "/api/v1/nodes");
export const useOverview = () => usePolled<OverviewResponse>(["overview"], "/api/v1/overview");
export const useNode = (name: string) =>
  usePolled<NodeDetailResponse>(["node", name], `/api/v1/nodes/${encodeURIComponent(name)}`);
export const useSubnets = () => usePolled<SubnetsResponse>(["subnets"], "/api/v1/subnets");
export const useSubnet = (id: string) =>
  usePolled<SubnetDetailResponse>(["subnet", id], `/api/v1/subnets/${encodeURIComponent(id)}`);

export interface ForecastListItem {
  id: string;
  status: "exhausts" | "not-expected" | "insufficient-data" | "already-exhausted";
  exhaustsAt: number | null;
  low: number | null;
  high: number | null;
  computedAt: string;
}

/** Cached exhaustion forecasts of every subnet or node, to join into list pages. */
export function useForecastMap(kind: "subnet" | "node"): Map<string, ForecastListItem> {
  const query = useQuery({
    queryKey: ["forecasts", kind],
    queryFn: () => fetchJson<{ items: ForecastListItem[] }>(`/api/v1/forecasts?kind=${kind}`),
    refetchInterval: FORECAST_POLL_INTERVAL_MS,
    placeholderData: keepPreviousData,
  });
  return useMemo(
    () => new Map((query.data?.items ?? []).map((item) => [item.id, item])),
    [query.data],
  );
}
