import { describe, expect, it } from "vitest";

import { forecast, predictLinear } from "./index";
import { dailyWave, sampleSeries, trueExhaustion } from "./synthetic";
import { DAY_MS, HOUR_MS, type Point } from "./types";

const START = Date.UTC(2025, 0, 6);
const FIVE_MINUTES = 5 * 60_000;

function series(truth: (t: number) => number, days: number, noise = 2): Point[] {
  const end = START + days * DAY_MS;
  return sampleSeries({ truth, start: START, end, stepMs: FIVE_MINUTES, seed: 5, noise });
}

const linear = (base: number, rate: number) => (t: number) => base + (rate * (t - START)) / DAY_MS;

describe("forecast", () => {
  it("steady growth exhausts near the truth", () => {
    const truth = linear(100, 10);
    const end = START + 14 * DAY_MS;
    const result = forecast({ series: series(truth, 14), capacity: 500 });
    const expected = trueExhaustion(truth, end, end + 90 * DAY_MS, 500)!;

    expect(result.status).toBe("exhausts");
    expect(Math.abs(result.exhaustsAt! - expected)).toBeLessThan(12 * HOUR_MS);
    expect(result.reason).toMatch(/grows about 10 IPs a day/);
  });

  it("interval contains the truth on a clean series", () => {
    const truth = linear(100, 10);
    const end = START + 14 * DAY_MS;
    const result = forecast({ series: series(truth, 14, 1), capacity: 500 });
    const expected = trueExhaustion(truth, end, end + 90 * DAY_MS, 500)!;

    expect(result.low).not.toBeNull();
    expect(result.low!).toBeLessThanOrEqual(expected);
    expect(result.high === null || result.high >= expected).toBe(true);
  });

  it("daily cycle exhausts at the peak", () => {
    const peakHour = 15;
    const wave = dailyWave(40, peakHour);
    const truth = (t: number) => linear(100, 8)(t) + wave(t);
    const end = START + 14 * DAY_MS;
    const result = forecast({ series: series(truth, 14), capacity: 400 });
    const atPeak = trueExhaustion(truth, end, end + 90 * DAY_MS, 400)!;
    const atMean = trueExhaustion(linear(100, 8), end, end + 90 * DAY_MS, 400)!;

    expect(result.method).toBe("daily-seasonal");
    expect(result.status).toBe("exhausts");
    expect(Math.abs(result.exhaustsAt! - atPeak)).toBeLessThan(3 * HOUR_MS);
    expect(result.exhaustsAt!).toBeLessThan(atMean - 2 * DAY_MS);
    expect(result.reason).toMatch(/daily cycle/);
  });

  it("short history is insufficient data", () => {
    const result = forecast({ series: series(linear(100, 10), 0.2), capacity: 500 });
    expect(result.status).toBe("insufficient-data");
    expect(result.exhaustsAt).toBeNull();
  });

  it("too few samples are insufficient data", () => {
    const sparse = [0, 1, 2, 3, 4].map((h) => ({ t: START + h * 4 * HOUR_MS, v: 100 + h }));
    expect(forecast({ series: sparse, capacity: 500 }).status).toBe("insufficient-data");
  });

  it("flat usage is not expected to exhaust", () => {
    const result = forecast({ series: series(() => 200, 10, 5), capacity: 300 });
    expect(result.status).toBe("not-expected");
    expect(result.exhaustsAt).toBeNull();
    expect(result.high).toBeNull();
  });

  it("falling usage is not expected to exhaust", () => {
    const result = forecast({ series: series(linear(300, -5), 10), capacity: 320 });
    expect(result.status).toBe("not-expected");
    expect(result.reason).toMatch(/falls/);
  });

  it("usage at capacity is already exhausted", () => {
    const points = series(linear(100, 10), 10, 0);
    const last = points[points.length - 1]!;
    const result = forecast({ series: points, capacity: last.v });
    expect(result.status).toBe("already-exhausted");
    expect(result.exhaustsAt).toBe(last.t);
  });

  it("NaN samples and later points are ignored", () => {
    const points = series(linear(100, 10), 10).map((p, i) => (i % 50 === 0 ? { ...p, v: NaN } : p));
    const now = points[points.length - 1]!.t - DAY_MS;
    const result = forecast({ series: points, capacity: 500, now });
    expect(result.status).toBe("exhausts");
    expect(result.path![0]!.t).toBe(now);
  });

  it("invalid capacity is rejected", () => {
    const result = forecast({ series: series(linear(100, 10), 10), capacity: 0 });
    expect(result.status).toBe("insufficient-data");
    expect(result.reason).toMatch(/Capacity/);
  });
});

describe("predictLinear", () => {
  it("matches a hand-computed least-squares line", () => {
    // x̄ = 1.5 s, ȳ = 2.75; Sxy = 5.5, Sxx = 5 s², so slope 1.1 per s and intercept 1.1.
    const points = [
      { t: 0, v: 1 },
      { t: 1000, v: 3 },
      { t: 2000, v: 2 },
      { t: 3000, v: 5 },
    ];
    expect(predictLinear(points, 5000)).toBeCloseTo(6.6, 10);
    expect(predictLinear(points, 0)).toBeCloseTo(1.1, 10);
  });

  it("returns NaN for one sample", () => {
    expect(predictLinear([{ t: 0, v: 1 }], 10)).toBeNaN();
  });
});
