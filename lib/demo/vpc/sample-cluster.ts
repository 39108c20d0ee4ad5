// A tiny raw-object cluster (NetResourceSet, ENI and Subnet custom resources) for the VPC demo and
// tests when no dump is given: two BCC nodes, one BBC node and one EBC node in primary-NIC mode.
import type { ClusterObjects } from "./from-cluster";

const VPC_ID = "vpc-demo0001";

function subnet(id: string, zone: string, cidr: string, availableIPNum: number): unknown {
  return {
    apiVersion: "cce.baidubce.com/v1",
    kind: "Subnet",
    metadata: { name: id, labels: { "cce.baidubce.com/vpc-id": VPC_ID } },
    spec: { id, name: `demo-${zone}`, availabilityZone: `cn-bj-${zone}`, cidr, vpcId: VPC_ID },
    status: { availableIPNum, enable: true, hasNoMoreIP: availableIPNum === 0 },
  };
}

function nrs(node: string, instanceId: string, instanceType: string): unknown {
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "NetResourceSet",
    metadata: { name: node },
    spec: {
      "instance-id": instanceId,
      addresses: [{ type: "InternalIP", ip: node }],
      eni: { "instance-type": instanceType, useMode: "Secondary", "vpc-id": VPC_ID },
    },
  };
}

interface EniArgs {
  id: string;
  node: string;
  instanceId: string;
  subnetId: string;
  ips: string[];
  type?: string;
  useMode?: string;
  name?: string;
}

function eni(args: EniArgs): unknown {
  const [primary, ...secondary] = args.ips;
  const privateIPSet = [
    { privateIPAddress: primary, primary: true, subnetID: args.subnetId },
    ...secondary.map((ip) => ({ privateIPAddress: ip, subnetID: args.subnetId })),
  ];
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "ENI",
    metadata: { name: args.id, labels: { "cce.baidubce.com/node": args.node } },
    spec: {
      id: args.id,
      name: args.name ?? `cce-demo/${args.instanceId}/${args.node}/a1b2c3`,
      instanceID: args.instanceId,
      nodeName: args.node,
      macAddress: `fa:16:3e:${args.id.slice(-6, -4)}:${args.id.slice(-4, -2)}:${args.id.slice(-2)}`,
      vpcID: VPC_ID,
      subnetID: args.subnetId,
      zoneName: "cn-bj-d",
      privateIPSet,
      type: args.type ?? "bcc",
      useMode: args.useMode ?? "Secondary",
    },
    status: { VPCStatus: "inuse", CCEStatus: "ReadyOnNode" },
  };
}

function ips(prefix: string, from: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}.${from + index}`);
}

/** Builds the built-in sample cluster; each call returns fresh objects. */
export function sampleClusterObjects(): ClusterObjects {
  const bcc = "sbn-demobcc0001";
  const bbc = "sbn-demobbc0001";
  return {
    subnets: [
      subnet(bcc, "d", "10.0.16.0/20", 3950),
      subnet(bbc, "d", "10.0.32.0/24", 180),
      subnet("sbn-demoebc0001", "d", "10.0.40.0/24", 221),
    ],
    nrs: [
      nrs("10.0.16.5", "i-demoBcc1", "bcc"),
      nrs("10.0.16.6", "i-demoBcc2", "bcc"),
      nrs("10.0.32.7", "i-demoBbc1", "bbc"),
      nrs("10.0.40.9", "i-demoEbc1", "ebc"),
    ],
    enis: [
      eni({
        id: "eni-bcc1a00001",
        node: "10.0.16.5",
        instanceId: "i-demoBcc1",
        subnetId: bcc,
        ips: ips("10.0.17", 10, 5),
      }),
      eni({
        id: "eni-bcc1b00002",
        node: "10.0.16.5",
        instanceId: "i-demoBcc1",
        subnetId: bcc,
        ips: ips("10.0.17", 20, 4),
      }),
      eni({
        id: "eni-bcc2a00003",
        node: "10.0.16.6",
        instanceId: "i-demoBcc2",
        subnetId: bcc,
        ips: ips("10.0.17", 30, 6),
      }),
      eni({
        id: "eni-bcc2b00004",
        node: "10.0.16.6",
        instanceId: "i-demoBcc2",
        subnetId: bcc,
        ips: ips("10.0.17", 40, 3),
      }),
      eni({
        id: "eni-bcc2c00005",
        node: "10.0.16.6",
        instanceId: "i-demoBcc2",
        subnetId: bcc,
        ips: ips("10.0.17", 50, 2),
      }),
      eni({
        id: "eni-bbc1000006",
        node: "10.0.32.7",
        instanceId: "i-demoBbc1",
        subnetId: bbc,
        ips: ["10.0.32.7", ...ips("10.0.32", 8, 4)],
        type: "bbc",
        useMode: "PrimaryWithSecondaryIP",
        name: "eth0",
      }),
      eni({
        id: "eni-ebc1000007",
        node: "10.0.40.9",
        instanceId: "i-demoEbc1",
        subnetId: "sbn-demoebc0001",
        ips: ["10.0.40.9", ...ips("10.0.40", 10, 3)],
        type: "ebc",
        useMode: "PrimaryWithSecondaryIP",
        name: "eth0",
      }),
    ],
  };
}
