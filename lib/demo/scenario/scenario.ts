import type { KubeObject } from "../kube/types";
import { planFleet, SUBNET_IDS, type SubnetSlot, subnetSlots } from "./fleet";
import { cidrRange } from "./ipv4";
import { buildMachine, type Machine } from "./machine";
import { eventObject, namespaceNames, namespaceObject, subnetObject } from "./objects";
import { plantedMachines } from "./planted";
import { orphanEni, shapePlantedEnis } from "./planted-enis";
import { plantedNodeEvents, plantedPodsAndEvents } from "./planted-pods";
import { Rng } from "./random";
import { upstreamCompanions, upstreamObjects } from "./upstream";

export interface ScenarioOptions {
  /** Seed of the generator; equal seeds (and `now`) give equal objects. Default 1. */
  seed?: number;
  /** Number of generated nodes besides the upstream and planted ones; default 64. */
  scale?: number;
  /** Reference time in ms since the epoch for ages and timestamps; default Date.now(). */
  now?: number;
}

/** Available addresses reported for the near-exhausted subnet, far below what its nodes can claim. */
const TIGHT_SUBNET_AVAILABLE = 6;

function subnets(slots: SubnetSlot[], rng: Rng, nowMs: number): KubeObject[] {
  return slots.map((slot) => {
    const { first, last } = cidrRange(slot.allocator.cidr);
    const usable = last - first - 1;
    // Other VPC tenants of the subnet and the planted addresses are not tracked by the allocator.
    const foreign = rng.int(40, 160);
    const available =
      slot.id === SUBNET_IDS.zoneFTight
        ? TIGHT_SUBNET_AVAILABLE
        : Math.max(0, usable - slot.allocator.allocated - foreign);
    return subnetObject({
      id: slot.id,
      cidr: slot.allocator.cidr,
      zone: slot.zone,
      availableIPNum: available,
      createdMs: nowMs - 400 * 24 * 3600_000,
      uid: rng.uuid(),
    });
  });
}

function normalEvents(rng: Rng, nowMs: number, machines: Machine[]): KubeObject[] {
  const count = Math.min(12, machines.length);
  return Array.from({ length: count }, () => {
    const { nrs } = rng.pick(machines);
    const reason = rng.pick(["CreateENISuccess", "AllocateIPsSuccess"]);
    const atMs = nowMs - rng.int(1, 50) * 60_000;
    return eventObject(
      {
        namespace: "default",
        involved: {
          kind: "NetResourceSet",
          name: nrs.metadata.name,
          uid: nrs.metadata.uid,
          apiVersion: "cce.baidubce.com/v2",
        },
        type: "Normal",
        reason,
        message:
          reason === "CreateENISuccess"
            ? "create ENI successfully"
            : `allocate ${rng.int(1, 10)} IPs successfully`,
        component: "cce-network-operator",
        firstMs: atMs,
        lastMs: atMs,
        count: 1,
      },
      rng,
    );
  });
}

/**
 * Builds the demo cluster's objects: the upstream BBC example, the planted faults (PLANTED) and
 * `scale` generated nodes with their NetResourceSets, ENIs and subnets.
 */
export function buildScenario(options: ScenarioOptions = {}): KubeObject[] {
  const rng = new Rng(options.seed ?? 1);
  const nowMs = options.now ?? Date.now();
  const slots = subnetSlots();
  const planted = plantedMachines(nowMs);
  const eniIds = new Set(planted.flatMap((plan) => plan.enis.map((eni) => eni.id)));
  const fleet = planFleet({ rng, nowMs, slots, eniIds, tightNodes: 0 }, options.scale ?? 64);

  const plantedBuilt = planted.map((plan) => buildMachine(plan, rng));
  const generated = fleet.map((plan) => buildMachine(plan, rng));
  const machines = [...plantedBuilt, ...generated];
  const enis = new Map(
    machines.flatMap((machine) => machine.enis.map((eni) => [eni.metadata.name, eni])),
  );
  shapePlantedEnis(enis, nowMs);

  const nodeCount = machines.length + 1;
  const nrsUids = new Map(
    machines.map((machine) => [machine.nrs.metadata.name, machine.nrs.metadata.uid ?? ""]),
  );
  const namespaces = namespaceNames().map((name) =>
    namespaceObject(name, rng.uuid(), nowMs - 400 * 24 * 3600_000),
  );
  return [
    ...namespaces,
    ...subnets(slots, rng, nowMs),
    ...upstreamObjects(),
    ...upstreamCompanions(nowMs),
    ...machines.flatMap((machine) => [machine.node, machine.nrs, ...machine.enis]),
    orphanEni(rng, nowMs),
    ...plantedPodsAndEvents(rng, nowMs, nodeCount),
    ...plantedNodeEvents(rng, nowMs, nrsUids),
    ...normalEvents(rng, nowMs, generated.length > 0 ? generated : machines),
  ];
}
