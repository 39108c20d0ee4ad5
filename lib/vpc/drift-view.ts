import "server-only";

import type { CachedFigure } from "./budget";
import type { ClusterEni } from "./cluster-eni";
import { isPrimaryWithSecondaryIp } from "./cluster-eni";
import type { VpcEni, VpcView } from "./drift";
import { toVpcEni } from "./drift";
import type { Eni } from "./schemas";
import type { VpcService } from "./service";

export interface CollectedVpcView {
  view: VpcView;
  /** Oldest age among the figures used, in ms; null when none had a value. */
  oldestAgeMs: number | null;
}

function isUnread(figure: CachedFigure<unknown>): boolean {
  return figure.value === undefined && figure.error?.kind !== "not-found";
}

/**
 * Reads the VPC side of the drift check through the service's cache: the ENI list of every
 * instance that has ENI objects, the vpcPort of BBC instances, and GET /v1/eni/{id} for ENI
 * objects missing from their instance's list. A BCC instance's main NIC is recognised by its
 * primary IP being one of `nodeInternalIps` and is marked primaryNic.
 */
export async function collectVpcView(
  service: VpcService,
  clusterEnis: readonly ClusterEni[],
  nodeInternalIps: ReadonlySet<string>,
): Promise<CollectedVpcView> {
  const figures: CachedFigure<unknown>[] = [];
  const enis = new Map<string, VpcEni>();
  const bbcPorts: Record<string, VpcEni> = {};
  const unreadEniIds: string[] = [];
  const clusterIds = new Set(clusterEnis.map((eni) => eni.id));
  const add = (eni: Eni) => {
    const primaryIp = eni.privateIpSet.find((ip) => ip.primary)?.privateIpAddress;
    const mainNic = !clusterIds.has(eni.eniId) && nodeInternalIps.has(primaryIp ?? "");
    enis.set(eni.eniId, toVpcEni(eni, mainNic));
  };

  const isBbcMain = (eni: ClusterEni) => eni.type === "bbc" && isPrimaryWithSecondaryIp(eni);
  const bbcInstances = new Set(clusterEnis.filter(isBbcMain).map((eni) => eni.instanceId));
  const unreadPorts = new Set<string>();
  const instances = new Set(clusterEnis.map((eni) => eni.instanceId).filter(Boolean));
  for (const instanceId of instances) {
    if (bbcInstances.has(instanceId)) {
      const port = await service.bbcPort(instanceId);
      figures.push(port);
      if (port.value) bbcPorts[instanceId] = toVpcEni(port.value);
      if (isUnread(port)) unreadPorts.add(instanceId);
      continue;
    }
    const list = await service.instanceEnis(instanceId);
    figures.push(list);
    list.value?.forEach(add);
  }

  for (const eni of clusterEnis) {
    if (enis.has(eni.id)) continue;
    if (isBbcMain(eni)) {
      if (unreadPorts.has(eni.instanceId)) unreadEniIds.push(eni.id);
      continue;
    }
    const single = await service.eni(eni.id);
    figures.push(single);
    if (single.value) add(single.value);
    else if (isUnread(single)) unreadEniIds.push(eni.id);
  }

  const ages = figures.flatMap((figure) => (figure.ageMs === null ? [] : [figure.ageMs]));
  return {
    view: { enis: [...enis.values()], bbcPorts, unreadEniIds },
    oldestAgeMs: ages.length > 0 ? Math.max(...ages) : null,
  };
}
