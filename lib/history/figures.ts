/** Turns the cache's view data into the figures one history sample records. Pure. */
import type { NodeSummary } from "@/lib/domain/pool";
import type { SubnetSummary } from "@/lib/domain/subnets";

import type { Sample, SeriesSample } from "./types";

/** Key of the single cluster series. */
export const CLUSTER_KEY = "cluster";

export function subnetFigures(subnet: SubnetSummary): SeriesSample {
  return {
    kind: "subnet",
    key: subnet.id,
    figures: {
      free: subnet.free?.value ?? null,
      used: subnet.usedIps,
      pool: subnet.poolIps,
      need: subnet.need,
      claimable: subnet.claimable,
    },
  };
}

export function nodeFigures(node: NodeSummary): SeriesSample {
  return {
    kind: "node",
    key: node.name,
    figures: { pool: node.poolSize, used: node.used, free: node.free, ceiling: node.ceiling },
  };
}

export function clusterFigures(nodes: readonly NodeSummary[]): SeriesSample {
  const figures = { pool: 0, used: 0, free: 0, ceiling: 0, nodes: nodes.length };
  for (const node of nodes) {
    figures.pool += node.poolSize;
    figures.used += node.used;
    figures.free += node.free;
    figures.ceiling += node.ceiling;
  }
  return { kind: "cluster", key: CLUSTER_KEY, figures };
}

export function buildSample(
  t: number,
  subnets: readonly SubnetSummary[],
  nodes: readonly NodeSummary[],
): Sample {
  return {
    t,
    series: [...subnets.map(subnetFigures), ...nodes.map(nodeFigures), clusterFigures(nodes)],
  };
}
