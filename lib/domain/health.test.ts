import { describe, expect, it } from "vitest";

import { PLANTED } from "@/lib/demo/scenario/planted";

import {
  DEFAULT_HEALTH_THRESHOLDS,
  eniHealth,
  type HealthRule,
  isUnhealthy,
  vpcStatusMeaningful,
} from "./health";
import type { EniRecord } from "./records";
import { scenarioRecords } from "./triage-fixture";

const records = scenarioRecords();
const ctx = { now: records.now, nodes: records.nodes, kubeNodes: records.kubeNodes };

function eni(name: string): EniRecord {
  const found = records.enis.get(name);
  if (!found) throw new Error(`ENI ${name} missing from the scenario`);
  return found;
}

function rules(name: string): HealthRule[] {
  return eniHealth(eni(name), ctx).map((finding) => finding.rule);
}

describe("ENI health rules on the planted cases", () => {
  it("flags the attaching ENI as stuck", () => {
    const findings = eniHealth(eni(PLANTED.enis.attaching), ctx);
    expect(findings[0]?.rule).toBe("stuck-status");
    expect(findings[0]?.severity).toBe("critical");
    expect(findings[0]?.sentence).toMatch(/Stuck in attaching for 20 min/);
    expect(findings.map((f) => f.rule)).toContain("vpc-not-inuse");
  });

  it("flags the detaching ENI as not inuse and regressed", () => {
    expect(rules(PLANTED.enis.detaching)).toEqual(
      expect.arrayContaining(["vpc-not-inuse", "regression"]),
    );
  });

  it("flags CCE Pending on an inuse ENI", () => {
    const found = rules(PLANTED.enis.ccePending);
    expect(found).toContain("cce-not-ready");
    expect(found).toContain("stuck-status");
    expect(found).not.toContain("vpc-not-inuse");
  });

  it("flags deletion stuck behind the finalizer", () => {
    const finding = eniHealth(eni(PLANTED.enis.stuckDeleting), ctx).find(
      (f) => f.rule === "deletion-stuck",
    );
    expect(finding?.severity).toBe("critical");
    expect(finding?.sentence).toMatch(/3 h ago.*eni-syncer/);
  });

  it("flags the orphan for owner and node", () => {
    expect(rules(PLANTED.enis.orphan)).toEqual(
      expect.arrayContaining(["orphan-owner", "orphan-node"]),
    );
  });

  it("flags a missing MAC address", () => {
    const withoutMac = { ...eni(PLANTED.enis.flapping), macAddress: null };
    expect(eniHealth(withoutMac, ctx).map((f) => f.rule)).toContain("missing-mac");
  });

  it("flags flapping", () => {
    const finding = eniHealth(eni(PLANTED.enis.flapping), ctx).find((f) => f.rule === "flapping");
    expect(finding?.sentence).toMatch(/8 status changes in the last 15 min/);
  });

  it("does not flag flapping once the window passed", () => {
    const later = { ...ctx, now: records.now + 60 * 60_000 };
    expect(eniHealth(eni(PLANTED.enis.flapping), later).map((f) => f.rule)).not.toContain(
      "flapping",
    );
  });

  it("flags the regression inuse to available", () => {
    const finding = eniHealth(eni(PLANTED.enis.regression), ctx).find(
      (f) => f.rule === "regression",
    );
    expect(finding?.sentence).toMatch(/from inuse back to available/);
  });

  it("flags status different from the last log entry", () => {
    const finding = eniHealth(eni(PLANTED.enis.statusMismatch), ctx).find(
      (f) => f.rule === "status-mismatch",
    );
    expect(finding?.sentence).toMatch(
      /VPC status is inuse but the last VPC log entry says attaching/,
    );
  });

  it("flags a failed log entry", () => {
    const finding = eniHealth(eni(PLANTED.enis.failedChange), ctx).find(
      (f) => f.rule === "failed-change",
    );
    expect(finding?.sentence).toMatch(/attach ENI failed/);
  });

  it("marks a truncated log as info only", () => {
    const findings = eniHealth(eni(PLANTED.enis.truncatedLog), ctx);
    const truncated = findings.find((f) => f.rule === "log-truncated");
    expect(truncated?.severity).toBe("info");
  });

  it("finds nothing wrong with the upstream BBC ENI", () => {
    expect(eniHealth(eni(PLANTED.upstream.eni), ctx)).toEqual([]);
  });

  it("finds every generated ENI healthy", () => {
    const planted = new Set<string>([...Object.values(PLANTED.enis)]);
    const unhealthy = [...records.enis.values()]
      .filter((record) => !planted.has(record.name))
      .filter((record) => isUnhealthy(eniHealth(record, ctx)))
      .map((record) => record.name);
    expect(unhealthy).toEqual([]);
  });

  it("ignores VPC status on primary-NIC ENIs", () => {
    const bbc = { ...eni(PLANTED.bbcAtCeiling.eni), vpcStatus: "available" };
    expect(vpcStatusMeaningful(bbc)).toBe(false);
    expect(eniHealth(bbc, ctx).map((f) => f.rule)).not.toContain("vpc-not-inuse");
  });

  it("respects a raised stuck threshold", () => {
    const lenient = { ...DEFAULT_HEALTH_THRESHOLDS, stuckMinutes: 60 };
    const findings = eniHealth(eni(PLANTED.enis.attaching), { ...ctx, thresholds: lenient });
    expect(findings.map((f) => f.rule)).not.toContain("stuck-status");
  });
});
