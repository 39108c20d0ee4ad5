import { type ColumnSpec, readPath } from "./resources";
import type { KubeObject } from "./types";

/** Formats an age like kubectl does: 45s, 3m20s, 17m, 5h12m, 30h, 3d4h, 90d, 2y10d. */
export function humanAge(fromIso: string | undefined, now: number): string {
  if (!fromIso) return "<unknown>";
  const seconds = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (seconds < 120) return `${seconds}s`;
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (days < 365 * 2) return `${days}d`;
  return `${Math.floor(days / 365)}y${days % 365}d`;
}

const nameColumn: ColumnSpec = {
  name: "Name",
  type: "string",
  format: "name",
  description: "Name of the object, unique within its namespace or cluster",
  priority: 0,
  cell: (obj) => obj.metadata.name,
};

const ageColumn: ColumnSpec = {
  name: "Age",
  type: "date",
  description: "Time since the object was created",
  priority: 0,
  cell: (obj, now) => humanAge(obj.metadata.creationTimestamp, now),
};

/** A custom resource printer column: the JSONPath value, or null when absent as CRDs print. */
function pathColumn(name: string, path: string, type: ColumnSpec["type"] = "string"): ColumnSpec {
  return {
    name,
    type,
    description: `Value of .${path}`,
    priority: 0,
    cell: (obj) => readPath(obj, path) ?? null,
  };
}

function text(name: string, cell: (obj: KubeObject, now: number) => unknown): ColumnSpec {
  return { name, type: "string", description: name, priority: 0, cell };
}

interface Condition {
  type?: string;
  status?: string;
}

function nodeStatus(obj: KubeObject): string {
  const conditions = (readPath(obj, "status.conditions") ?? []) as Condition[];
  const ready = conditions.find((condition) => condition.type === "Ready");
  const state = ready?.status === "True" ? "Ready" : "NotReady";
  return readPath(obj, "spec.unschedulable") === true ? `${state},SchedulingDisabled` : state;
}

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string } };
}

function containerStatuses(obj: KubeObject): ContainerStatus[] {
  return (readPath(obj, "status.containerStatuses") ?? []) as ContainerStatus[];
}

function podReady(obj: KubeObject): string {
  const containers = (readPath(obj, "spec.containers") ?? []) as unknown[];
  const ready = containerStatuses(obj).filter((status) => status.ready).length;
  return `${ready}/${containers.length}`;
}

function podStatus(obj: KubeObject): string {
  const waiting = containerStatuses(obj).find((status) => status.state?.waiting?.reason);
  if (waiting?.state?.waiting?.reason) return waiting.state.waiting.reason;
  return String(readPath(obj, "status.phase") ?? "Unknown");
}

function podRestarts(obj: KubeObject): number {
  return containerStatuses(obj).reduce((sum, status) => sum + (status.restartCount ?? 0), 0);
}

function eventObject(obj: KubeObject): string {
  const kind = String(readPath(obj, "involvedObject.kind") ?? "").toLowerCase();
  return `${kind}/${String(readPath(obj, "involvedObject.name") ?? "")}`;
}

const COLUMNS: Record<string, ColumnSpec[]> = {
  netresourcesets: [
    nameColumn,
    pathColumn("ID", "spec.instance-id"),
    pathColumn("MODE", "spec.eni.useMode"),
    pathColumn("TYPE", "spec.eni.instance-type"),
    ageColumn,
  ],
  enis: [
    nameColumn,
    pathColumn("Node", "spec.nodeName"),
    pathColumn("Mode", "spec.useMode"),
    pathColumn("CStatus", "status.CCEStatus"),
    pathColumn("VStatus", "status.VPCStatus"),
    pathColumn("INumber", "status.interfaceIndex", "integer"),
    ageColumn,
  ],
  subnets: [
    nameColumn,
    pathColumn("AZ", "spec.availabilityZone"),
    pathColumn("CIDR4", "spec.cidr"),
    pathColumn("CIDR6", "spec.ipv6CIDR"),
    pathColumn("Exclu", "spec.exclusive", "boolean"),
    pathColumn("AIP", "status.availableIPNum", "integer"),
    ageColumn,
  ],
  cceendpoints: [
    nameColumn,
    pathColumn("Type", "spec.network.ipAllocation.type"),
    pathColumn("Release", "spec.network.ipAllocation.releaseStrategy"),
    pathColumn("State", "status.state"),
    pathColumn("IPS", "status.networking.ips"),
    pathColumn("Node", "status.networking.node"),
    ageColumn,
  ],
  nodes: [
    nameColumn,
    text("Status", nodeStatus),
    text("Roles", () => "<none>"),
    ageColumn,
    text("Version", (obj) => readPath(obj, "status.nodeInfo.kubeletVersion") ?? ""),
  ],
  pods: [
    nameColumn,
    text("Ready", podReady),
    text("Status", podStatus),
    { ...text("Restarts", podRestarts), type: "integer" },
    ageColumn,
  ],
  events: [
    text("Last Seen", (obj, now) =>
      humanAge(String(readPath(obj, "lastTimestamp") ?? obj.metadata.creationTimestamp), now),
    ),
    text("Type", (obj) => readPath(obj, "type") ?? ""),
    text("Reason", (obj) => readPath(obj, "reason") ?? ""),
    text("Object", eventObject),
    text("Message", (obj) => readPath(obj, "message") ?? ""),
  ],
  namespaces: [nameColumn, text("Status", (obj) => readPath(obj, "status.phase") ?? ""), ageColumn],
};

export function columnsFor(resource: string): ColumnSpec[] {
  return COLUMNS[resource] ?? [nameColumn, ageColumn];
}
