import { describe, expect, it } from "vitest";

import { fitDailySeasonal } from "./daily-seasonal";
import { fitDampedTrend } from "./damped-trend";
import { buildGrid, chooseStep, cleanSeries } from "./grid";
import { fitRobustLinear } from "./robust-linear";
import { dailyWave, sampleSeries } from "./synthetic";
import { DAY_MS } from "./types";

const START = Date.UTC(2025, 0, 6);
const FIVE_MINUTES = 5 * 60_000;

function gridOf(
  truth: (t: number) => number,
  days: number,
  options: { noise?: number; outlierRate?: number } = {},
) {
  const end = START + days * DAY_MS;
  const series = sampleSeries({
    truth,
    start: START,
    end,
    stepMs: FIVE_MINUTES,
    seed: 11,
    ...options,
  });
  const points = cleanSeries(series, end);
  return buildGrid(points, chooseStep(end - START));
}

const perDay = (slopePerMs: number) => slopePerMs * DAY_MS;
const linear = (rate: number) => (t: number) => 100 + (rate * (t - START)) / DAY_MS;

describe("models", () => {
  it("robust-linear recovers a known slope", () => {
    const model = fitRobustLinear(gridOf(linear(12), 10, { noise: 2 }));
    expect(model).not.toBeNull();
    expect(perDay(model!.slope)).toBeCloseTo(12, 0);
  });

  it("damped-trend recovers a known slope", () => {
    const model = fitDampedTrend(gridOf(linear(12), 10, { noise: 1 }));
    expect(model).not.toBeNull();
    expect(perDay(model!.slope)).toBeGreaterThan(10);
    expect(perDay(model!.slope)).toBeLessThan(14);
  });

  it("daily-seasonal recovers slope and swing", () => {
    const wave = dailyWave(30, 15);
    const model = fitDailySeasonal(gridOf((t) => linear(8)(t) + wave(t), 10, { noise: 2 }));
    expect(model).not.toBeNull();
    expect(perDay(model!.slope)).toBeCloseTo(8, 0);
    expect(model!.dailySwing).toBeGreaterThan(50);
    expect(model!.dailySwing).toBeLessThan(62);
  });

  it("daily-seasonal needs three days of hourly buckets", () => {
    expect(fitDailySeasonal(gridOf(linear(8), 2.5))).toBeNull();
  });

  it("robust-linear ignores outliers", () => {
    const model = fitRobustLinear(gridOf(linear(5), 7, { noise: 1, outlierRate: 0.05 }));
    expect(perDay(model!.slope)).toBeCloseTo(5, 0);
  });

  it("robust-linear ignores a scale-up step", () => {
    const stepAt = START + 4 * DAY_MS;
    const truth = (t: number) => linear(5)(t) + (t >= stepAt ? 120 : 0);
    const grid = gridOf(truth, 8, { noise: 1 });
    const end = START + 8 * DAY_MS;
    const model = fitRobustLinear(grid);

    expect(grid.shifts).toHaveLength(1);
    expect(perDay(model!.slope)).toBeCloseTo(5, 0);
    expect(model!.predict(end)).toBeCloseTo(truth(end), -1);
  });
});
