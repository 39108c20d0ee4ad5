"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef } from "react";

import { formatCount, formatDuration } from "@/components/format";
import { UtilisationBar } from "@/components/utilisation-bar";
import type { NodeQuery, NodeRow, SortKey } from "@/lib/domain/node-query";

const ROW_HEIGHT_PX = 36;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Node" },
  { key: "instanceId", label: "Instance" },
  { key: "instanceType", label: "Type" },
  { key: "zone", label: "Zone" },
  { key: "useMode", label: "Mode" },
  { key: "poolSize", label: "Pool", numeric: true },
  { key: "used", label: "Used", numeric: true },
  { key: "free", label: "Free", numeric: true },
  { key: "ceiling", label: "Ceiling", numeric: true },
  { key: "headroom", label: "Headroom", numeric: true },
  { key: "utilisation", label: "Used of ceiling" },
  { key: "exhaustsAt", label: "Reaches ceiling" },
];

function SortHeader({
  column,
  query,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  query: NodeQuery;
  onSort: (key: SortKey) => void;
}) {
  const active = query.sort === column.key;
  const ascending = query.dir === "asc";
  let ariaSort: "ascending" | "descending" | "none" = "none";
  if (active) ariaSort = ascending ? "ascending" : "descending";
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={`sticky top-0 z-10 bg-slate-100 px-2 py-2 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300 ${column.numeric ? "text-right" : "text-left"}`}
    >
      <button type="button" className="hover:underline" onClick={() => onSort(column.key)}>
        {column.label}
        {active && (ascending ? " ▲" : " ▼")}
      </button>
    </th>
  );
}

function formatExhaustion(at: number | null | undefined, now: number): string {
  if (at === null || at === undefined) return "–";
  if (at <= now) return "now";
  return `in ${formatDuration((at - now) / 1000)}`;
}

function NodeTableRow({ node, now }: { node: NodeRow; now: number }) {
  return (
    <tr
      className="border-t border-slate-100 dark:border-slate-800"
      style={{ height: ROW_HEIGHT_PX }}
    >
      <td className="px-2 font-mono">
        <Link
          className="text-sky-700 hover:underline dark:text-sky-400"
          href={`/nodes/${encodeURIComponent(node.name)}`}
        >
          {node.name}
        </Link>
      </td>
      <td className="px-2 font-mono text-xs">{node.instanceId ?? "–"}</td>
      <td className="px-2">{node.instanceType ?? "–"}</td>
      <td className="px-2">{node.zone ?? "–"}</td>
      <td className="px-2 text-xs">{node.useMode ?? "–"}</td>
      <td className="px-2 text-right">{formatCount(node.poolSize)}</td>
      <td className="px-2 text-right">{formatCount(node.used)}</td>
      <td className="px-2 text-right">{formatCount(node.free)}</td>
      <td className="px-2 text-right">{formatCount(node.ceiling)}</td>
      <td
        className={`px-2 text-right ${node.headroom <= 0 && node.ceiling > 0 ? "font-semibold text-red-600" : ""}`}
      >
        {formatCount(node.headroom)}
      </td>
      <td className="px-2">
        <UtilisationBar used={node.used} ceiling={node.ceiling} />
      </td>
      <td className="px-2 text-xs whitespace-nowrap">{formatExhaustion(node.exhaustsAt, now)}</td>
    </tr>
  );
}

/** Renders the nodes table. Only rows in view are rendered, so 5,000 nodes scroll smoothly. */
export function NodesTable({
  nodes,
  query,
  onSort,
}: {
  nodes: NodeRow[];
  query: NodeQuery;
  onSort: (key: SortKey) => void;
}) {
  const now = Date.now();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used as documented
  const virtualizer = useVirtualizer({
    count: nodes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div
      ref={scrollRef}
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="tabular w-full text-sm" aria-rowcount={nodes.length + 1}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.key} column={column} query={query} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
          {items.map((item) => {
            const node = nodes[item.index];
            return node ? <NodeTableRow key={node.name} node={node} now={now} /> : null;
          })}
          {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
