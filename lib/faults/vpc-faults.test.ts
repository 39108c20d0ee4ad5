/**
 * Fault matrix, VPC API: each row breaks the signed VPC stand-in after a first good read and
 * checks that the cached figure keeps its last value and fetchedAt, names the error kind, is
 * read again once the fault clears, and that the failure was logged once per episode.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { sampleClusterObjects } from "@/lib/demo/vpc/sample-cluster";
import { fixtureFromCluster, startVpcStandin, type VpcStandin } from "@/lib/demo/vpc/standin";
import type { CachedFigure } from "@/lib/vpc/budget";
import { createVpcClient } from "@/lib/vpc/client";
import { loadVpcConfig } from "@/lib/vpc/config";
import type { Subnet } from "@/lib/vpc/schemas";
import { createVpcService, type VpcService } from "@/lib/vpc/service";

import { captureLogs, type LogCapture } from "./log-capture";
import { FaultMatrix } from "./matrix";

const CREDENTIALS = { accessKeyId: "faults-ak", secretAccessKey: "faults-sk" };
const FIXTURE = fixtureFromCluster(sampleClusterObjects());
const SUBNET_COUNT = 3;
const WAIT = { timeout: 10_000, interval: 20 };

const matrix = new FaultMatrix("Fault matrix: VPC API");
let standin: VpcStandin;
let logs: LogCapture;

beforeEach(async () => {
  logs = captureLogs();
  standin = await startVpcStandin({ credentials: CREDENTIALS, fixture: FIXTURE, pageSize: 1 });
});

afterEach(async () => {
  logs.restore();
  await standin.close();
});

afterAll(() => matrix.print());

/** A service with a 100 ms refresh interval and a 300 ms request timeout. */
function fastService(): VpcService {
  const environment = {
    BCE_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    BCE_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    BCE_VPC_ENDPOINT: standin.url,
  };
  const client = createVpcClient({
    vpcEndpoint: standin.url,
    credentials: CREDENTIALS,
    timeoutMs: 300,
    pageSize: 1,
  });
  return createVpcService({
    config: loadVpcConfig(environment),
    client,
    budget: { refreshIntervalMs: 100, ratePerSecond: 100, maxBackoffMs: 400, random: () => 0 },
  });
}

async function firstGoodRead(vpc: VpcService): Promise<CachedFigure<Subnet[]>> {
  const figure = await vpc.subnets();
  expect(figure.value).toHaveLength(SUBNET_COUNT);
  return figure;
}

/** Polls the figure until it carries an error of `kind` and `failures` failed upstream reads. */
async function waitForFailure(
  vpc: VpcService,
  kind: string,
  failures: () => number,
): Promise<CachedFigure<Subnet[]>> {
  let figure: CachedFigure<Subnet[]> | undefined;
  await vi.waitFor(async () => {
    figure = await vpc.subnets();
    expect(figure.error?.kind).toBe(kind);
    expect(failures()).toBeGreaterThanOrEqual(3);
  }, WAIT);
  return figure as CachedFigure<Subnet[]>;
}

async function waitForRecovery(vpc: VpcService, after: number): Promise<void> {
  await vi.waitFor(async () => {
    const figure = await vpc.subnets();
    expect(figure.error).toBeUndefined();
    expect(figure.fetchedAt).toBeGreaterThan(after);
    expect(figure.value).toHaveLength(SUBNET_COUNT);
  }, WAIT);
}

function failedRequests(status: number): number {
  return standin.requests.filter((request) => request.status === status).length;
}

function failureLines(): number {
  return logs.lines.filter((line) => line.message === "VPC read failed").length;
}

function recoveryLines(): number {
  return logs.lines.filter((line) => line.message === "VPC read recovered").length;
}

type Row = ReturnType<FaultMatrix["row"]>;

/** Checks a failing figure: last value kept, fetchedAt unchanged, error message present. */
function expectStaleFigure(
  row: Row,
  figure: CachedFigure<Subnet[]>,
  good: CachedFigure<Subnet[]>,
  words: string,
): void {
  expect(figure.value).toHaveLength(SUBNET_COUNT);
  row.pass("served");
  expect(figure.fetchedAt).toBe(good.fetchedAt);
  expect(figure.ageMs).toBeGreaterThan(0);
  expect(figure.error?.message).toContain(words);
  row.pass("staleMarked");
}

