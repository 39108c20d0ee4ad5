"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";

import { PageQuery } from "@/components/page-query";
import { EmptyState } from "@/components/states";
import { useForecastMap, useNodes } from "@/lib/client/api";
import {
  applyNodeQuery,
  distinctValues,
  type NodeQuery,
  nodeQueryToSearch,
  type NodeRow,
  parseNodeQuery,
  type SortKey,
} from "@/lib/domain/node-query";
import type { NodeSummary } from "@/lib/domain/pool";

import { NodesTable } from "./nodes-table";
import { NodesToolbar } from "./nodes-toolbar";

function NodesContent({
  nodes: summaries,
  query,
  setQuery,
}: {
  nodes: NodeSummary[];
  query: NodeQuery;
  setQuery: (next: NodeQuery) => void;
}) {
  const forecasts = useForecastMap("node");
  const nodes: NodeRow[] = useMemo(
    () =>
      summaries.map((node) => ({
        ...node,
        exhaustsAt: forecasts.get(node.name)?.exhaustsAt ?? null,
      })),
    [summaries, forecasts],
  );
  const options = useMemo(
    () => ({
      types: distinctValues(nodes, "instanceType"),
      zones: distinctValues(nodes, "zone"),
      modes: distinctValues(nodes, "useMode"),
    }),
    [nodes],
  );
  const shown = useMemo(() => applyNodeQuery(nodes, query), [nodes, query]);
  const onSort = (key: SortKey) =>
    setQuery({
      ...query,
      sort: key,
      dir: query.sort === key && query.dir === "asc" ? "desc" : "asc",
    });

  return (
    <div className="space-y-3">
      <NodesToolbar
        query={query}
        options={options}
        onChange={setQuery}
        shown={shown.length}
        total={nodes.length}
      />
      {nodes.length === 0 ? (
        <EmptyState title="No NetResourceSets in this cluster" />
      ) : shown.length === 0 ? (
        <EmptyState title="No node matches these filters">
          Clear a filter to see more nodes.
        </EmptyState>
      ) : (
        <NodesTable nodes={shown} query={query} onSort={onSort} />
      )}
    </div>
  );
}

export function NodesView() {
  const pathname = usePathname();
  const params = useSearchParams();
  // Local state follows keystrokes at once, and the URL follows it so a link reproduces the view.
  const [query, setLocalQuery] = useState(() => parseNodeQuery(params));
  const search = params.toString();
  const [seenSearch, setSeenSearch] = useState(search);
  if (search !== seenSearch) {
    // The URL changed: follow it unless the change is our own echo (a link or back button).
    setSeenSearch(search);
    if (search !== nodeQueryToSearch(query)) setLocalQuery(parseNodeQuery(params));
  }
  const setQuery = (next: NodeQuery) => {
    setLocalQuery(next);
    const search = nodeQueryToSearch(next);
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };
  const nodesQuery = useNodes();

  return (
    <PageQuery query={nodesQuery} what="nodes">
      {(data) => <NodesContent nodes={data.items} query={query} setQuery={setQuery} />}
    </PageQuery>
  );
}
