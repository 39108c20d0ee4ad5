// Derives a VPC stand-in fixture from raw cluster objects, so the demo VPC agrees with the demo
// cluster, and optionally plants a known set of differences for the drift check to find.
import type { ClusterEni } from "@/lib/vpc/cluster-eni";
import {
  clusterEniFromCr,
  clusterSubnetFromCr,
  isPrimaryWithSecondaryIp,
} from "@/lib/vpc/cluster-eni";
import type { EniJson, SubnetJson } from "@/lib/vpc/schemas";

import type { PlantedDrift } from "./plant";
import { plantDrift } from "./plant";
import type { VpcFixture } from "./routes";

export { PLANTED_DRIFT, type PlantedDrift } from "./plant";

/** Raw custom resources as `kubectl get -o json` lists their items. */
export interface ClusterObjects {
  nrs: unknown[];
  enis: unknown[];
  subnets: unknown[];
}

const IN_VPC = new Set(["available", "attaching", "inuse", "detaching"]);

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

export function eniJson(eni: ClusterEni, status: string): EniJson {
  return {
    eniId: eni.id,
    name: eni.name,
    zoneName: eni.zoneName,
    description: "auto created by cce-cni, do not modify",
    instanceId: eni.instanceId,
    macAddress: eni.macAddress,
    vpcId: eni.vpcId,
    subnetId: eni.subnetId,
    status,
    privateIpSet: eni.ips.map((ip) => ({
      privateIpAddress: ip,
      primary: ip === eni.primaryIp,
      subnetId: eni.subnetId,
    })),
  };
}

// The instance API lists the main NIC of a BCC instance too; the cluster has no ENI object for it.
function mainNics(nrsItems: unknown[], clusterEnis: ClusterEni[]): EniJson[] {
  const primaryModeInstances = new Set(
    clusterEnis.filter(isPrimaryWithSecondaryIp).map((eni) => eni.instanceId),
  );
  const nics: EniJson[] = [];
  for (const item of nrsItems) {
    const spec = record(record(item).spec);
    const instanceId = String(spec["instance-id"] ?? "");
    const addresses = Array.isArray(spec.addresses) ? spec.addresses.map(record) : [];
    const ip = addresses.find((address) => address.type === "InternalIP")?.ip;
    if (!instanceId || typeof ip !== "string" || primaryModeInstances.has(instanceId)) continue;

    nics.push({
      eniId: `eni-main-${instanceId.toLowerCase()}`,
      name: "eth0",
      instanceId,
      status: "inuse",
      description: "main network interface",
      privateIpSet: [{ privateIpAddress: ip, primary: true }],
    });
  }
  return nics;
}

/**
 * Builds a fixture that matches the cluster: Subnet CRs become subnets (availableIp from
 * status.availableIPNum), ENI CRs become VPC ENIs with the same IPs and VPC status, BBC main NICs
 * become vpcPort entries, and every instance gets its ENI list. ENIs with VPCStatus none or
 * deleted are left out. With `plant`, the differences described by PLANTED_DRIFT are added and
 * the chosen ids are returned in `planted`.
 */
export function fixtureFromCluster(
  objects: ClusterObjects,
  plant = false,
): VpcFixture & { planted?: PlantedDrift } {
  const subnets: SubnetJson[] = [];
  for (const item of objects.subnets) {
    const subnet = clusterSubnetFromCr(item);
    if (!subnet) continue;
    const { id, ...rest } = subnet;
    subnets.push({ subnetId: id, ...rest });
  }

  const clusterEnis = objects.enis
    .map(clusterEniFromCr)
    .filter((eni): eni is ClusterEni => eni !== null);
  const fixture: VpcFixture = { subnets, enis: [], bbcPorts: {}, instanceEnis: {} };
  for (const nic of mainNics(objects.nrs, clusterEnis)) {
    (fixture.instanceEnis[nic.instanceId ?? ""] ??= []).push(nic);
  }

  for (const eni of clusterEnis) {
    const primaryMode = isPrimaryWithSecondaryIp(eni);
    if (!primaryMode && !IN_VPC.has(eni.vpcStatus)) continue;
    // The operator forces VPCStatus inuse on main-NIC ENIs, so the VPC side is taken as inuse.
    const json = eniJson(eni, primaryMode ? "inuse" : eni.vpcStatus);
    if (primaryMode && eni.type === "bbc") {
      fixture.bbcPorts[eni.instanceId] = json;
      continue;
    }
    fixture.enis.push(json);
    (fixture.instanceEnis[eni.instanceId] ??= []).push(json);
  }

  if (!plant) return fixture;
  const planted = plantDrift(fixture, clusterEnis);
  return { ...fixture, planted };
}
