import { describe, expect, it } from "vitest";

import {
  applyNodeQuery,
  DEFAULT_NODE_QUERY,
  nodeQueryToSearch,
  parseNodeQuery,
} from "./node-query";
import type { NodeSummary } from "./pool";

function node(name: string, overrides: Partial<NodeSummary> = {}): NodeSummary {
  return {
    name,
    instanceId: `i-${name}`,
    instanceType: "bcc",
    zone: "zoneD",
    useMode: "Secondary",
    poolSize: 10,
    used: 5,
    free: 5,
    releasing: 0,
    ceiling: 40,
    headroom: 35,
    utilisation: 0.125,
    nearCeiling: false,
    ipv6: { pool: 0, used: 0, free: 0, releasing: 0 },
    eniCount: 1,
    maxEniCount: 4,
    subnetIds: ["sbn-a"],
    allocatableIp: 10,
    ...overrides,
  };
}

const nodes = [
  node("10.0.0.10", { used: 2 }),
  node("10.0.0.9", {
    instanceType: "bbc",
    zone: "zoneF",
    used: 38,
    nearCeiling: true,
    utilisation: 0.97,
  }),
  node("10.0.0.11", { useMode: "PrimaryWithSecondaryIP", subnetIds: ["sbn-x"] }),
];

describe("node query", () => {
  it("round-trips through the URL", () => {
    const query = {
      ...DEFAULT_NODE_QUERY,
      text: "sbn",
      zone: "zoneF",
      nearCeiling: true,
      sort: "used" as const,
      dir: "desc" as const,
    };
    const parsed = parseNodeQuery(new URLSearchParams(nodeQueryToSearch(query)));
    expect(parsed).toEqual(query);
  });

  it("leaves defaults out of the URL", () => {
    expect(nodeQueryToSearch(DEFAULT_NODE_QUERY)).toBe("");
  });

  it("falls back to the default sort for an unknown key", () => {
    expect(parseNodeQuery(new URLSearchParams("sort=__proto__&dir=sideways"))).toMatchObject({
      sort: "name",
      dir: "asc",
    });
  });

  it("sorts names numerically", () => {
    expect(applyNodeQuery(nodes, DEFAULT_NODE_QUERY).map((n) => n.name)).toEqual([
      "10.0.0.9",
      "10.0.0.10",
      "10.0.0.11",
    ]);
  });

  it("sorts by used descending", () => {
    const sorted = applyNodeQuery(nodes, { ...DEFAULT_NODE_QUERY, sort: "used", dir: "desc" });
    expect(sorted.map((n) => n.used)).toEqual([38, 5, 2]);
  });

  it("filters by type, zone, mode and near ceiling", () => {
    expect(
      applyNodeQuery(nodes, { ...DEFAULT_NODE_QUERY, type: "bbc" }).map((n) => n.name),
    ).toEqual(["10.0.0.9"]);
    expect(applyNodeQuery(nodes, { ...DEFAULT_NODE_QUERY, zone: "zoneD" })).toHaveLength(2);
    expect(
      applyNodeQuery(nodes, { ...DEFAULT_NODE_QUERY, mode: "PrimaryWithSecondaryIP" }),
    ).toHaveLength(1);
    expect(applyNodeQuery(nodes, { ...DEFAULT_NODE_QUERY, nearCeiling: true })).toHaveLength(1);
  });

  it("sorts by exhaustion time with unknown times last", () => {
    const rows = nodes.map((n, i) => ({ ...n, exhaustsAt: [2000, null, 1000][i] ?? null }));
    const asc = applyNodeQuery(rows, { ...DEFAULT_NODE_QUERY, sort: "exhaustsAt" });
    expect(asc.map((n) => n.exhaustsAt)).toEqual([1000, 2000, null]);
    const desc = applyNodeQuery(rows, { ...DEFAULT_NODE_QUERY, sort: "exhaustsAt", dir: "desc" });
    expect(desc.map((n) => n.exhaustsAt)).toEqual([2000, 1000, null]);
  });

  it("matches text against subnet ids", () => {
    expect(
      applyNodeQuery(nodes, { ...DEFAULT_NODE_QUERY, text: "SBN-X" }).map((n) => n.name),
    ).toEqual(["10.0.0.11"]);
  });
});
