"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import type { Freshness } from "@/lib/server/views";

import { DataStatus } from "./data-status";
import { ErrorState, LoadingState } from "./states";

/**
 * The loading, error and stale states shared by every polled page: first load shows a spinner,
 * a failure before any data shows the error, and later failures keep the data under a banner.
 */
export function PageQuery<T extends { freshness: Freshness }>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data === undefined) {
    if (query.isError) {
      return <ErrorState title={`Cannot load ${what}`} message={query.error.message} />;
    }
    return <LoadingState label={`Loading ${what}…`} />;
  }
  return (
    <div className="space-y-6">
      <DataStatus
        freshness={query.data.freshness}
        fetchError={query.isError ? query.error : null}
        receivedAt={query.dataUpdatedAt}
      />
      {children(query.data)}
    </div>
  );
}
