import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";

import type { EniRecord } from "./records";
import { buildTimeline, lastChangeAt, observedTransitions } from "./timeline";
import { scenarioRecords } from "./triage-fixture";

const records = scenarioRecords();

function eni(name: string): EniRecord {
  const found = records.enis.get(name);
  if (!found) throw new Error(`ENI ${name} missing from the scenario`);
  return found;
}

describe("ENI timeline", () => {
  it("merges both logs oldest first", () => {
    const timeline = buildTimeline(eni(PLANTED.enis.ccePending));
    const sources = timeline.entries.map((entry) => `${entry.source}:${entry.status}`);
    expect(sources).toEqual(["vpc:available", "cce:Pending", "vpc:attaching", "vpc:inuse"]);
    const times = timeline.entries.map((entry) => Date.parse(entry.time ?? ""));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("marks where a truncated log lost history", () => {
    const timeline = buildTimeline(eni(PLANTED.enis.truncatedLog));
    expect(timeline.truncated).toEqual(["vpc"]);
    const firstVpc = timeline.entries.find((entry) => entry.source === "vpc");
    expect(firstVpc?.truncatedBefore).toBe(true);
    expect(timeline.entries.filter((entry) => entry.truncatedBefore)).toHaveLength(1);
  });

  it("does not mark a short log as truncated", () => {
    const timeline = buildTimeline(eni(PLANTED.enis.flapping));
    expect(timeline.truncated).toEqual([]);
    expect(timeline.entries.some((entry) => entry.truncatedBefore)).toBe(false);
  });

  it("keeps watched transitions beyond the log", () => {
    const record = eni(PLANTED.enis.truncatedLog);
    const later = new Date(records.now + 60_000).toISOString();
    const observed = observedTransitions(record, { ...record, vpcStatus: "detaching" }, later);
    const timeline = buildTimeline(record, observed);
    const last = timeline.entries[timeline.entries.length - 1];
    expect(last?.origin).toBe("watch");
    expect(last?.status).toBe("detaching");
    expect(timeline.lastChangeAt).toBe(later);
  });

  it("drops watched transitions the log holds", () => {
    const before = { ...eni(PLANTED.enis.regression), vpcStatus: "inuse" };
    const after = eni(PLANTED.enis.regression);
    const observed = observedTransitions(before, after, new Date(records.now).toISOString());
    expect(observed).toHaveLength(1);
    expect(buildTimeline(after, observed).entries.every((e) => e.origin === "changelog")).toBe(
      true,
    );
  });

  it("reports no transition when the status did not change", () => {
    const record = eni(PLANTED.enis.flapping);
    expect(observedTransitions(record, { ...record }, "2025-01-01T00:00:00Z")).toEqual([]);
    expect(observedTransitions(null, record, "2025-01-01T00:00:00Z")).toEqual([]);
  });

  it("finds the newest change", () => {
    const record = eni(PLANTED.enis.regression);
    expect(lastChangeAt(record)).toBe(record.vpcLog[record.vpcLog.length - 1]?.time);
  });
});
