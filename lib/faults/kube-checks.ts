/** Shared waits and assertions of the Kubernetes fault-matrix rows. */
import { expect, vi } from "vitest";

import type { SourceErrorKind } from "@/lib/kube/errors";
import type { ResourceState } from "@/lib/kube/reflector";

import type { KubeHarness, NodesAnswer } from "./kube-harness";

const WAIT = { timeout: 15_000, interval: 50 };

export function stateOf(harness: KubeHarness, resource: string): ResourceState {
  const state = harness.cache.states().find((candidate) => candidate.resource === resource);
  if (!state) throw new Error(`no reflector for ${resource}`);
  return state;
}

/** Waits until `resource` has failed with `kind` at least `attempts` times in a row. */
export async function waitForFault(
  harness: KubeHarness,
  resource: string,
  kind: SourceErrorKind,
  attempts = 2,
): Promise<void> {
  await vi.waitFor(() => {
    const error = stateOf(harness, resource).error;
    expect(error?.kind).toBe(kind);
    expect(error?.attempts).toBeGreaterThanOrEqual(attempts);
  }, WAIT);
}

export async function waitForRecovery(harness: KubeHarness, resource: string): Promise<void> {
  await vi.waitFor(() => {
    const state = stateOf(harness, resource);
    expect(state.synced).toBe(true);
    expect(state.error).toBeNull();
  }, WAIT);
}

/** Asserts the nodes API still returns 200 with `count` nodes. */
export function expectServed(answer: NodesAnswer, count: number): void {
  expect(answer.status).toBe(200);
  expect(answer.items).toHaveLength(count);
}

/** Asserts the response marks the data stale, with its age and a message naming the fault. */
export function expectStale(answer: NodesAnswer, resource: string, words: string): void {
  const freshness = answer.freshness;
  expect(freshness?.status).toBe("stale");
  expect(freshness?.lastContactAt).not.toBeNull();
  expect(freshness?.ageSeconds).toBeGreaterThanOrEqual(0);
  const error = freshness?.errors.find((candidate) => candidate.resource === resource);
  expect(error?.message).toContain(words);
}

/** Adds a used IP to one node in the demo store, to prove updates flow again. */
export function touchNode(harness: KubeHarness, ip: string): void {
  harness.cluster.store.update("netresourcesets", "10.0.19.7", (obj) => {
    const status = obj.status as { ipam: { used: Record<string, unknown> } };
    status.ipam.used[ip] = { owner: "faults/probe", resource: "eni-ih1seearb7y8" };
  });
}

export async function waitForNodeIp(harness: KubeHarness, ip: string): Promise<void> {
  await vi.waitFor(() => {
    expect(harness.cache.nodes.items.get("10.0.19.7")?.used.has(ip)).toBe(true);
  }, WAIT);
}
