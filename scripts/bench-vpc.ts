/**
 * Load check of the VPC request budget: simulated viewers poll every subnet through the shared
 * service while a local stand-in counts the upstream requests.
 * Run: npx tsx --conditions=react-server scripts/bench-vpc.ts [--seconds 60] [--viewers 50]
 * (the condition lets Node load the server-only modules outside Next.js).
 */
import { parseArgs } from "node:util";

import type { VpcFixture } from "../lib/demo/vpc/standin";
import { startVpcStandin } from "../lib/demo/vpc/standin";
import { loadVpcConfig } from "../lib/vpc/config";
import { createVpcService } from "../lib/vpc/service";

const CREDENTIALS = { accessKeyId: "bench-ak", secretAccessKey: "bench-sk" };

const USAGE = `Usage: npx tsx --conditions=react-server scripts/bench-vpc.ts [options]

Options:
  --seconds N    run time in seconds (default 60)
  --viewers N    simulated dashboard viewers (default 50)
  --subnets N    subnets in the stand-in (default 20)
  --poll N       seconds between one viewer's rounds (default 2)
  --refresh N    service refresh interval in seconds (default 15)
  -h, --help     show this help`;

function positive(name: string, value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0) || !Number.isFinite(parsed)) {
    throw new Error(`invalid --${name} "${value}": expected a positive number`);
  }
  return parsed;
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "60" },
      viewers: { type: "string", default: "50" },
      subnets: { type: "string", default: "20" },
      poll: { type: "string", default: "2" },
      refresh: { type: "string", default: "15" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  return {
    help: values.help,
    seconds: positive("seconds", values.seconds),
    viewers: Math.round(positive("viewers", values.viewers)),
    subnets: Math.round(positive("subnets", values.subnets)),
    pollMs: positive("poll", values.poll) * 1000,
    refreshMs: positive("refresh", values.refresh) * 1000,
  };
}

function benchFixture(count: number): VpcFixture {
  const subnets = Array.from({ length: count }, (_, index) => ({
    subnetId: `sbn-bench${String(index).padStart(4, "0")}`,
    name: `bench-${index}`,
    zoneName: "cn-bj-d",
    cidr: `10.${index % 250}.0.0/24`,
    vpcId: "vpc-bench",
    availableIp: 200 + index,
  }));
  return { subnets, enis: [], bbcPorts: {}, instanceEnis: {} };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** Counts upstream reads per subnet and per refresh-interval window since `start`. */
function perSubnetStats(times: Map<string, number[]>, start: number, intervalMs: number) {
  let maxPerWindow = 0;
  let minGapMs = Number.POSITIVE_INFINITY;
  for (const list of times.values()) {
    const windows = new Map<number, number>();
    list.forEach((time, index) => {
      const window = Math.floor((time - start) / intervalMs);
      windows.set(window, (windows.get(window) ?? 0) + 1);
      const previous = list[index - 1];
      if (previous !== undefined) minGapMs = Math.min(minGapMs, time - previous);
    });
    maxPerWindow = Math.max(maxPerWindow, ...windows.values());
  }
  return { maxPerWindow, minGapMs };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }

  const fixture = benchFixture(options.subnets);
  const standin = await startVpcStandin({ credentials: CREDENTIALS, fixture });
  const config = loadVpcConfig({
    BCE_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    BCE_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    BCE_VPC_ENDPOINT: standin.url,
  });
  const service = createVpcService({ config, budget: { refreshIntervalMs: options.refreshMs } });
  const ids = fixture.subnets.map((subnet) => subnet.subnetId);

  const start = Date.now();
  const end = start + options.seconds * 1000;
  const roundMs: number[] = [];
  let viewerCalls = 0;
  let failedFigures = 0;

  async function viewer(offsetMs: number): Promise<void> {
    await sleep(offsetMs);
    while (Date.now() < end) {
      const roundStart = Date.now();
      const figures = await Promise.all(ids.map((id) => service.subnet(id)));
      viewerCalls += figures.length;
      failedFigures += figures.filter((figure) => figure.value === undefined).length;
      roundMs.push(Date.now() - roundStart);
      await sleep(Math.max(0, options.pollMs - (Date.now() - roundStart)));
    }
  }

  // Viewers start spread over one poll period, as real browsers would.
  const spread = options.pollMs / options.viewers;
  await Promise.all(Array.from({ length: options.viewers }, (_, index) => viewer(index * spread)));
  const durationMs = Date.now() - start;
  await standin.close();

  const times = new Map<string, number[]>(ids.map((id) => [id, []]));
  for (const request of standin.requests) {
    times.get(request.path.replace("/v1/subnet/", ""))?.push(request.time.getTime());
  }
  const upstream = standin.requests.length;
  const windows = Math.ceil((options.seconds * 1000) / options.refreshMs);
  const stats = perSubnetStats(times, start, options.refreshMs);
  const sortedRounds = [...roundMs].sort((a, b) => a - b);
  const targetMet = stats.maxPerWindow <= 1 && stats.minGapMs >= options.refreshMs;

  console.log(`viewers: ${options.viewers} polling every ${options.pollMs / 1000} s`);
  console.log(`duration: ${(durationMs / 1000).toFixed(1)} s`);
  console.log(`subnets: ${ids.length}`);
  console.log(`refresh interval: ${options.refreshMs / 1000} s (${windows} windows)`);
  console.log(`viewer reads: ${viewerCalls} (${failedFigures} without a value)`);
  console.log(
    `upstream requests: ${upstream} total, ${(upstream / ids.length).toFixed(2)} per subnet`,
  );
  console.log(
    `per subnet per interval: max ${stats.maxPerWindow}, mean ` +
      `${(upstream / ids.length / windows).toFixed(2)}; shortest gap ` +
      `${(stats.minGapMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `viewer round latency: p50 ${percentile(sortedRounds, 0.5)} ms, ` +
      `p95 ${percentile(sortedRounds, 0.95)} ms, max ${sortedRounds.at(-1) ?? 0} ms`,
  );
  console.log(`target (at most one read per subnet per interval): ${targetMet ? "PASS" : "FAIL"}`);
}

main().catch((error: unknown) => {
  console.error(`bench-vpc failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
