/**
 * Benchmarks the dashboard against the demo cluster at a given scale, all on 127.0.0.1:
 * time from start to the first full sync (/readyz), the server's resident memory, and latency
 * of GET /api/v1/nodes once warm. Needs a production build (npm run build).
 *
 *   npm run bench:api -- [--scale 5000] [--requests 300] [--concurrency 1] [--port 3900]
 *                        [--warmup 20] [--history seeded|on|off]
 *
 * --history seeded (default) is what `npm run demo` does: 30 days of invented history, then the
 * live sampler; "on" starts from an empty file; "off" runs without a history file. Measuring
 * starts --warmup seconds after /readyz, once start-up work such as seeding has finished.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { hasProductionBuild, startStack } from "../lib/demo/stack";

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "5000" },
      requests: { type: "string", default: "300" },
      concurrency: { type: "string", default: "1" },
      port: { type: "string", default: "3900" },
      path: { type: "string", default: "/api/v1/nodes" },
      warmup: { type: "string", default: "20" },
      history: { type: "string", default: "seeded" },
    },
  });
  return {
    scale: Number(values.scale),
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    port: Number(values.port),
    path: values.path,
    warmupSeconds: Number(values.warmup),
    history: values.history,
  };
}

/** Resident memory of a process and all its descendants, in MiB, read from /proc. */
function treeRssMiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kib);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeRequests(url: string, count: number, concurrency: number): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      next += 1;
      const start = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${url} returned ${response.status}`);
      durations.push(performance.now() - start);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return durations.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const opts = options();
  if (!hasProductionBuild()) throw new Error("no production build: run `npm run build` first");
  const started = performance.now();
  const stack = await startStack({
    appPort: opts.port,
    scale: opts.scale,
    churn: true,
    dataDir: `.demo/bench-${opts.port}-${Date.now()}`,
    env: {
      LOG_LEVEL: "warn",
      HISTORY_DEMO_SEED: opts.history === "seeded" ? "1" : "",
      ...(opts.history === "off" ? { HISTORY_DB: "off" } : {}),
    },
  });
  try {
    while (!(await fetch(`${stack.appUrl}/readyz`)).ok) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const syncSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, opts.warmupSeconds * 1000));
    const pid = stack.app.pid as number;
    const url = `${stack.appUrl}${opts.path}`;
    const first = await timeRequests(url, 1, 1);
    await timeRequests(url, 30, 1);
    const durations = await timeRequests(url, opts.requests, opts.concurrency);
    const body = await (await fetch(url)).text();
    console.log(`scale:                 ${opts.scale} generated nodes (demo churn on)`);
    console.log(
      `history:               ${opts.history}; measured ${opts.warmupSeconds} s after ready`,
    );
    console.log(
      `time to first sync:    ${syncSeconds.toFixed(1)} s (process start to /readyz 200)`,
    );
    console.log(
      `server memory (RSS):   ${treeRssMiB(pid).toFixed(0)} MiB (dashboard process tree)`,
    );
    console.log(`response size:         ${(body.length / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`first request:         ${first[0]?.toFixed(1)} ms`);
    console.log(
      `GET ${opts.path} warm:  p50 ${percentile(durations, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(durations, 95).toFixed(1)} ms, max ${durations.at(-1)?.toFixed(1)} ms ` +
        `(${durations.length} requests, concurrency ${opts.concurrency})`,
    );
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
