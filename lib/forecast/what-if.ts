import { forecast } from "./engine";
import type { Forecast, Point } from "./types";

export interface WhatIfInput {
  /**
   * Existing nodes on the subnet: ceiling (most pod IPs the node can hold) and used, the IPs it
   * has already taken from the subnet (the dashboard passes the node's pool size).
   */
  nodes: { ceiling: number; used: number }[];
  /** Nodes to add. */
  addNodes: number;
  /** Ceiling of each added node. */
  ceilingPerNode: number;
  /** Free IPs in the subnet now (VPC availableIp). */
  freeIps: number;
  /** Used IPs in the subnet over time. */
  series: Point[];
  /** Usable IPs in the subnet. */
  capacity: number;
}

export interface WhatIfResult {
  /** Sum of ceilings over existing and added nodes: IPs the nodes could hold at most. */
  need: number;
  /** `need` plus one primary IP per node, which also comes out of the subnet. */
  needWithPrimaries: number;
  /** IPs the nodes can still claim: sum of headroom (ceiling - used), added nodes in full. */
  claimable: number;
  /** Claimable IPs the subnet cannot supply: max(0, claimable - freeIps). */
  shortfall: number;
  forecastBefore: Forecast;
  forecastAfter: Forecast;
}

/**
 * Computes the n × c demand of a node pool and forecasts exhaustion before and after adding
 * nodes. The "after" forecast assumes each added node takes its primary IP plus as many pod
 * IPs as an existing node uses on average (capped at its ceiling) right away, and that the
 * growth trend stays as it is.
 */
export function whatIf(args: WhatIfInput): WhatIfResult {
  const { nodes, ceilingPerNode, freeIps, series, capacity } = args;
  const addNodes = Math.max(0, Math.floor(args.addNodes));

  const need = sum(nodes.map((n) => n.ceiling)) + addNodes * ceilingPerNode;
  const needWithPrimaries = need + nodes.length + addNodes;
  const headroom = sum(nodes.map((n) => Math.max(0, n.ceiling - n.used)));
  const claimable = headroom + addNodes * ceilingPerNode;
  const shortfall = Math.max(0, claimable - freeIps);

  const meanUsed = nodes.length > 0 ? sum(nodes.map((n) => n.used)) / nodes.length : 0;
  const addedUse = addNodes * (1 + Math.min(ceilingPerNode, meanUsed));
  const forecastBefore = forecast({ series, capacity });
  const remaining = capacity - addedUse;
  let forecastAfter = forecastBefore;
  if (addNodes > 0 && remaining > 0) forecastAfter = forecast({ series, capacity: remaining });
  if (addNodes > 0 && remaining <= 0) forecastAfter = tooManyNodes(addNodes, addedUse, capacity);

  return { need, needWithPrimaries, claimable, shortfall, forecastBefore, forecastAfter };
}

function tooManyNodes(addNodes: number, addedUse: number, capacity: number): Forecast {
  const reason =
    `Adding ${addNodes} nodes would take about ${Math.round(addedUse)} IPs at once, ` +
    `which is more than the subnet's ${capacity} IPs.`;
  return {
    status: "already-exhausted",
    method: "none",
    exhaustsAt: null,
    low: null,
    high: null,
    reason,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, x) => total + x, 0);
}
