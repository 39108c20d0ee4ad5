/**
 * ENI health rules. Each rule looks at one ENI record (and which nodes exist) and returns a
 * finding with a plain sentence for the UI, or nothing. Pure: the caller passes the time and the
 * thresholds, so lib/server reads the environment and tests pin the clock.
 */
import { PRIMARY_NIC_MODE } from "./pool";
import type { EniRecord, StatusChange } from "./records";

export type Severity = "critical" | "warning" | "info";

export type HealthRule =
  | "vpc-not-inuse"
  | "cce-not-ready"
  | "stuck-status"
  | "deletion-stuck"
  | "orphan-owner"
  | "orphan-node"
  | "missing-mac"
  | "flapping"
  | "regression"
  | "status-mismatch"
  | "failed-change"
  | "log-truncated";

export interface HealthFinding {
  rule: HealthRule;
  severity: Severity;
  sentence: string;
}

/** Tunable limits of the health rules; lib/server overrides them from the environment. */
export interface HealthThresholds {
  /** Minutes an ENI may stay attaching or available before it counts as stuck (operator gives up after 5). */
  stuckMinutes: number;
  /** Minutes CCEStatus may stay Pending after the ENI became inuse. */
  pendingMinutes: number;
  /** Minutes a deletion may wait on the eni-syncer finalizer. */
  deletionMinutes: number;
  /** Length of the window, in minutes, in which transitions are counted for flapping. */
  flapWindowMinutes: number;
  /** Transitions inside the window from which an ENI counts as flapping. */
  flapTransitions: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: Readonly<HealthThresholds> = Object.freeze({
  stuckMinutes: 5,
  pendingMinutes: 10,
  deletionMinutes: 10,
  flapWindowMinutes: 15,
  flapTransitions: 4,
});

/** Changelog length at which older history is known to be lost (the operator keeps 19 or 20). */
export const TRUNCATED_LOG_LENGTH = 19;

export const ENI_FINALIZER = "eni-syncer";

const READY_CCE_STATUSES = new Set(["ReadyOnNode", "UsingInPod"]);
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export interface HealthContext {
  /** Epoch milliseconds of "now". */
  now: number;
  /** Names of existing NetResourceSets. */
  nodes: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Names of existing Kubernetes Nodes; null when Nodes are not synced, so the rule is skipped. */
  kubeNodes: ReadonlySet<string> | ReadonlyMap<string, unknown> | null;
  thresholds?: HealthThresholds;
}

/** BBC ENIs and EBC primary-NIC ENIs have VPCStatus forced to inuse, so it says nothing. */
export function vpcStatusMeaningful(eni: Pick<EniRecord, "type" | "useMode">): boolean {
  return eni.type !== "bbc" && eni.useMode !== PRIMARY_NIC_MODE;
}

function minutesSince(iso: string | null, now: number): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : (now - time) / 60_000;
}

function lastTime(log: readonly StatusChange[], status: string): string | null {
  for (let i = log.length - 1; i >= 0; i -= 1) {
    const entry = log[i];
    if (entry && entry.status === status) return entry.time;
  }
  return null;
}

function minutes(value: number): string {
  return value >= 120 ? `${Math.round(value / 60)} h` : `${Math.round(value)} min`;
}

function vpcNotInuse(eni: EniRecord): HealthFinding | null {
  if (!vpcStatusMeaningful(eni) || eni.vpcStatus === "inuse") return null;
  return {
    rule: "vpc-not-inuse",
    severity: "warning",
    sentence: `VPC status is ${eni.vpcStatus}, not inuse: its IPs are not in the node's pool and allocation on the node may be blocked until it settles.`,
  };
}

function cceNotReady(eni: EniRecord): HealthFinding | null {
  if (READY_CCE_STATUSES.has(eni.cceStatus)) return null;
  return {
    rule: "cce-not-ready",
    severity: "warning",
    sentence: `CCE status is ${eni.cceStatus}: the agent has not configured this interface on the node.`,
  };
}

function stuckStatus(eni: EniRecord, ctx: HealthContext, t: HealthThresholds) {
  const findings: HealthFinding[] = [];
  const vpcWaiting = vpcStatusMeaningful(eni) && ["attaching", "available"].includes(eni.vpcStatus);
  if (vpcWaiting) {
    const since = lastTime(eni.vpcLog, eni.vpcStatus) ?? eni.createdAt;
    const age = minutesSince(since, ctx.now);
    if (age !== null && age > t.stuckMinutes) {
      findings.push({
        rule: "stuck-status",
        severity: "critical",
        sentence: `Stuck in ${eni.vpcStatus} for ${minutes(age)}; the operator normally rolls back an ENI after 5 min.`,
      });
    }
  }
  if (eni.cceStatus === "Pending" && eni.vpcStatus === "inuse") {
    const since = lastTime(eni.vpcLog, "inuse") ?? lastTime(eni.cceLog, "Pending") ?? eni.createdAt;
    const age = minutesSince(since, ctx.now);
    if (age !== null && age > t.pendingMinutes) {
      findings.push({
        rule: "stuck-status",
        severity: "critical",
        sentence: `CCE status Pending for ${minutes(age)} although the ENI is inuse: check the agent on node ${eni.node}.`,
      });
    }
  }
  return findings;
}

