import { describe, expect, it } from "vitest";

import type { ClusterEni, VpcEni, VpcView } from "./drift";
import { computeDrift } from "./drift";

function clusterEni(overrides: Partial<ClusterEni> = {}): ClusterEni {
  return {
    id: "eni-a",
    node: "node-1",
    instanceId: "i-1",
    type: "bcc",
    useMode: "Secondary",
    vpcStatus: "inuse",
    ips: ["10.0.0.2", "10.0.0.3"],
    subnetId: "sbn-1",
    macAddress: "fa:16:3e:00:00:01",
    vpcId: "vpc-1",
    zoneName: "cn-bj-d",
    name: "",
    ...overrides,
  };
}

function vpcEni(overrides: Partial<VpcEni> = {}): VpcEni {
  return {
    eniId: "eni-a",
    instanceId: "i-1",
    status: "inuse",
    ips: ["10.0.0.2", "10.0.0.3"],
    ...overrides,
  };
}

function view(enis: VpcEni[], bbcPorts: VpcView["bbcPorts"] = {}): VpcView {
  return { enis, bbcPorts };
}

describe("computeDrift", () => {
  it("finds nothing when both sides agree", () => {
    expect(computeDrift({ enis: [clusterEni()] }, view([vpcEni()]))).toEqual([]);
  });

  it("reports a status mismatch", () => {
    const findings = computeDrift(
      { enis: [clusterEni()] },
      view([vpcEni({ status: "detaching" })]),
    );

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: "status-mismatch",
      eniId: "eni-a",
      node: "node-1",
      clusterValue: "inuse",
      vpcValue: "detaching",
      severity: "critical",
    });
    expect(findings[0]?.sentence).toContain('"detaching"');
  });

  it("reports an IP only in the VPC", () => {
    const vpc = vpcEni({ ips: ["10.0.0.2", "10.0.0.3", "10.0.0.9"] });

    const findings = computeDrift({ enis: [clusterEni()] }, view([vpc]));

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: "ip-vpc-only",
      ips: ["10.0.0.9"],
      severity: "warning",
    });
  });

  it("reports an IP only in the cluster", () => {
    const findings = computeDrift({ enis: [clusterEni()] }, view([vpcEni({ ips: ["10.0.0.2"] })]));

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "ip-cluster-only", ips: ["10.0.0.3"] });
    expect(findings[0]?.severity).toBe("critical");
  });

  it("reports an ENI only in the VPC with its node", () => {
    const extra = vpcEni({ eniId: "eni-x", ips: ["10.0.0.50"] });

    const findings = computeDrift({ enis: [clusterEni()] }, view([vpcEni(), extra]));

    expect(findings).toEqual([
      expect.objectContaining({
        kind: "eni-vpc-only",
        eniId: "eni-x",
        node: "node-1",
        ips: ["10.0.0.50"],
      }),
    ]);
  });

  it("ignores the main NIC of a BCC instance", () => {
    const mainNic = vpcEni({ eniId: "eni-main", ips: ["10.0.0.1"], primaryNic: true });

    expect(computeDrift({ enis: [clusterEni()] }, view([vpcEni(), mainNic]))).toEqual([]);
  });

  it("reports an ENI only in the cluster", () => {
    const findings = computeDrift({ enis: [clusterEni()] }, view([]));

    expect(findings).toEqual([
      expect.objectContaining({
        kind: "eni-cluster-only",
        eniId: "eni-a",
        ips: ["10.0.0.2", "10.0.0.3"],
      }),
    ]);
  });

  it("skips cluster-only ENIs not yet in the VPC", () => {
    const pending = clusterEni({ vpcStatus: "none" });

    expect(computeDrift({ enis: [pending] }, view([]))).toEqual([]);
  });

  it("makes no finding for an unread ENI", () => {
    const vpc: VpcView = { enis: [], bbcPorts: {}, unreadEniIds: ["eni-a"] };

    expect(computeDrift({ enis: [clusterEni()] }, vpc)).toEqual([]);
  });

  it("compares a BBC main NIC with its vpcPort by IPs only", () => {
    const bbc = clusterEni({ type: "bbc", useMode: "PrimaryWithSecondaryIP", instanceId: "i-bbc" });
    const port = vpcEni({ eniId: "eni-port", instanceId: "i-bbc", status: "available" });

    expect(computeDrift({ enis: [bbc] }, view([], { "i-bbc": port }))).toEqual([]);

    const leaked = { ...port, ips: [...port.ips, "10.0.0.77"] };
    const findings = computeDrift({ enis: [bbc] }, view([], { "i-bbc": leaked }));
    expect(findings).toEqual([
      expect.objectContaining({ kind: "ip-vpc-only", ips: ["10.0.0.77"] }),
    ]);
  });

  it("skips the status of an EBC main NIC", () => {
    const ebc = clusterEni({ type: "ebc", useMode: "PrimaryWithSecondaryIP" });

    expect(computeDrift({ enis: [ebc] }, view([vpcEni({ status: "available" })]))).toEqual([]);
  });

  it("sorts critical findings first", () => {
    const a = clusterEni({ id: "eni-a" });
    const b = clusterEni({ id: "eni-b" });
    const vpc = view([vpcEni({ ips: ["10.0.0.2", "10.0.0.3", "10.0.0.4"] })]);

    const kinds = computeDrift({ enis: [a, b] }, vpc).map((finding) => finding.kind);

    expect(kinds).toEqual(["eni-cluster-only", "ip-vpc-only"]);
  });
});
