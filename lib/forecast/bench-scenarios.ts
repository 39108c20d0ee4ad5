import { dailyWave, seededRandom } from "./synthetic";
import { DAY_MS, HOUR_MS } from "./types";

/** Start of every synthetic series (a Monday, midnight UTC). */
export const BENCH_START = Date.UTC(2025, 0, 6);
/** Forecast cut-offs, days after the start; each case sees the series up to its cut-off. */
export const BENCH_CUTOFF_DAYS = [7, 10, 14];
export const BENCH_STEP_MS = 5 * 60_000;

export interface BenchInstance {
  scenario: string;
  seed: number;
  /** Noise-free usage, IPs at epoch ms. */
  truth: (t: number) => number;
  noise: number;
  outlierRate: number;
  nanRate: number;
  gap?: { from: number; to: number };
  /** Capacity for a given cut-off; most scenarios use one capacity for all cut-offs. */
  capacityAt: (cutoff: number) => number;
}

type Build = (random: () => number, seed: number) => Omit<BenchInstance, "scenario" | "seed">;

const day = (t: number) => (t - BENCH_START) / DAY_MS;
const between = (random: () => number, low: number, high: number) => low + (high - low) * random();
const lastCutoff = () => BENCH_START + Math.max(...BENCH_CUTOFF_DAYS) * DAY_MS;

function randomGap(random: () => number) {
  const from = BENCH_START + between(random, 1, 6) * DAY_MS;
  return { from, to: from + 6 * HOUR_MS };
}

const linear: Build = (random) => {
  const base = between(random, 50, 300);
  const rate = between(random, 3, 25);
  const truth = (t: number) => base + rate * day(t);
  const capacity = Math.round(truth(lastCutoff() + between(random, 5, 45) * DAY_MS));
  const noise = between(random, 1, 4);
  return {
    truth,
    noise,
    outlierRate: 0.003,
    nanRate: 0.002,
    gap: randomGap(random),
    capacityAt: () => capacity,
  };
};

const daily: Build = (random) => {
  const base = between(random, 100, 300);
  const rate = between(random, 2, 15);
  const wave = dailyWave(between(random, 15, 60), between(random, 0, 24));
  const truth = (t: number) => base + rate * day(t) + wave(t);
  const capacity = Math.round(truth(lastCutoff() + between(random, 5, 40) * DAY_MS) + 60);
  return {
    truth,
    noise: between(random, 1, 4),
    outlierRate: 0.003,
    nanRate: 0.002,
    capacityAt: () => capacity,
  };
};

const step: Build = (random) => {
  const base = between(random, 50, 200);
  const rate = between(random, 3, 15);
  const steps = [1, 2].map(() => ({
    at: between(random, 1.5, 6.5),
    size: between(random, 40, 150),
  }));
  const truth = (t: number) =>
    base + rate * day(t) + steps.reduce((sum, s) => sum + (day(t) >= s.at ? s.size : 0), 0);
  const capacity = Math.round(truth(lastCutoff() + between(random, 5, 40) * DAY_MS));
  return {
    truth,
    noise: between(random, 1, 3),
    outlierRate: 0.003,
    nanRate: 0.002,
    capacityAt: () => capacity,
  };
};

const plateau: Build = (random) => {
  const base = between(random, 50, 200);
  const rate = between(random, 10, 30);
  const until = between(random, 2, 5);
  const truth = (t: number) => base + rate * Math.min(Math.max(day(t), 0), until);
  const capacity = Math.round(base + rate * until + between(random, 40, 200));
  return {
    truth,
    noise: between(random, 1, 4),
    outlierRate: 0.003,
    nanRate: 0.002,
    capacityAt: () => capacity,
  };
};

const noisyFlat: Build = (random) => {
  const level = between(random, 100, 400);
  const wobble = between(random, 2, 8);
  const period = between(random, 2, 5) * DAY_MS;
  const truth = (t: number) =>
    level + wobble * Math.sin((2 * Math.PI * (t - BENCH_START)) / period);
  const capacity = Math.round(level + between(random, 60, 250));
  return {
    truth,
    noise: between(random, 4, 10),
    outlierRate: 0.005,
    nanRate: 0.002,
    capacityAt: () => capacity,
  };
};

const nearExhausted: Build = (random) => {
  const base = between(random, 100, 300);
  const rate = between(random, 5, 20);
  const amplitude = between(random, 0, 10);
  const wave = dailyWave(amplitude, between(random, 0, 24));
  const truth = (t: number) => base + rate * day(t) + wave(t);
  const noise = between(random, 1, 3);
  const margins = new Map(BENCH_CUTOFF_DAYS.map((d) => [d, between(random, 0.25, 3)]));
  const capacityAt = (cutoff: number) => {
    const margin = margins.get(day(cutoff)) ?? 1;
    return Math.round(base + rate * (day(cutoff) + margin) + amplitude + 3 * noise);
  };
  return { truth, noise, outlierRate: 0.003, nanRate: 0.002, capacityAt };
};

const SCENARIOS: Record<string, Build> = {
  linear,
  "daily cycle": daily,
  "scale-up step": step,
  plateau,
  "noisy flat": noisyFlat,
  "near exhausted": nearExhausted,
};

/** Fixed-seed instances: `perScenario` of each scenario with different parameters. */
export function benchInstances(perScenario: number): BenchInstance[] {
  const instances: BenchInstance[] = [];
  Object.entries(SCENARIOS).forEach(([scenario, build], s) => {
    for (let k = 0; k < perScenario; k++) {
      const seed = 1000 * (s + 1) + k;
      instances.push({ scenario, seed, ...build(seededRandom(seed), seed) });
    }
  });
  return instances;
}
