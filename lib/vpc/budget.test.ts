import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { RequestBudget } from "./budget";
import { VpcError } from "./errors";

const START = Date.parse("2025-01-01T00:00:00Z");

function throttled(retryAfterMs?: number): VpcError {
  return new VpcError({
    kind: "throttled",
    operation: "GetSubnet",
    status: 429,
    code: "RequestLimitExceeded",
    message: "GetSubnet failed with HTTP 429 RequestLimitExceeded.",
    retryAfterMs,
  });
}

function serverError(): VpcError {
  return new VpcError({ kind: "server", operation: "GetSubnet", status: 500, message: "boom" });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("RequestBudget", () => {
  it("shares one upstream request among 50 parallel callers", async () => {
    const budget = new RequestBudget();
    const fetcher = vi.fn(async () => 42);

    const figures = await Promise.all(
      Array.from({ length: 50 }, () => budget.getOrFetch("subnets", fetcher)),
    );

    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(budget.upstreamRequests).toBe(1);
    expect(figures.every((figure) => figure.value === 42)).toBe(true);
    expect(figures[0]).toEqual({
      value: 42,
      source: "vpc",
      fetchedAt: START,
      ageMs: 0,
      refreshing: false,
    });
  });

  it("reads a key again only after the refresh interval", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 60_000 });
    let counter = 0;
    const fetcher = vi.fn(async () => ++counter);

    await budget.getOrFetch("k", fetcher);
    await vi.advanceTimersByTimeAsync(59_999);
    const cached = await budget.getOrFetch("k", fetcher);
    await vi.advanceTimersByTimeAsync(1);
    const stale = await budget.getOrFetch("k", fetcher);
    await budget.settled("k");

    expect(cached.value).toBe(1);
    expect(cached.ageMs).toBe(59_999);
    expect(stale).toMatchObject({ value: 1, refreshing: true });
    expect(budget.peek("k")).toMatchObject({ value: 2, ageMs: 0, refreshing: false });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it("waits for the refresh when stale values are off", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 1_000, staleWhileRevalidate: false });
    let counter = 0;
    const fetcher = async () => ++counter;

    await budget.getOrFetch("k", fetcher);
    await vi.advanceTimersByTimeAsync(1_000);

    expect((await budget.getOrFetch("k", fetcher)).value).toBe(2);
  });

  it("keeps the last good value after an error", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 60_000 });
    await budget.getOrFetch("k", async () => "good");
    await vi.advanceTimersByTimeAsync(60_000);

    await budget.getOrFetch("k", async () => Promise.reject(serverError()));
    await budget.settled("k");
    const figure = budget.peek<string>("k");

    expect(figure?.value).toBe("good");
    expect(figure?.fetchedAt).toBe(START);
    expect(figure?.ageMs).toBe(60_000);
    expect(figure?.error).toEqual({
      message: "boom",
      kind: "server",
      code: undefined,
      at: START + 60_000,
    });
  });

  it("clears the error after a success", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 1_000 });
    await budget.getOrFetch("k", async () => Promise.reject(new Error("unreachable")));
    await vi.advanceTimersByTimeAsync(1_000);

    const figure = await budget.getOrFetch("k", async () => 7);

    expect(figure.value).toBe(7);
    expect(figure.error).toBeUndefined();
  });

  it("waits for Retry-After when throttled", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 10_000, random: () => 0 });
    const fetcher = vi.fn(async () => Promise.reject(throttled(300_000)));

    await budget.getOrFetch("k", fetcher);
    await vi.advanceTimersByTimeAsync(299_999);
    await budget.getOrFetch("k", fetcher);
    expect(fetcher).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1);
    await budget.getOrFetch("k", fetcher);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it("doubles the backoff on repeated throttling", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 10_000, random: () => 0 });
    const fetcher = vi.fn(async () => Promise.reject(throttled()));
    const attempts: number[] = [];

    for (let second = 0; second <= 80; second++) {
      const before = fetcher.mock.calls.length;
      await budget.getOrFetch("k", fetcher);
      if (fetcher.mock.calls.length > before) attempts.push(second);
      await vi.advanceTimersByTimeAsync(1_000);
    }

    expect(attempts).toEqual([0, 10, 30, 70]);
  });

  it("backs off on server errors with jitter", async () => {
    const budget = new RequestBudget({ refreshIntervalMs: 10_000, random: () => 0.999 });
    const fetcher = vi.fn(async () => Promise.reject(serverError()));

    await budget.getOrFetch("k", fetcher);
    await vi.advanceTimersByTimeAsync(12_000);
    await budget.getOrFetch("k", fetcher);
    expect(fetcher).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(500);
    await budget.getOrFetch("k", fetcher);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it("limits the request rate across keys", async () => {
    const budget = new RequestBudget({ ratePerSecond: 2 });
    const fetcher = vi.fn(async () => 1);

    const all = Promise.all(
      ["a", "b", "c", "d", "e"].map((key) => budget.getOrFetch(key, fetcher)),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(fetcher).toHaveBeenCalledTimes(2);

    await vi.advanceTimersByTimeAsync(500);
    expect(fetcher).toHaveBeenCalledTimes(3);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetcher).toHaveBeenCalledTimes(5);
    await all;
  });

  it("returns undefined when peeking an unknown key", () => {
    expect(new RequestBudget().peek("nothing")).toBeUndefined();
  });
});
