/**
 * The nodes page's filter and sort, kept in the URL so a link reproduces the view. Parsing is
 * lenient: an unknown sort key or direction falls back to the default instead of failing.
 */
import { compareNatural } from "./collate";
import type { NodeSummary } from "./pool";

export const SORT_KEYS = [
  "name",
  "instanceId",
  "instanceType",
  "zone",
  "useMode",
  "poolSize",
  "used",
  "free",
  "ceiling",
  "headroom",
  "utilisation",
  "exhaustsAt",
] as const;

export type SortKey = (typeof SORT_KEYS)[number];

/** A node summary with its forecast time to reach the ceiling (epoch ms), when known. */
export type NodeRow = NodeSummary & { exhaustsAt?: number | null };
export type SortDirection = "asc" | "desc";

export interface NodeQuery {
  /** Text matched against name, instance id, type, zone and subnet ids. */
  text: string;
  type: string | null;
  zone: string | null;
  mode: string | null;
  nearCeiling: boolean;
  sort: SortKey;
  dir: SortDirection;
}

export const DEFAULT_NODE_QUERY: NodeQuery = {
  text: "",
  type: null,
  zone: null,
  mode: null,
  nearCeiling: false,
  sort: "name",
  dir: "asc",
};

interface ParamSource {
  get(name: string): string | null;
}

export function parseNodeQuery(params: ParamSource): NodeQuery {
  const sort = params.get("sort");
  const dir = params.get("dir");
  return {
    text: params.get("q")?.trim() ?? "",
    type: params.get("type") || null,
    zone: params.get("zone") || null,
    mode: params.get("mode") || null,
    nearCeiling: params.get("near") === "1",
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : DEFAULT_NODE_QUERY.sort,
    dir: dir === "desc" ? "desc" : "asc",
  };
}

/** Serializes a query, leaving out defaults so URLs stay short. */
export function nodeQueryToSearch(query: NodeQuery): string {
  const params = new URLSearchParams();
  if (query.text) params.set("q", query.text);
  if (query.type) params.set("type", query.type);
  if (query.zone) params.set("zone", query.zone);
  if (query.mode) params.set("mode", query.mode);
  if (query.nearCeiling) params.set("near", "1");
  if (query.sort !== DEFAULT_NODE_QUERY.sort) params.set("sort", query.sort);
  if (query.dir !== DEFAULT_NODE_QUERY.dir) params.set("dir", query.dir);
  return params.toString();
}

function matchesText(node: NodeRow, needle: string): boolean {
  const haystack = [
    node.name,
    node.instanceId,
    node.instanceType,
    node.zone,
    node.useMode,
    ...node.subnetIds,
  ];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}

/** Compares two rows on one key; rows without a value go last in either direction. */
function compare(a: NodeRow, b: NodeRow, key: SortKey, sign: 1 | -1): number {
  const left = a[key];
  const right = b[key];
  if (left === right) return 0;
  if (left === null || left === undefined) return 1;
  if (right === null || right === undefined) return -1;
  if (typeof left === "number" && typeof right === "number") return sign * (left - right);
  return sign * compareNatural(String(left), String(right));
}

export function applyNodeQuery<T extends NodeRow>(nodes: readonly T[], query: NodeQuery): T[] {
  const needle = query.text.toLowerCase();
  const filtered = nodes.filter(
    (node) =>
      (!query.type || node.instanceType === query.type) &&
      (!query.zone || node.zone === query.zone) &&
      (!query.mode || node.useMode === query.mode) &&
      (!query.nearCeiling || node.nearCeiling) &&
      (!needle || matchesText(node, needle)),
  );
  const sign = query.dir === "asc" ? 1 : -1;
  return filtered.sort((a, b) => compare(a, b, query.sort, sign) || compareNatural(a.name, b.name));
}

/** Distinct values of a field, for filter menus. */
export function distinctValues(
  nodes: readonly NodeSummary[],
  key: "instanceType" | "zone" | "useMode",
): string[] {
  const values = new Set<string>();
  for (const node of nodes) {
    const value = node[key];
    if (value) values.add(value);
  }
  return [...values].sort();
}
