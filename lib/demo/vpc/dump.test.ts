import { describe, expect, it } from "vitest";

import { clusterObjectsFromDump } from "./dump";
import { fixtureFromCluster } from "./from-cluster";

// A BBC node in primary-NIC mode: pods use secondary IPs of the main NIC (eth0).
const BBC_NODE_YAML = `
apiVersion: cce.baidubce.com/v2
kind: NetResourceSet
metadata: {name: 10.1.2.3}
spec:
  instance-id: i-bbcTest1
  addresses: [{type: InternalIP, ip: 10.1.2.3}]
  eni: {instance-type: bbc, useMode: Secondary, maxIPsPerENI: 40}
---
apiVersion: cce.baidubce.com/v2
kind: ENI
metadata: {name: eni-bbctest0001}
spec:
  id: eni-bbctest0001
  instanceID: i-bbcTest1
  nodeName: 10.1.2.3
  name: eth0
  type: bbc
  useMode: PrimaryWithSecondaryIP
  subnetID: sbn-bbctest0001
  privateIPSet:
    - {privateIPAddress: 10.1.2.3, primary: true, subnetID: sbn-bbctest0001}
    - {privateIPAddress: 10.1.2.20, subnetID: sbn-bbctest0001}
    - {privateIPAddress: 10.1.2.21, subnetID: sbn-bbctest0001}
status: {VPCStatus: inuse, CCEStatus: ReadyOnNode}
`;

describe("clusterObjectsFromDump", () => {
  it("reads a multi-document YAML dump", () => {
    const text = BBC_NODE_YAML;

    const objects = clusterObjectsFromDump(text);
    const fixture = fixtureFromCluster(objects);

    expect(objects.nrs).toHaveLength(1);
    expect(objects.enis).toHaveLength(1);
    expect(fixture.bbcPorts["i-bbcTest1"]?.privateIpSet).toHaveLength(3);
    expect(fixture.enis).toHaveLength(0);
  });

  it("reads a JSON List and skips other kinds", () => {
    const list = {
      kind: "List",
      items: [
        { apiVersion: "v1", kind: "Node", metadata: { name: "n" } },
        { apiVersion: "cce.baidubce.com/v1", kind: "Subnet", metadata: { name: "sbn-1" } },
      ],
    };

    const objects = clusterObjectsFromDump(JSON.stringify(list));

    expect(objects.subnets).toHaveLength(1);
    expect(objects.nrs).toHaveLength(0);
  });

  it("rejects invalid YAML", () => {
    expect(() => clusterObjectsFromDump("a: [1, 2")).toThrow(/invalid YAML/);
  });
});
