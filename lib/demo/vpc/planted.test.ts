// End to end: the planted fixture served by the stand-in, read through the service and client,
// must yield exactly one drift finding per planted difference.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { ClusterEni } from "@/lib/vpc/cluster-eni";
import { clusterEniFromCr, clusterSubnetFromCr } from "@/lib/vpc/cluster-eni";
import { loadVpcConfig } from "@/lib/vpc/config";
import { computeDrift, subnetDifferences } from "@/lib/vpc/drift";
import { collectVpcView } from "@/lib/vpc/drift-view";
import { createVpcService } from "@/lib/vpc/service";

import { sampleClusterObjects } from "./sample-cluster";
import type { VpcStandin } from "./standin";
import { fixtureFromCluster, PLANTED_DRIFT, startVpcStandin } from "./standin";

const credentials = { accessKeyId: "demo-ak", secretAccessKey: "demo-sk" };
const objects = sampleClusterObjects();
const clusterEnis = objects.enis.map(clusterEniFromCr).filter((eni): eni is ClusterEni => !!eni);
const nodeIps = new Set(["10.0.16.5", "10.0.16.6", "10.0.32.7", "10.0.40.9"]);
let standin: VpcStandin;

afterEach(async () => {
  await standin.close();
});

async function drift(plant: boolean) {
  const fixture = fixtureFromCluster(objects, plant);
  standin = await startVpcStandin({ credentials, fixture });
  const config = loadVpcConfig({
    BCE_ACCESS_KEY_ID: credentials.accessKeyId,
    BCE_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    BCE_VPC_ENDPOINT: standin.url,
    BCE_BBC_ENDPOINT: standin.url,
  });
  const service = createVpcService({ config, budget: { ratePerSecond: 1000 } });
  const { view } = await collectVpcView(service, clusterEnis, nodeIps);
  return { findings: computeDrift({ enis: clusterEnis }, view), fixture, service };
}

describe("fixtureFromCluster", () => {
  beforeEach(() => {
    standin = undefined as unknown as VpcStandin;
  });

  it("derives a fixture without drift", async () => {
    const { findings, fixture } = await drift(false);

    expect(findings).toEqual([]);
    expect(fixture.subnets.map((subnet) => subnet.availableIp)).toEqual([3950, 180, 221]);
    expect(Object.keys(fixture.bbcPorts)).toEqual(["i-demoBbc1"]);
  });

  it("plants one finding per difference", async () => {
    const { findings, fixture } = await drift(true);
    const planted = fixture.planted;
    const found = findings.map((finding) => `${finding.kind} ${finding.eniId}`).sort();

    expect(found).toEqual(
      [
        `status-mismatch ${planted?.statusMismatchEniId}`,
        `ip-vpc-only ${planted?.leakedIp?.eniId}`,
        `ip-cluster-only ${planted?.missingIp?.eniId}`,
        `eni-vpc-only ${PLANTED_DRIFT.vpcOnlyEniId}`,
        `eni-cluster-only ${planted?.clusterOnlyEniId}`,
      ].sort(),
    );
  });

  it("plants the documented ENIs and IPs", async () => {
    const { findings, fixture } = await drift(true);
    const byKind = new Map(findings.map((finding) => [finding.kind, finding]));

    expect(fixture.planted?.statusMismatchEniId).toBe("eni-bcc1a00001");
    expect(byKind.get("status-mismatch")?.vpcValue).toBe(PLANTED_DRIFT.vpcStatus);
    expect(byKind.get("ip-vpc-only")?.ips).toEqual([fixture.planted?.leakedIp?.ip]);
    expect(byKind.get("ip-cluster-only")?.ips).toEqual([fixture.planted?.missingIp?.ip]);
    expect(byKind.get("eni-vpc-only")?.node).toBe("10.0.16.5");
    expect(fixture.planted?.clusterOnlyEniId).toBe("eni-bcc2b00004");
  });

  it("plants a subnet whose free IPs differ", async () => {
    const { fixture, service } = await drift(true);
    const subnet = fixture.planted?.subnet;

    const figure = await service.subnet(subnet?.subnetId ?? "");
    const list = await service.subnets();
    const clusterSubnets = objects.subnets.map(clusterSubnetFromCr).flatMap((s) => (s ? [s] : []));

    expect(subnet?.subnetId).toBe("sbn-demobbc0001");
    expect(subnet?.clusterAvailableIp).toBe(180);
    expect(figure.value?.availableIp).toBe(180 - PLANTED_DRIFT.subnetAvailableIpShift);
    expect(subnetDifferences(clusterSubnets, list.value ?? [])).toEqual([
      { subnetId: "sbn-demobbc0001", clusterAvailableIp: 180, vpcAvailableIp: 173 },
    ]);
  });
});
