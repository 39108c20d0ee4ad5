import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";
import { buildScenario } from "@/lib/demo/scenario/scenario";

import { parseEni, parseNetResourceSet, parseSubnet } from "./parse";
import { summarizeNode } from "./pool";
import type { EniRecord, NodeRecord, SubnetRecord } from "./records";
import { sameZone, summarizeSubnets, usableIpv4, zoneMisfits } from "./subnets";

function parsedScenario() {
  const nodes: NodeRecord[] = [];
  const enis: EniRecord[] = [];
  const subnets: SubnetRecord[] = [];
  for (const object of buildScenario({ seed: 1, scale: 64 })) {
    if (object.kind === "NetResourceSet") {
      const parsed = parseNetResourceSet(object);
      if (parsed.ok) nodes.push(parsed.value);
    } else if (object.kind === "ENI") {
      const parsed = parseEni(object);
      if (parsed.ok) enis.push(parsed.value);
    } else if (object.kind === "Subnet") {
      const parsed = parseSubnet(object);
      if (parsed.ok) subnets.push(parsed.value);
    }
  }
  const enisByNode = new Map<string, EniRecord[]>();
  for (const eni of enis) enisByNode.set(eni.node, [...(enisByNode.get(eni.node) ?? []), eni]);
  const summaries = new Map(
    nodes.map((node) => [node.name, summarizeNode(node, enisByNode.get(node.name) ?? [], null)]),
  );
  return { nodes, subnets, enisByNode, summaries };
}

describe("subnet helpers", () => {
  it("counts usable IPv4 addresses of a CIDR", () => {
    expect(usableIpv4("10.0.16.0/20")).toBe(4094);
    expect(usableIpv4("10.0.0.0/32")).toBe(0);
    expect(usableIpv4("not-a-cidr")).toBeNull();
    expect(usableIpv4(null)).toBeNull();
  });

  it("matches CCE zones with VPC zone names", () => {
    expect(sameZone("zoneD", "cn-bj-d")).toBe(true);
    expect(sameZone("zoneD", "cn-bj-f")).toBe(false);
    expect(sameZone(null, "cn-bj-d")).toBe(false);
  });
});

describe("summarizeSubnets on the demo scenario", () => {
  const inputs = parsedScenario();
  const summaries = summarizeSubnets(inputs);
  const tight = summaries.find((subnet) => subnet.id === PLANTED.nearExhaustedSubnet);

  it("flags the near-exhausted subnet with a shortfall", () => {
    expect(tight?.free).toEqual({ value: 6, source: "subnet-object", observedAt: null });
    expect(tight?.shortfall).toBeGreaterThan(0);
    expect(tight?.shortfall).toBe((tight?.claimable ?? 0) - 6);
  });

  it("names the nodes that fail first", () => {
    expect(tight?.firstToFail.length).toBeGreaterThan(0);
    const frees = tight?.firstToFail.map((claim) => claim.free) ?? [];
    expect(frees).toEqual([...frees].sort((a, b) => a - b));
  });

  it("computes n x c from the nodes' ceilings", () => {
    const upstream = summaries.find((subnet) => subnet.id === PLANTED.upstream.subnet);
    expect(upstream?.nodes.map((node) => node.name)).toContain(PLANTED.upstream.node);
    expect(upstream?.need).toBe(upstream?.nodes.reduce((sum, node) => sum + node.ceiling, 0));
    expect(upstream?.needWithPrimaries).toBe((upstream?.need ?? 0) + (upstream?.nodeCount ?? 0));
  });

  it("lists the subnet with the largest shortfall first", () => {
    expect(summaries[0]?.shortfall).toBe(Math.max(...summaries.map((subnet) => subnet.shortfall)));
  });

  it("prefers a VPC figure over the Subnet object", () => {
    const vpcFree = new Map([
      [PLANTED.nearExhaustedSubnet, { value: 500, observedAt: "2026-01-01T00:00:00Z" }],
    ]);
    const withVpc = summarizeSubnets({ ...inputs, vpcFree }).find(
      (subnet) => subnet.id === PLANTED.nearExhaustedSubnet,
    );
    expect(withVpc?.free?.source).toBe("vpc");
    expect(withVpc?.subnetObjectFree).toBe(6);
  });
});

describe("zoneMisfits", () => {
  const subnet = (id: string, zone: string): SubnetRecord => ({
    name: id,
    id,
    subnetName: null,
    zone,
    cidr: null,
    ipv6Cidr: null,
    vpcId: null,
    subnetType: null,
    exclusive: false,
    availableIpNum: 10,
    enable: true,
    hasNoMoreIp: false,
    reason: null,
  });
  const { nodes } = parsedScenario();
  const base = nodes[0] as NodeRecord;

  it("flags a node whose subnets are all in other zones", () => {
    const node = { ...base, name: "n1", zone: "zoneD", subnetIds: ["sbn-f"] };
    expect(zoneMisfits([node], [subnet("sbn-f", "cn-bj-f")]).map((misfit) => misfit.node)).toEqual([
      "n1",
    ]);
  });

  it("accepts a node with one subnet in its zone", () => {
    const node = { ...base, name: "n1", zone: "zoneD", subnetIds: ["sbn-f", "sbn-d"] };
    expect(zoneMisfits([node], [subnet("sbn-f", "cn-bj-f"), subnet("sbn-d", "cn-bj-d")])).toEqual(
      [],
    );
  });
});
