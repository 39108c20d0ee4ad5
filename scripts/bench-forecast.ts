/**
 * Benchmarks the exhaustion forecast engine against predict_linear on fixed-seed synthetic
 * series with known true exhaustion times. Run: npx tsx scripts/bench-forecast.ts
 * Always exits 0; prints PASS or FAIL per target. Method and results: docs/forecast.md.
 */
import {
  DAY_MS,
  DEFAULT_HORIZON_MS,
  type Forecast,
  forecast,
  HOUR_MS,
  linearCrossing,
} from "@/lib/forecast";
import {
  BENCH_CUTOFF_DAYS,
  BENCH_START,
  BENCH_STEP_MS,
  type BenchInstance,
  benchInstances,
} from "@/lib/forecast/bench-scenarios";
import { dailyWave, sampleSeries, trueExhaustion } from "@/lib/forecast/synthetic";

const INSTANCES_PER_SCENARIO = 5;
/** Any miss counts at most this much, so one "never" cannot dominate a median. */
const ERROR_CAP_HOURS = 30 * 24;
const TIMING_RUNS = 20;
const TIMING_BUDGET_MS = 50;

interface CaseResult {
  scenario: string;
  ourError: number;
  linearError: number;
  /** null when the truth is beyond the horizon (coverage does not apply). */
  covered: boolean | null;
  status: Forecast["status"];
  ms: number;
}

/**
 * Absolute error of a predicted exhaustion time in hours. "No exhaustion" on either side
 * stands for the end of the horizon: a correct "not expected" scores 0, a miss scores the
 * distance to the horizon end, and every error is capped at ERROR_CAP_HOURS.
 */
function errorHours(predicted: number | null, truth: number | null, horizonEnd: number): number {
  if (predicted === null && truth === null) return 0;
  const p = predicted ?? horizonEnd;
  const t = truth ?? horizonEnd;
  return Math.min(ERROR_CAP_HOURS, Math.abs(p - t) / HOUR_MS);
}

function predictedTime(result: Forecast): number | null {
  if (result.status === "exhausts" || result.status === "already-exhausted")
    return result.exhaustsAt;
  return null;
}

