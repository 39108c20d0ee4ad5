import "server-only";

import type { EniRecord } from "@/lib/domain/records";
import type { ClusterCache } from "@/lib/kube/cache";
import type { ClusterEni } from "@/lib/vpc/cluster-eni";
import { computeDrift, type DriftFinding } from "@/lib/vpc/drift";
import { collectVpcView } from "@/lib/vpc/drift-view";
import { getVpcService, type VpcService, type VpcServiceStatus } from "@/lib/vpc/service";

import { logger } from "./log";

/** Pause between two passes over the subnets and ENIs; the request budget still caps reads. */
const SYNC_PAUSE_MS = 5_000;

export interface DriftReport {
  findings: DriftFinding[];
  /** When the last complete pass finished (ISO). */
  checkedAt: string;
  enisChecked: number;
  /** Age of the oldest VPC figure the pass used, in seconds. */
  oldestFigureAgeSeconds: number | null;
}

export interface VpcState {
  status: VpcServiceStatus;
  /** Free IPs per subnet id as the VPC reports them. */
  subnetFree: Map<string, { value: number; observedAt: string }>;
  drift: DriftReport | null;
}

function toClusterEni(eni: EniRecord): ClusterEni {
  const v4 = eni.ipv4;
  return {
    id: eni.id,
    node: eni.node,
    instanceId: eni.instanceId ?? "",
    type: eni.type,
    useMode: eni.useMode,
    vpcStatus: eni.vpcStatus,
    ips: v4.map((ip) => ip.address),
    primaryIp: v4.find((ip) => ip.primary)?.address,
    subnetId: eni.subnetId ?? "",
    macAddress: eni.macAddress ?? "",
    vpcId: eni.vpcId ?? "",
    zoneName: eni.zoneName ?? "",
    name: eni.name,
  };
}

/**
 * Keeps VPC figures for the pages: free IPs of every subnet the cluster records, and drift between
 * ENI objects and the VPC. Reads go through the service's shared budget, so however many pages
 * are open, each figure is requested at most once per refresh interval.
 */
class VpcSync {
  readonly subnetFree = new Map<string, { value: number; observedAt: string }>();
  drift: DriftReport | null = null;
  private running = false;

  constructor(
    private readonly service: VpcService,
    private readonly cache: ClusterCache,
  ) {}

  start(): void {
    if (this.running || !this.service.status().enabled) return;
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        if (this.cache.ready()) {
          await this.syncSubnets();
          await this.syncDrift();
        }
      } catch (error) {
        logger.error({ component: "vpc", err: error }, "VPC sync pass failed");
      }
      await new Promise((resolve) => setTimeout(resolve, SYNC_PAUSE_MS).unref?.());
    }
  }

  private subnetIds(): Set<string> {
    const ids = new Set(this.cache.subnets.items.keys());
    for (const eni of this.cache.enis.items.values()) if (eni.subnetId) ids.add(eni.subnetId);
    return ids;
  }

  private async syncSubnets(): Promise<void> {
    for (const id of this.subnetIds()) {
      const figure = await this.service.subnet(id);
      const available = figure.value?.availableIp;
      if (available !== undefined && figure.fetchedAt !== null) {
        this.subnetFree.set(id, {
          value: available,
          observedAt: new Date(figure.fetchedAt).toISOString(),
        });
      }
    }
  }

  private async syncDrift(): Promise<void> {
    const enis = [...this.cache.enis.items.values()].map(toClusterEni);
    const internalIps = new Set(this.cache.nodes.items.keys());
    const collected = await collectVpcView(this.service, enis, internalIps);
    this.drift = {
      findings: computeDrift({ enis }, collected.view),
      checkedAt: new Date().toISOString(),
      enisChecked: enis.length,
      oldestFigureAgeSeconds:
        collected.oldestAgeMs === null ? null : Math.round(collected.oldestAgeMs / 1000),
    };
  }
}

const GLOBAL_KEY = Symbol.for("cce-dashboard.vpc-sync");
type GlobalWithSync = typeof globalThis & { [GLOBAL_KEY]?: VpcSync };

/** Starts the background VPC reads once per process; a no-op when the VPC part is off. */
export function startVpcSync(cache: ClusterCache): void {
  const holder = globalThis as GlobalWithSync;
  if (holder[GLOBAL_KEY]) return;
  const sync = new VpcSync(getVpcService(), cache);
  holder[GLOBAL_KEY] = sync;
  sync.start();
}

export function vpcState(): VpcState {
  const sync = (globalThis as GlobalWithSync)[GLOBAL_KEY];
  return {
    status: getVpcService().status(),
    subnetFree: sync?.subnetFree ?? new Map(),
    drift: sync?.drift ?? null,
  };
}
