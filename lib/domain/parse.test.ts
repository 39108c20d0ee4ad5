import { describe, expect, it } from "vitest";

import {
  parseEni,
  parseEvent,
  parseKubeNode,
  parseNetResourceSet,
  parsePod,
  type ParseResult,
  parseSubnet,
} from "./parse";

/** Returns the parsed value, failing the test when parsing failed. */
function valueOf<T>(result: ParseResult<T>): T {
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const nrs = {
  apiVersion: "cce.baidubce.com/v2",
  kind: "NetResourceSet",
  metadata: { name: "10.0.0.5", labels: { a: "b" }, somethingNew: { x: 1 } },
  spec: {
    "instance-id": "i-abc",
    eni: { maxAllocateENI: 4, maxIPsPerENI: 16, "instance-type": "bcc", futureField: true },
    ipam: { pool: { "10.0.0.6": { resource: "eni-1", subnetID: "sbn-1" } } },
  },
};

describe("parseNetResourceSet", () => {
  it("ignores unknown fields", () => {
    const result = parseNetResourceSet(nrs);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.pool.get("10.0.0.6")?.eni).toBe("eni-1");
  });

  it("rejects a pool that is not a map and names the field", () => {
    const result = parseNetResourceSet({ ...nrs, spec: { ipam: { pool: "10.0.0.6" } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("spec.ipam.pool");
  });

  it("rejects maxIPsPerENI given as text", () => {
    const result = parseNetResourceSet({ ...nrs, spec: { eni: { maxIPsPerENI: "forty" } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("spec.eni.maxIPsPerENI");
  });

  it("rejects an object without a name", () => {
    expect(parseNetResourceSet({ metadata: {} }).ok).toBe(false);
  });

  it("rejects values that are not objects", () => {
    for (const raw of [null, undefined, 42, "nrs", []])
      expect(parseNetResourceSet(raw).ok).toBe(false);
  });

  it("accepts an object with no spec and no status", () => {
    const result = parseNetResourceSet({ metadata: { name: "n" } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.pool.size).toBe(0);
  });
});

describe("parseEni", () => {
  const eni = { metadata: { name: "eni-1" }, spec: { nodeName: "n1", privateIPSet: [] } };

  it("applies the CRD defaults for missing statuses", () => {
    const result = parseEni(eni);
    expect(valueOf(result).cceStatus).toBe("Pending");
    expect(valueOf(result).vpcStatus).toBe("none");
    expect(valueOf(result).type).toBe("bcc");
  });

  it("rejects an ENI without nodeName", () => {
    const result = parseEni({ metadata: { name: "eni-1" }, spec: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("spec.nodeName");
  });

  it("keeps changelog source, status and code", () => {
    const result = parseEni({
      ...eni,
      status: {
        VPCStatusChangeLog: [{ VPCStatus: "inuse", code: "failed", time: "2024-01-01T00:00:00Z" }],
      },
    });
    expect(valueOf(result).vpcLog).toEqual([
      {
        source: "vpc",
        status: "inuse",
        code: "failed",
        message: null,
        time: "2024-01-01T00:00:00Z",
      },
    ]);
  });
});

describe("other kinds", () => {
  it("parses a subnet's free IPs", () => {
    const result = parseSubnet({ metadata: { name: "sbn-1" }, status: { availableIPNum: 12 } });
    expect(valueOf(result).availableIpNum).toBe(12);
  });

  it("reads the IP extended resource of a Node", () => {
    const result = parseKubeNode({
      metadata: { name: "n1", labels: { "topology.kubernetes.io/zone": "cn-bj-d" } },
      status: { allocatable: { "cce.baidubce.com/ip": "39" } },
    });
    expect(valueOf(result).allocatableIp).toBe(39);
    expect(valueOf(result).zone).toBe("cn-bj-d");
  });

  it("reads why a pod is unschedulable", () => {
    const result = parsePod({
      metadata: { name: "p", namespace: "ns" },
      status: {
        phase: "Pending",
        conditions: [
          { type: "PodScheduled", status: "False", message: "Insufficient cce.baidubce.com/ip" },
        ],
      },
    });
    expect(valueOf(result).unschedulableMessage).toContain("Insufficient");
  });

  it("reads the involved object of an event", () => {
    const result = parseEvent({
      metadata: { name: "e", namespace: "default" },
      reason: "NoAvailableSubnet",
      involvedObject: { kind: "NetResourceSet", name: "10.0.0.5" },
    });
    expect(valueOf(result).objectKind).toBe("NetResourceSet");
    expect(valueOf(result).count).toBe(1);
  });
});