function runCase(instance: BenchInstance, cutoffDay: number): CaseResult {
  const cutoff = BENCH_START + cutoffDay * DAY_MS;
  const horizonEnd = cutoff + DEFAULT_HORIZON_MS;
  const series = sampleSeries({
    ...instance,
    start: BENCH_START,
    end: cutoff,
    stepMs: BENCH_STEP_MS,
  });
  const capacity = instance.capacityAt(cutoff);
  const truth = trueExhaustion(instance.truth, cutoff, horizonEnd, capacity);

  const started = performance.now();
  const ours = forecast({ series, capacity, now: cutoff });
  const ms = performance.now() - started;

  const line = linearCrossing(series, capacity);
  const linearPredicted = line !== null && line <= horizonEnd ? Math.max(line, cutoff) : null;

  let covered: boolean | null = null;
  if (truth !== null)
    covered = ours.low !== null && ours.low <= truth && (ours.high === null || truth <= ours.high);
  return {
    scenario: instance.scenario,
    ourError: errorHours(predictedTime(ours), truth, horizonEnd),
    linearError: errorHours(linearPredicted, truth, horizonEnd),
    covered,
    status: ours.status,
    ms,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function row(cells: (string | number)[]): string {
  const widths = [16, 6, 11, 18, 7, 11, 13, 10];
  return cells
    .map((c, i) =>
      String(c)
        .padStart(i === 0 ? 0 : widths[i]!)
        .padEnd(i === 0 ? widths[0]! : 0),
    )
    .join(" ");
}

function summarise(name: string, results: CaseResult[]) {
  const ours = median(results.map((r) => r.ourError));
  const linear = median(results.map((r) => r.linearError));
  const withTruth = results.filter((r) => r.covered !== null);
  const covered = withTruth.filter((r) => r.covered).length;
  const coverage = withTruth.length > 0 ? `${covered}/${withTruth.length}` : "-";
  let ratio = "inf";
  if (linear > 0) ratio = (ours / linear).toFixed(2);
  else if (ours === 0) ratio = "0.00";
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const ourMean = mean(results.map((r) => r.ourError)).toFixed(1);
  const linearMean = mean(results.map((r) => r.linearError)).toFixed(1);
  console.log(
    row([
      name,
      results.length,
      ours.toFixed(1),
      linear.toFixed(1),
      ratio,
      ourMean,
      linearMean,
      coverage,
    ]),
  );
  return { ours, linear, covered, withTruth: withTruth.length };
}

/** Times one 30-day, 5-minute series (8,641 samples) with a daily cycle and outliers. */
function timeLongSeries(): number {
  const end = BENCH_START + 30 * DAY_MS;
  const wave = dailyWave(40, 15);
  const truth = (t: number) => 200 + (8 * (t - BENCH_START)) / DAY_MS + wave(t);
  const series = sampleSeries({
    truth,
    start: BENCH_START,
    end,
    stepMs: BENCH_STEP_MS,
    seed: 7,
    noise: 3,
    outlierRate: 0.003,
    nanRate: 0.002,
  });
  const times: number[] = [];
  for (let k = 0; k < TIMING_RUNS; k++) {
    const started = performance.now();
    forecast({ series, capacity: 900 });
    times.push(performance.now() - started);
  }
  return median(times);
}

function main() {
  const instances = benchInstances(INSTANCES_PER_SCENARIO);
  const results = instances.flatMap((instance) =>
    BENCH_CUTOFF_DAYS.map((d) => runCase(instance, d)),
  );

  console.log(
    `Forecast benchmark: ${instances.length} series x ${BENCH_CUTOFF_DAYS.length} cut-offs (days ${BENCH_CUTOFF_DAYS.join(", ")}), 5-minute samples, horizon 90 days`,
  );
  console.log(
    `Error = |predicted - true exhaustion| in hours; "no exhaustion" = horizon end; capped at ${ERROR_CAP_HOURS} h.`,
  );
  console.log(
    "Coverage = true exhaustion inside our 80 % interval, over cases that exhaust within the horizon.\n",
  );
  console.log(
    row([
      "scenario",
      "cases",
      "ours med h",
      "pred_linear med h",
      "ratio",
      "ours mean h",
      "pred_lin mean h",
      "coverage",
    ]),
  );
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  for (const scenario of scenarios)
    summarise(
      scenario,
      results.filter((r) => r.scenario === scenario),
    );
  // Cases with a true exhaustion time only: the target is checked on this row too, so correct
  // "not expected" answers (scored 0) cannot carry the overall median on their own.
  const exhausting = summarise(
    "exhausting only",
    results.filter((r) => r.covered !== null),
  );
  const overall = summarise("overall", results);

  const statuses = new Map<string, number>();
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  console.log(`\nStatuses: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(", ")}`);
  const perCase = median(results.map((r) => r.ms));
  const long = timeLongSeries();
  console.log(
    `Median forecast time: ${perCase.toFixed(1)} ms per case; 30-day series: ${long.toFixed(1)} ms\n`,
  );

  const coverage = overall.covered / Math.max(1, overall.withTruth);
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(
    `${verdict(overall.ours <= overall.linear / 2)} median error ${overall.ours.toFixed(1)} h <= half of predict_linear's ${overall.linear.toFixed(1)} h`,
  );
  console.log(
    `${verdict(exhausting.ours <= exhausting.linear / 2)} median error on exhausting cases ${exhausting.ours.toFixed(1)} h <= half of predict_linear's ${exhausting.linear.toFixed(1)} h`,
  );
  console.log(
    `${verdict(coverage >= 0.7 && coverage <= 0.9)} interval coverage ${(100 * coverage).toFixed(0)} % within 70-90 %`,
  );
  console.log(
    `${verdict(long < TIMING_BUDGET_MS)} 30-day series forecast ${long.toFixed(1)} ms < ${TIMING_BUDGET_MS} ms`,
  );
}

main();
