import type { NodeSummary } from "./pool";

export interface Totals {
  nodes: number;
  pool: number;
  used: number;
  free: number;
  releasing: number;
  ceiling: number;
  headroom: number;
}

export interface Breakdown extends Totals {
  key: string;
}

export interface Overview {
  totals: Totals;
  /** Nodes whose used IPs reached 90 % of their ceiling, fullest first. */
  nearCeiling: NodeSummary[];
  atCeiling: number;
  byInstanceType: Breakdown[];
  byZone: Breakdown[];
}

function emptyTotals(): Totals {
  return { nodes: 0, pool: 0, used: 0, free: 0, releasing: 0, ceiling: 0, headroom: 0 };
}

function add(totals: Totals, node: NodeSummary): void {
  totals.nodes += 1;
  totals.pool += node.poolSize;
  totals.used += node.used;
  totals.free += node.free;
  totals.releasing += node.releasing;
  totals.ceiling += node.ceiling;
  totals.headroom += Math.max(0, node.headroom);
}

function breakdown(
  nodes: readonly NodeSummary[],
  keyOf: (node: NodeSummary) => string,
): Breakdown[] {
  const groups = new Map<string, Totals>();
  for (const node of nodes) {
    const key = keyOf(node);
    const totals = groups.get(key) ?? emptyTotals();
    add(totals, node);
    groups.set(key, totals);
  }
  return [...groups]
    .map(([key, totals]) => ({ key, ...totals }))
    .sort((a, b) => b.nodes - a.nodes || a.key.localeCompare(b.key));
}

/** Aggregates node summaries for the overview page. Headroom totals ignore nodes over ceiling. */
export function summarizeCluster(nodes: readonly NodeSummary[]): Overview {
  const totals = emptyTotals();
  for (const node of nodes) add(totals, node);
  const nearCeiling = nodes
    .filter((node) => node.nearCeiling)
    .sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0) || a.name.localeCompare(b.name));
  return {
    totals,
    nearCeiling,
    atCeiling: nodes.filter((node) => node.ceiling > 0 && node.used >= node.ceiling).length,
    byInstanceType: breakdown(nodes, (node) => node.instanceType ?? "unknown"),
    byZone: breakdown(nodes, (node) => node.zone ?? "unknown"),
  };
}