function deletionStuck(eni: EniRecord, ctx: HealthContext, t: HealthThresholds) {
  if (!eni.deletionTimestamp || !eni.finalizers.includes(ENI_FINALIZER)) return null;
  const age = minutesSince(eni.deletionTimestamp, ctx.now);
  if (age === null || age <= t.deletionMinutes) return null;
  return {
    rule: "deletion-stuck",
    severity: "critical",
    sentence: `Deleted ${minutes(age)} ago but still held by the ${ENI_FINALIZER} finalizer: the operator has not released it.`,
  } satisfies HealthFinding;
}

function orphans(eni: EniRecord, ctx: HealthContext): HealthFinding[] {
  const findings: HealthFinding[] = [];
  if (!eni.ownerNode || !ctx.nodes.has(eni.ownerNode)) {
    findings.push({
      rule: "orphan-owner",
      severity: "warning",
      sentence: eni.ownerNode
        ? `Its owning NetResourceSet ${eni.ownerNode} no longer exists.`
        : "It has no owning NetResourceSet, so nothing will clean it up.",
    });
  }
  const nodeMissing = !ctx.nodes.has(eni.node) || (ctx.kubeNodes && !ctx.kubeNodes.has(eni.node));
  if (nodeMissing) {
    findings.push({
      rule: "orphan-node",
      severity: "warning",
      sentence: `Node ${eni.node} is gone, but the ENI still holds ${eni.ipv4.length} IPs in subnet ${eni.subnetId ?? "unknown"}.`,
    });
  }
  if (!eni.macAddress) {
    findings.push({
      rule: "missing-mac",
      severity: "warning",
      sentence: "The ENI has no MAC address, so the agent cannot find its interface on the node.",
    });
  }
  return findings;
}

/** Transitions inside the flapping window, counted across both logs. */
export function recentTransitions(eni: EniRecord, now: number, windowMinutes: number): number {
  const from = now - windowMinutes * 60_000;
  return [...eni.vpcLog, ...eni.cceLog].filter((entry) => {
    const time = entry.time ? Date.parse(entry.time) : Number.NaN;
    return time >= from && time <= now;
  }).length;
}

function flapping(eni: EniRecord, ctx: HealthContext, t: HealthThresholds) {
  const count = recentTransitions(eni, ctx.now, t.flapWindowMinutes);
  if (count < t.flapTransitions) return null;
  return {
    rule: "flapping",
    severity: "warning",
    sentence: `Flapping: ${count} status changes in the last ${t.flapWindowMinutes} min.`,
  } satisfies HealthFinding;
}

function regression(eni: EniRecord): HealthFinding | null {
  let last: StatusChange | null = null;
  let count = 0;
  for (let i = 1; i < eni.vpcLog.length; i += 1) {
    const before = eni.vpcLog[i - 1];
    const after = eni.vpcLog[i];
    if (
      before?.status === "inuse" &&
      (after?.status === "detaching" || after?.status === "available")
    ) {
      count += 1;
      last = after;
    }
  }
  if (!last) return null;
  return {
    rule: "regression",
    severity: "warning",
    sentence: `Went from inuse back to ${last.status}${last.time ? ` at ${last.time}` : ""}${count > 1 ? ` (${count} times in its log)` : ""}.`,
  };
}

function mismatch(eni: EniRecord): HealthFinding[] {
  const pairs: [string, string, readonly StatusChange[]][] = [
    ["VPC", eni.vpcStatus, eni.vpcLog],
    ["CCE", eni.cceStatus, eni.cceLog],
  ];
  return pairs.flatMap(([label, current, log]) => {
    const last = log[log.length - 1];
    if (!last || last.status === current) return [];
    return [
      {
        rule: "status-mismatch" as const,
        severity: "warning" as const,
        sentence: `${label} status is ${current} but the last ${label} log entry says ${last.status}: the change was not logged.`,
      },
    ];
  });
}

function failedChanges(eni: EniRecord): HealthFinding | null {
  const failed = [...eni.vpcLog, ...eni.cceLog].filter((entry) => entry.code === "failed");
  const latest = failed[failed.length - 1];
  if (!latest) return null;
  return {
    rule: "failed-change",
    severity: "warning",
    sentence: `${failed.length} status change${failed.length > 1 ? "s" : ""} failed; latest: ${latest.message ?? latest.status}.`,
  };
}

function truncated(eni: EniRecord): HealthFinding | null {
  const logs = [eni.vpcLog, eni.cceLog].filter((log) => log.length >= TRUNCATED_LOG_LENGTH);
  if (logs.length === 0) return null;
  return {
    rule: "log-truncated",
    severity: "info",
    sentence: "The status log reached its 20-entry cap, so older history is lost.",
  };
}

/** Runs every health rule on one ENI; findings come most severe first. */
export function eniHealth(eni: EniRecord, ctx: HealthContext): HealthFinding[] {
  const t = ctx.thresholds ?? DEFAULT_HEALTH_THRESHOLDS;
  const findings = [
    vpcNotInuse(eni),
    cceNotReady(eni),
    ...stuckStatus(eni, ctx, t),
    deletionStuck(eni, ctx, t),
    ...orphans(eni, ctx),
    flapping(eni, ctx, t),
    regression(eni),
    ...mismatch(eni),
    failedChanges(eni),
    truncated(eni),
  ].filter((finding): finding is HealthFinding => finding !== null);
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** An ENI is unhealthy when any finding is critical or a warning; info findings do not count. */
export function isUnhealthy(findings: readonly HealthFinding[]): boolean {
  return findings.some((finding) => finding.severity !== "info");
}

export function worstSeverity(findings: readonly HealthFinding[]): Severity | null {
  return findings[0]?.severity ?? null;
}
