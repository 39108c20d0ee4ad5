import "server-only";

import type { NodeRecord } from "@/lib/domain/records";
import {
  type SubnetInputs,
  type SubnetSummary,
  summarizeSubnets,
  type ZoneMisfit,
  zoneMisfits,
} from "@/lib/domain/subnets";
import type { ClusterCache } from "@/lib/kube/cache";

import { clusterView } from "./views";

export interface SubnetView {
  version: number;
  subnets: SubnetSummary[];
  misfits: ZoneMisfit[];
}

const views = new WeakMap<ClusterCache, { key: string; view: SubnetView }>();

/**
 * Returns per-subnet capacity for the cache's current version. `vpcFree` carries free-IP figures
 * from the VPC API when that part is on; the view is rebuilt when either input changes.
 */
export function subnetView(cache: ClusterCache, vpcFree?: SubnetInputs["vpcFree"]): SubnetView {
  const key = `${cache.version}:${vpcFree ? [...vpcFree].map(([id, f]) => `${id}=${f.value}@${f.observedAt}`).join(",") : ""}`;
  const cached = views.get(cache);
  if (cached?.key === key) return cached.view;

  const cluster = clusterView(cache);
  const nodes: NodeRecord[] = [...cache.nodes.items.values()];
  const subnets = [...cache.subnets.items.values()];
  const view: SubnetView = {
    version: cache.version,
    subnets: summarizeSubnets({
      subnets,
      nodes,
      summaries: cluster.summaryByName,
      enisByNode: cluster.enisByNode,
      vpcFree,
    }),
    misfits: zoneMisfits(nodes, subnets),
  };
  views.set(cache, { key, view });
  return view;
}
