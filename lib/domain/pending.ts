/**
 * Pods waiting for an IP: Pending on "Insufficient cce.baidubce.com/ip", or stuck creating their
 * sandbox with an IPAM code in their events. Each gets its node, subnet and decoded reason.
 */
import { compareNatural } from "./collate";
import {
  decodeContextFor,
  type DecodedError,
  decodeError,
  extractCode,
  INSUFFICIENT_IP,
  type NodeFigures,
} from "./decode";
import type { EniRecord, EventRecord, NodeRecord, PodRecord, SubnetRecord } from "./records";

/**
 * A pending pod as the cache stores it. `pinnedNode` is the node the pod's node selector names
 * (kubernetes.io/hostname), for pods the scheduler has not placed; parsers that do not fill it
 * leave the node unknown and the candidates are listed instead.
 */
export type PendingPodInput = PodRecord & { pinnedNode?: string | null };

export interface PendingPod {
  namespace: string;
  name: string;
  /** namespace/name */
  key: string;
  /** Node the pod runs on or is pinned to; null when unknown. */
  node: string | null;
  /** Nodes at their ceiling, listed when `node` is null (the scheduler does not name the node). */
  candidateNodes: string[];
  subnet: string | null;
  phase: string | null;
  waitingReason: string | null;
  code: string;
  /** The scheduler's or kubelet's message. */
  message: string | null;
  eventReason: string | null;
  eventCount: number;
  since: string | null;
  lastSeen: string | null;
  decoded: DecodedError;
}

export interface PendingInput {
  pods: Iterable<PendingPodInput>;
  events: Iterable<EventRecord>;
  nodes: ReadonlyMap<string, NodeRecord>;
  figures: ReadonlyMap<string, NodeFigures>;
  enisByNode: ReadonlyMap<string, readonly EniRecord[]>;
  subnets: ReadonlyMap<string, SubnetRecord>;
}

export interface PendingGroup {
  node: string | null;
  subnet: string | null;
  pods: PendingPod[];
}

/** Maximum number of candidate nodes listed for a pod whose node is unknown. */
export const MAX_CANDIDATES = 10;

const WAITING_EVENTS = new Set(["FailedScheduling", "FailedCreatePodSandBox"]);

function eventsByPod(events: Iterable<EventRecord>): Map<string, EventRecord[]> {
  const byPod = new Map<string, EventRecord[]>();
  for (const event of events) {
    if (event.objectKind !== "Pod" || !WAITING_EVENTS.has(event.reason ?? "")) continue;
    const key = `${event.objectNamespace ?? event.namespace}/${event.objectName ?? ""}`;
    const list = byPod.get(key);
    if (list) list.push(event);
    else byPod.set(key, [event]);
  }
  for (const list of byPod.values()) {
    list.sort((a, b) => (b.lastTime ?? "").localeCompare(a.lastTime ?? ""));
  }
  return byPod;
}

function candidates(input: PendingInput): string[] {
  return [...input.figures.values()]
    .filter((node) => node.ceiling > 0 && node.headroom <= 0)
    .map((node) => node.name)
    .sort(compareNatural)
    .slice(0, MAX_CANDIDATES);
}

function subnetOf(decoded: DecodedError, enis: readonly EniRecord[]): string | null {
  const fromChecks = decoded.checks.find((check) => check.href.startsWith("/subnets/"));
  if (fromChecks) return decodeURIComponent(fromChecks.href.slice("/subnets/".length));
  return enis.find((eni) => eni.subnetId)?.subnetId ?? null;
}

function describe(
  pod: PendingPodInput,
  events: EventRecord[],
  input: PendingInput,
): PendingPod | null {
  const insufficient = pod.unschedulableMessage?.includes("Insufficient cce.baidubce.com/ip");
  const coded = events
    .map((event) => ({ event, code: extractCode(event.reason, event.message) }))
    .find((entry) => entry.code !== null);
  if (!insufficient && !coded) return null;

  const code = coded?.code ?? INSUFFICIENT_IP;
  const event = coded?.event ?? events[0] ?? null;
  const node = pod.nodeName ?? pod.pinnedNode ?? null;
  const enis = node ? (input.enisByNode.get(node) ?? []) : [];
  const ctx = decodeContextFor(
    node ? (input.figures.get(node) ?? null) : null,
    node ? (input.nodes.get(node) ?? null) : null,
    enis,
    input.subnets,
  );
  const message = event?.message ?? pod.unschedulableMessage;
  const decoded = decodeError(code, ctx, message);
  return {
    namespace: pod.namespace,
    name: pod.name,
    key: `${pod.namespace}/${pod.name}`,
    node,
    candidateNodes: node ? [] : candidates(input),
    subnet: subnetOf(decoded, enis),
    phase: pod.phase,
    waitingReason: pod.waitingReason,
    code,
    message,
    eventReason: event?.reason ?? null,
    eventCount: event?.count ?? 0,
    since: event?.firstTime ?? pod.createdAt,
    lastSeen: event?.lastTime ?? null,
    decoded,
  };
}

/** Finds the pods waiting for an IP, oldest first. */
export function findPendingPods(input: PendingInput): PendingPod[] {
  const byPod = eventsByPod(input.events);
  const found: PendingPod[] = [];
  for (const pod of input.pods) {
    const described = describe(pod, byPod.get(`${pod.namespace}/${pod.name}`) ?? [], input);
    if (described) found.push(described);
  }
  return found.sort(
    (a, b) => (a.since ?? "").localeCompare(b.since ?? "") || a.key.localeCompare(b.key),
  );
}

/** Groups pending pods by node and subnet; the unknown node comes last. */
export function groupPendingPods(pods: readonly PendingPod[]): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const pod of pods) {
    const key = `${pod.node ?? ""}|${pod.subnet ?? ""}`;
    const group = groups.get(key) ?? { node: pod.node, subnet: pod.subnet, pods: [] };
    group.pods.push(pod);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => {
    if ((a.node === null) !== (b.node === null)) return a.node === null ? 1 : -1;
    return compareNatural(a.node ?? "", b.node ?? "");
  });
}
