/**
 * Parsed records of the demo scenario for the triage unit tests: the same objects the cache
 * holds after listing the demo cluster, without any server.
 */
import { buildScenario } from "@/lib/demo/scenario/scenario";

import {
  parseEni,
  parseEvent,
  parseKubeNode,
  parseNetResourceSet,
  parsePod,
  type ParseResult,
  parseSubnet,
} from "./parse";
import type {
  EniRecord,
  EventRecord,
  KubeNodeRecord,
  NodeRecord,
  PodRecord,
  SubnetRecord,
} from "./records";

export interface ScenarioRecords {
  now: number;
  nodes: Map<string, NodeRecord>;
  enis: Map<string, EniRecord>;
  subnets: Map<string, SubnetRecord>;
  kubeNodes: Map<string, KubeNodeRecord>;
  pods: Map<string, PodRecord>;
  events: Map<string, EventRecord>;
}

/** Fixed reference time, so ages in the planted cases do not depend on the test clock. */
export const FIXTURE_NOW = Date.parse("2025-06-01T12:00:00Z");

function collect<T>(result: ParseResult<T>, into: Map<string, T>, key: (value: T) => string) {
  if (!result.ok) throw new Error(`scenario object failed to parse: ${result.error}`);
  into.set(key(result.value), result.value);
}

export function scenarioRecords(scale = 16, now = FIXTURE_NOW): ScenarioRecords {
  const records: ScenarioRecords = {
    now,
    nodes: new Map(),
    enis: new Map(),
    subnets: new Map(),
    kubeNodes: new Map(),
    pods: new Map(),
    events: new Map(),
  };
  for (const object of buildScenario({ seed: 1, scale, now })) {
    const named = (value: { name: string }) => value.name;
    const namespaced = (value: { namespace: string; name: string }) =>
      `${value.namespace}/${value.name}`;
    if (object.kind === "NetResourceSet")
      collect(parseNetResourceSet(object), records.nodes, named);
    if (object.kind === "ENI") collect(parseEni(object), records.enis, named);
    if (object.kind === "Subnet") collect(parseSubnet(object), records.subnets, named);
    if (object.kind === "Node") collect(parseKubeNode(object), records.kubeNodes, named);
    if (object.kind === "Pod") collect(parsePod(object), records.pods, namespaced);
    if (object.kind === "Event") collect(parseEvent(object), records.events, namespaced);
  }
  return records;
}
