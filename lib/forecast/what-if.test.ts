import { describe, expect, it } from "vitest";

import { sampleSeries } from "./synthetic";
import { DAY_MS } from "./types";
import { whatIf } from "./what-if";

const START = Date.UTC(2025, 0, 6);
const growing = sampleSeries({
  truth: (t) => 100 + (10 * (t - START)) / DAY_MS,
  start: START,
  end: START + 10 * DAY_MS,
  stepMs: 5 * 60_000,
  seed: 3,
  noise: 1,
});

const nodes = [
  { ceiling: 39, used: 20 },
  { ceiling: 39, used: 30 },
  { ceiling: 24, used: 24 },
];

describe("whatIf", () => {
  it("sums ceilings and headroom", () => {
    const result = whatIf({
      nodes,
      addNodes: 2,
      ceilingPerNode: 39,
      freeIps: 40,
      series: growing,
      capacity: 400,
    });
    expect(result.need).toBe(39 + 39 + 24 + 2 * 39);
    expect(result.needWithPrimaries).toBe(result.need + 5);
    expect(result.claimable).toBe(19 + 9 + 0 + 2 * 39);
    expect(result.shortfall).toBe(19 + 9 + 2 * 39 - 40);
  });

  it("shortfall is zero when free covers claimable", () => {
    const result = whatIf({
      nodes,
      addNodes: 0,
      ceilingPerNode: 39,
      freeIps: 100,
      series: growing,
      capacity: 400,
    });
    expect(result.shortfall).toBe(0);
  });

  it("adding nodes moves exhaustion earlier", () => {
    const result = whatIf({
      nodes,
      addNodes: 3,
      ceilingPerNode: 39,
      freeIps: 40,
      series: growing,
      capacity: 400,
    });
    expect(result.forecastBefore.status).toBe("exhausts");
    expect(result.forecastAfter.status).toBe("exhausts");
    expect(result.forecastAfter.exhaustsAt!).toBeLessThan(result.forecastBefore.exhaustsAt!);
  });
});

describe("whatIf limits", () => {
  it("too many nodes exhaust the subnet at once", () => {
    const result = whatIf({
      nodes,
      addNodes: 50,
      ceilingPerNode: 39,
      freeIps: 40,
      series: growing,
      capacity: 400,
    });
    expect(result.forecastAfter.status).toBe("already-exhausted");
    expect(result.forecastAfter.reason).toMatch(/Adding 50 nodes/);
  });
});
