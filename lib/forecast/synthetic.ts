import type { Point } from "./types";
import { DAY_MS } from "./types";

/** Seeded uniform generator in [0, 1) (mulberry32), so benchmarks and tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw by the Box–Muller transform. */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface SampleOptions {
  /** Noise-free usage at time t (epoch ms). */
  truth: (t: number) => number;
  start: number;
  end: number;
  stepMs: number;
  seed: number;
  /** Standard deviation of Gaussian noise, IPs. */
  noise?: number;
  /** Share of samples replaced by a spike of 20-80 IPs (scrape glitches). */
  outlierRate?: number;
  /** Share of samples that are NaN. */
  nanRate?: number;
  /** Samples inside [from, to) are dropped, as after a collector restart. */
  gap?: { from: number; to: number };
}

/** Samples `truth` on a regular clock with noise, spikes, NaN and an optional gap. */
export function sampleSeries(options: SampleOptions): Point[] {
  const random = seededRandom(options.seed);
  const points: Point[] = [];
  for (let t = options.start; t <= options.end; t += options.stepMs) {
    if (options.gap && t >= options.gap.from && t < options.gap.to) continue;

    let v = Math.round(options.truth(t) + (options.noise ?? 0) * gaussian(random));
    if (random() < (options.outlierRate ?? 0))
      v += (random() < 0.5 ? -1 : 1) * (20 + 60 * random());
    if (random() < (options.nanRate ?? 0)) v = NaN;
    points.push({ t, v });
  }
  return points;
}

/** Returns the first time in [from, to] at which `truth` reaches `capacity`, at 1-minute steps. */
export function trueExhaustion(
  truth: (t: number) => number,
  from: number,
  to: number,
  capacity: number,
): number | null {
  for (let t = from; t <= to; t += 60_000) if (truth(t) >= capacity) return t;
  return null;
}

/** Daily sine wave peaking at `peakHour` (UTC hour of day). */
export function dailyWave(amplitude: number, peakHour: number): (t: number) => number {
  return (t) => amplitude * Math.cos((2 * Math.PI * (t - peakHour * 3_600_000)) / DAY_MS);
}