describe("VPC API faults", () => {
  it("throttling: last figure kept, Retry-After obeyed", async () => {
    const row = matrix.row("VPC throttling (429, Retry-After 1 s)");
    const vpc = fastService();
    const good = await firstGoodRead(vpc);
    standin.knobs.throttle = { retryAfterSeconds: 1 };
    const started = Date.now();

    const figure = await waitForFailure(vpc, "throttled", () => failedRequests(429));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expectStaleFigure(row, figure, good, "RequestLimitExceeded");

    standin.knobs.reset();
    await waitForRecovery(vpc, good.fetchedAt ?? 0);
    row.pass("recovered");

    expect(failureLines()).toBe(1);
    expect(recoveryLines()).toBe(1);
    row.pass("loggedOnce");
  });

  it("server error: last figure kept, then refreshed", async () => {
    const row = matrix.row("VPC 5xx (503)");
    const vpc = fastService();
    const good = await firstGoodRead(vpc);
    standin.knobs.serverErrorStatus = 503;

    const figure = await waitForFailure(vpc, "server", () => failedRequests(503));
    expectStaleFigure(row, figure, good, "HTTP 503");

    standin.knobs.reset();
    await waitForRecovery(vpc, good.fetchedAt ?? 0);
    row.pass("recovered");

    expect(failureLines()).toBe(1);
    expect(recoveryLines()).toBe(1);
    row.pass("loggedOnce");
  });

  it("hanging API: reads time out, figure kept", async () => {
    const row = matrix.row("VPC timeout (no response)");
    const vpc = fastService();
    const good = await firstGoodRead(vpc);
    standin.knobs.hang = true;

    const figure = await waitForFailure(vpc, "timeout", () => failedRequests(0));
    expectStaleFigure(row, figure, good, "timed out");

    standin.knobs.reset();
    await waitForRecovery(vpc, good.fetchedAt ?? 0);
    row.pass("recovered");

    expect(failureLines()).toBe(1);
    expect(recoveryLines()).toBe(1);
    row.pass("loggedOnce");
  });

  it("rejected credentials: auth error, then back", async () => {
    const row = matrix.row("VPC wrong credentials (key rotated)");
    const vpc = fastService();
    const good = await firstGoodRead(vpc);
    // The cloud side stops accepting the dashboard's key: a stand-in with another key pair.
    const port = Number(new URL(standin.url).port);
    await standin.close();
    const rotated = { accessKeyId: "faults-ak", secretAccessKey: "rotated-sk" };
    standin = await startVpcStandin({ port, credentials: rotated, fixture: FIXTURE, pageSize: 1 });

    const figure = await waitForFailure(vpc, "auth", () => failedRequests(403));
    expectStaleFigure(row, figure, good, "Check the access key and secret");
    expect(JSON.stringify(figure)).not.toContain(CREDENTIALS.secretAccessKey);

    await standin.close();
    standin = await startVpcStandin({ port, credentials: CREDENTIALS, fixture: FIXTURE });
    await waitForRecovery(vpc, good.fetchedAt ?? 0);
    row.pass("recovered");

    expect(failureLines()).toBe(1);
    expect(recoveryLines()).toBe(1);
    row.pass("loggedOnce");
  });

  it("subnet list breaking on page 2 keeps the old list", async () => {
    const row = matrix.row("VPC paged list breaks on page 2");
    const vpc = fastService();
    const good = await firstGoodRead(vpc);
    standin.knobs.breakListOnPage = 2;

    const figure = await waitForFailure(vpc, "server", () => failedRequests(500));
    expectStaleFigure(row, figure, good, "ListSubnets page 2");

    standin.knobs.reset();
    await waitForRecovery(vpc, good.fetchedAt ?? 0);
    row.pass("recovered");

    expect(failureLines()).toBe(1);
    expect(recoveryLines()).toBe(1);
    row.pass("loggedOnce");
  });
});
