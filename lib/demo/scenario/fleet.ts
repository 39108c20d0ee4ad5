import { SubnetAllocator } from "./ipv4";
import type { EniPlan, InstanceType, MachinePlan } from "./machine";
import { type Zone, ZONE_D, ZONE_F } from "./objects";
import type { Rng } from "./random";

/** A subnet of the scenario with the allocator that hands out its generated addresses. */
export interface SubnetSlot {
  id: string;
  zone: Zone;
  allocator: SubnetAllocator;
  /** Host subnets carry node primary IPs and primary-NIC secondary IPs; ENI subnets carry BCC ENIs. */
  role: "host" | "eni";
}

export const SUBNET_IDS = {
  upstreamHost: "sbn-kx327kp355ni",
  zoneDHostOverflow: "sbn-d3host9x2kpl",
  zoneDEni: "sbn-d7eni3q9wz2x",
  zoneFHost: "sbn-f2host8k4mqa",
  zoneFEni: "sbn-f5eni6r1vt0y",
  zoneFTight: "sbn-f9tight3c7ne",
} as const;

/**
 * Lays out the subnets. Generated addresses start after a block kept for the fixed planted and
 * upstream addresses (10.0.17.x-10.0.19.x, 10.4.0.x, 10.16.0.x).
 */
export function subnetSlots(): SubnetSlot[] {
  const slot = (id: string, zone: Zone, role: SubnetSlot["role"], cidr: string, start: string) => ({
    id,
    zone,
    role,
    allocator: new SubnetAllocator(cidr, start),
  });
  return [
    slot(SUBNET_IDS.upstreamHost, ZONE_D, "host", "10.0.16.0/20", "10.0.20.1"),
    slot(SUBNET_IDS.zoneDHostOverflow, ZONE_D, "host", "10.32.0.0/13", "10.32.0.1"),
    slot(SUBNET_IDS.zoneDEni, ZONE_D, "eni", "10.4.0.0/14", "10.4.1.1"),
    slot(SUBNET_IDS.zoneFTight, ZONE_F, "host", "10.16.0.0/22", "10.16.1.1"),
    slot(SUBNET_IDS.zoneFHost, ZONE_F, "host", "10.8.0.0/14", "10.8.0.1"),
    slot(SUBNET_IDS.zoneFEni, ZONE_F, "eni", "10.12.0.0/14", "10.12.0.1"),
  ];
}

/** Number of generated zone-F primary-NIC nodes placed in the near-exhausted subnet. */
const TIGHT_SUBNET_NODES = 3;

export interface FleetContext {
  rng: Rng;
  nowMs: number;
  slots: SubnetSlot[];
  eniIds: Set<string>;
  tightNodes: number;
}

function uniqueEniId(ctx: FleetContext): string {
  for (;;) {
    const id = `eni-${ctx.rng.lowerAlnum(12)}`;
    if (!ctx.eniIds.has(id)) {
      ctx.eniIds.add(id);
      return id;
    }
  }
}

/** Picks the first subnet of the zone and role with room for `count` addresses. */
function slotFor(
  ctx: FleetContext,
  zone: Zone,
  role: SubnetSlot["role"],
  count: number,
): SubnetSlot {
  const candidates = ctx.slots.filter((slot) => slot.zone === zone && slot.role === role);
  const wantsTight =
    zone === ZONE_F && role === "host" && count > 1 && ctx.tightNodes < TIGHT_SUBNET_NODES;
  const usable = candidates.filter(
    (slot) =>
      slot.allocator.remaining() > count * 2 && (slot.id !== SUBNET_IDS.zoneFTight || wantsTight),
  );
  const chosen = usable[0];
  if (!chosen) throw new Error(`no ${role} subnet in ${zone.name} has ${count} free addresses`);
  if (chosen.id === SUBNET_IDS.zoneFTight) ctx.tightNodes++;
  return chosen;
}

function primaryNicPlan(
  ctx: FleetContext,
  type: InstanceType,
  zone: Zone,
  atCeiling: boolean,
): MachinePlan {
  const { rng } = ctx;
  const secondaries = atCeiling ? 39 : rng.int(4, 36);
  const host = slotFor(ctx, zone, "host", secondaries + 1);
  const [name = "", ...ips] = host.allocator.take(secondaries + 1);
  const createdMs = ctx.nowMs - rng.int(2, 180) * 24 * 3600_000;
  const eni: EniPlan = {
    id: uniqueEniId(ctx),
    subnetId: host.id,
    primaryIp: name,
    secondaryIps: ips,
    createdMs: createdMs + 40_000,
  };
  return {
    name,
    instanceId: `i-${rng.mixedAlnum(8)}`,
    type,
    zone,
    maxAllocateENI: type === "bbc" ? 1 : 0,
    maxIPsPerENI: 40,
    subnetIds: [host.id],
    enis: [eni],
    usedCount: atCeiling ? secondaries : Math.floor(secondaries * (0.4 + 0.55 * rng.next())),
    createdMs,
  };
}

function bccPlan(ctx: FleetContext, zone: Zone, atCeiling: boolean): MachinePlan {
  const { rng } = ctx;
  const maxAllocateENI = atCeiling ? 4 : rng.int(4, 8);
  const maxIPsPerENI = rng.pick([8, 16]);
  const eniCount = atCeiling ? maxAllocateENI : rng.int(1, 4);
  const name = slotFor(ctx, zone, "host", 1).allocator.next();
  const createdMs = ctx.nowMs - rng.int(1, 120) * 24 * 3600_000;
  const enis: EniPlan[] = [];
  for (let i = 0; i < eniCount; i++) {
    const secondaries = atCeiling ? maxIPsPerENI - 1 : rng.int(1, maxIPsPerENI - 1);
    const slot = slotFor(ctx, zone, "eni", secondaries + 1);
    const [primaryIp = "", ...secondaryIps] = slot.allocator.take(secondaries + 1);
    const eniCreated = createdMs + 60_000 + i * rng.int(60_000, 3 * 24 * 3600_000);
    enis.push({
      id: uniqueEniId(ctx),
      subnetId: slot.id,
      primaryIp,
      secondaryIps,
      createdMs: Math.min(eniCreated, ctx.nowMs - 3600_000),
    });
  }
  const poolSize = enis.reduce((sum, eni) => sum + eni.secondaryIps.length, 0);
  return {
    name,
    instanceId: `i-${rng.mixedAlnum(8)}`,
    type: "bcc",
    zone,
    maxAllocateENI,
    maxIPsPerENI,
    subnetIds: [...new Set(enis.map((eni) => eni.subnetId))],
    enis,
    usedCount: atCeiling ? poolSize : Math.floor(poolSize * (0.4 + 0.55 * rng.next())),
    createdMs,
  };
}

/** Plans `scale` generated machines: about 25% BBC, 15% EBC primary-NIC, 60% BCC, 5% at ceiling. */
export function planFleet(ctx: FleetContext, scale: number): MachinePlan[] {
  const plans: MachinePlan[] = [];
  for (let i = 0; i < scale; i++) {
    const zone = i % 2 === 0 ? ZONE_D : ZONE_F;
    const roll = ctx.rng.next();
    const atCeiling = ctx.rng.chance(0.05);
    if (roll < 0.25) plans.push(primaryNicPlan(ctx, "bbc", zone, atCeiling));
    else if (roll < 0.4) plans.push(primaryNicPlan(ctx, "ebc", zone, atCeiling));
    else plans.push(bccPlan(ctx, zone, atCeiling));
  }
  return plans;
}
