import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

import { parseEni, parseNetResourceSet } from "./parse";
import { nodeCeiling, nodeEnis, nodeIps, summarizeNode } from "./pool";
import type { NodeRecord } from "./records";

function upstreamObjects() {
  const text = readFileSync(path.join(__dirname, "testdata/upstream-bbc-node.yaml"), "utf8");
  const [nrsRaw, eniRaw] = parseAllDocuments(text).map((doc) => doc.toJS());
  const nrs = parseNetResourceSet(nrsRaw);
  const eni = parseEni(eniRaw);
  if (!nrs.ok || !eni.ok) throw new Error("upstream example did not parse");
  return { nrs: nrs.value, eni: eni.value };
}

function quota(overrides: Partial<NodeRecord>) {
  return {
    useMode: "Secondary",
    maxAllocateEni: 1,
    maxIpsPerEni: 40,
    maxAllocate: 0,
    ...overrides,
  };
}

describe("upstream BBC example", () => {
  const { nrs, eni } = upstreamObjects();
  const summary = summarizeNode(nrs, [eni], null);

  it("counts pool 4, used 1, free 3", () => {
    expect(summary.poolSize).toBe(4);
    expect(summary.used).toBe(1);
    expect(summary.free).toBe(3);
  });

  it("has ceiling 39 and headroom 38", () => {
    expect(summary.ceiling).toBe(39);
    expect(summary.headroom).toBe(38);
  });

  it("reports primary-NIC mode from its ENI", () => {
    expect(summary.useMode).toBe("PrimaryWithSecondaryIP");
    expect(summary.instanceId).toBe("i-1SvcOgBl");
  });

  it("lists the ENI with primary and four secondaries", () => {
    const [view] = nodeEnis(nrs, [eni]);
    expect(view?.id).toBe("eni-ih1seearb7y8");
    expect(view?.useMode).toBe("PrimaryWithSecondaryIP");
    expect(view?.primaryIp).toBe("10.0.19.7");
    expect(view?.secondaryIps).toEqual(["10.0.19.8", "10.0.19.9", "10.0.19.10", "10.0.19.11"]);
  });

  it("gives 10.0.19.10 to kube-system/nfd-worker-f244k", () => {
    const ip = nodeIps(nrs).find((entry) => entry.ip === "10.0.19.10");
    expect(ip?.owner).toBe("kube-system/nfd-worker-f244k");
    expect(ip?.eni).toBe("eni-ih1seearb7y8");
    expect(ip?.subnetId).toBe("sbn-kx327kp355ni");
    expect(ip?.state).toBe("used");
  });

  it("marks the other pool IPs free", () => {
    const free = nodeIps(nrs).filter((entry) => entry.state === "free");
    expect(free.map((entry) => entry.ip)).toEqual(["10.0.19.8", "10.0.19.9", "10.0.19.11"]);
  });
});

describe("nodeCeiling", () => {
  it("multiplies ENIs by secondary IPs per ENI", () => {
    expect(nodeCeiling(quota({ maxAllocateEni: 8, maxIpsPerEni: 16 }))).toBe(120);
  });

  it("uses one ENI when maxAllocateENI is 0", () => {
    expect(nodeCeiling(quota({ maxAllocateEni: 0, maxIpsPerEni: 40 }))).toBe(39);
  });

  it("caps the ceiling at max-allocate", () => {
    expect(nodeCeiling(quota({ maxAllocateEni: 8, maxIpsPerEni: 16, maxAllocate: 110 }))).toBe(110);
  });

  it("ignores a max-allocate above the ceiling", () => {
    expect(nodeCeiling(quota({ maxAllocate: 128 }))).toBe(39);
  });

  it("is 0 in Primary mode", () => {
    expect(nodeCeiling(quota({ useMode: "Primary", maxAllocateEni: 4 }))).toBe(0);
  });

  it("is 0 when maxIPsPerENI is 0", () => {
    expect(nodeCeiling(quota({ maxIpsPerEni: 0 }))).toBe(0);
  });
});

describe("free IPs", () => {
  const { nrs } = upstreamObjects();

  it("excludes IPs being released", () => {
    const releasing = { ...nrs, releaseIps: new Map([["10.0.19.8", "marked-for-release"]]) };
    const summary = summarizeNode(releasing, [], null);
    expect(summary.free).toBe(2);
    expect(summary.releasing).toBe(1);
    expect(nodeIps(releasing).find((ip) => ip.ip === "10.0.19.8")?.state).toBe("releasing");
  });

  it("keeps IPs the agent refused to release", () => {
    const refused = { ...nrs, releaseIps: new Map([["10.0.19.8", "do-not-release"]]) };
    expect(summarizeNode(refused, [], null).free).toBe(3);
  });

  it("counts IPv6 apart from IPv4", () => {
    const pool = new Map(nrs.pool);
    pool.set("2400:da00::10", { owner: null, eni: "eni-ih1seearb7y8", subnetId: null });
    const summary = summarizeNode({ ...nrs, pool }, [], null);
    expect(summary.poolSize).toBe(4);
    expect(summary.ipv6.pool).toBe(1);
    expect(summary.ipv6.free).toBe(1);
  });

  it("flags a node at 90 % of its ceiling as near", () => {
    const used = new Map<string, { owner: string; eni: null; subnetId: null }>();
    for (let i = 0; i < 36; i += 1)
      used.set(`10.1.0.${i}`, { owner: `ns/p${i}`, eni: null, subnetId: null });
    const summary = summarizeNode({ ...nrs, used }, [], null);
    expect(summary.utilisation).toBeCloseTo(36 / 39);
    expect(summary.nearCeiling).toBe(true);
  });
});
