import { describe, expect, it } from "vitest";

import { summarizeCluster } from "./overview";
import type { NodeSummary } from "./pool";

function node(name: string, overrides: Partial<NodeSummary>): NodeSummary {
  return {
    name,
    instanceId: null,
    instanceType: "bcc",
    zone: "zoneD",
    useMode: "Secondary",
    poolSize: 10,
    used: 5,
    free: 5,
    releasing: 0,
    ceiling: 39,
    headroom: 34,
    utilisation: 5 / 39,
    nearCeiling: false,
    ipv6: { pool: 0, used: 0, free: 0, releasing: 0 },
    eniCount: 1,
    maxEniCount: 1,
    subnetIds: [],
    allocatableIp: null,
    ...overrides,
  };
}

describe("summarizeCluster", () => {
  const nodes = [
    node("a", {}),
    node("b", {
      instanceType: "bbc",
      used: 39,
      poolSize: 39,
      free: 0,
      headroom: 0,
      utilisation: 1,
      nearCeiling: true,
    }),
    node("c", { zone: "zoneF", used: 36, headroom: 3, utilisation: 36 / 39, nearCeiling: true }),
  ];
  const overview = summarizeCluster(nodes);

  it("adds pool, used and free over nodes", () => {
    expect(overview.totals).toMatchObject({ nodes: 3, pool: 59, used: 80, free: 10, ceiling: 117 });
  });

  it("lists nodes near their ceiling fullest first", () => {
    expect(overview.nearCeiling.map((entry) => entry.name)).toEqual(["b", "c"]);
    expect(overview.atCeiling).toBe(1);
  });

  it("breaks totals down by instance type and zone", () => {
    expect(overview.byInstanceType.map((entry) => [entry.key, entry.nodes])).toEqual([
      ["bcc", 2],
      ["bbc", 1],
    ]);
    expect(overview.byZone.find((entry) => entry.key === "zoneF")?.used).toBe(36);
  });
});
