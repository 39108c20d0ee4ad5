import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";

import {
  decodeContextFor,
  decodeError,
  extractCode,
  INSUFFICIENT_IP,
  type NodeFigures,
} from "./decode";
import { summarizeNode } from "./pool";
import { scenarioRecords } from "./triage-fixture";

const records = scenarioRecords();

function contextOf(name: string) {
  const node = records.nodes.get(name);
  if (!node) throw new Error(`node ${name} missing from the scenario`);
  const enis = [...records.enis.values()].filter((eni) => eni.node === name);
  const figures: NodeFigures = summarizeNode(node, enis, records.kubeNodes.get(name) ?? null);
  return decodeContextFor(figures, node, enis, records.subnets);
}

function eventAbout(podName: string) {
  const event = [...records.events.values()].find((e) => e.objectName === podName);
  if (!event) throw new Error(`no event about ${podName}`);
  return event;
}

describe("IPAM error decoder", () => {
  it("finds the code inside a sandbox message", () => {
    const event = eventAbout(PLANTED.eniCapacityExceed.pod.name);
    expect(extractCode(event.reason, event.message)).toBe("ENICapacityExceed");
  });

  it("turns Insufficient cce.baidubce.com/ip into its pseudo-code", () => {
    const event = eventAbout(PLANTED.bbcAtCeiling.pendingPod.name);
    expect(extractCode(event.reason, event.message)).toBe(INSUFFICIENT_IP);
  });

  it("falls back to an operator reason", () => {
    expect(extractCode("FailedCreateENI", "create ENI failed")).toBe("FailedCreateENI");
    expect(extractCode("Scheduled", "assigned")).toBeNull();
  });

  it("explains a BBC node at 39 as its ceiling", () => {
    const decoded = decodeError("ENICapacityExceed", contextOf(PLANTED.bbcAtCeiling.node));
    expect(decoded.cause).toMatch(/at its ceiling: 39 of 39 IPs used/);
    expect(decoded.cause).toMatch(/primary-NIC/);
    expect(decoded.checks[0]?.href).toBe(`/nodes/${PLANTED.bbcAtCeiling.node}`);
  });

  it("explains full ENIs on a BCC node as its ceiling", () => {
    const decoded = decodeError("ENICapacityExceed", contextOf(PLANTED.eniCapacityExceed.node));
    expect(decoded.cause).toMatch(/28 of 28 IPs used with 4 of 4 ENIs/);
  });

  it("points at an empty subnet when the node has headroom", () => {
    const ctx = contextOf(PLANTED.upstream.node);
    const empty = ctx.subnets.map((s) => ({ ...s, availableIpNum: 0 }));
    const decoded = decodeError("ENICapacityExceed", { ...ctx, subnets: empty });
    expect(decoded.cause).toMatch(/still has headroom \(38 IPs\), but subnet/);
    expect(decoded.checks[0]?.href).toBe(`/subnets/${PLANTED.upstream.subnet}`);
  });

  it("points at an ENI that is not inuse", () => {
    const ctx = contextOf("10.0.18.30");
    expect(ctx.enisNotInuse).toContain(PLANTED.enis.attaching);
    const decoded = decodeError("WaitCreateMoreENI", ctx);
    expect(decoded.cause).toMatch(/not inuse in the VPC/);
    expect(decoded.checks.map((c) => c.href)).toContain(`/enis/${PLANTED.enis.attaching}`);
  });

  it("names the short subnet for SubnetNoMoreIP", () => {
    const decoded = decodeError("SubnetNoMoreIP", contextOf(PLANTED.subnetNoMoreIp.node));
    expect(decoded.cause).toContain(`${PLANTED.nearExhaustedSubnet} (6 available)`);
    expect(decoded.checks[0]?.href).toBe(`/subnets/${PLANTED.nearExhaustedSubnet}`);
  });

  it("reads the Baidu Cloud exception of an API error", () => {
    const message = "create ENI failed: [Code: SubnetHasNoMoreIpException; Message: no ip]";
    const decoded = decodeError("FailedCreateENI", contextOf("10.0.18.30"), message);
    expect(decoded.cause).toMatch(/subnet has no more IPs/);
  });

  it("explains every IPAM code", () => {
    const codes = [
      "ENIIPCapacityExceed",
      "SubnetNoMoreIP",
      "WaitCreateMoreENI",
      "ENICapacityExceed",
      "IPPoolExhausted",
      "NoMoreIP",
      "NoAvailableSubnet",
      "NoAvailableSubnetToBorrowIP",
      "OpenAPIError",
    ];
    for (const code of codes) {
      expect(decodeError(code, contextOf(PLANTED.upstream.node)).meaning).not.toMatch(/Unknown/);
    }
  });
});
