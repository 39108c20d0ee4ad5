import type { Socket } from "node:net";

import type { ObjectStore } from "./store";
import type { KubeObject } from "./types";

export type WatchMode = "normal" | "end-abruptly" | "hang";

export interface StatusFault {
  code: number;
  retryAfterSeconds?: number;
}

/**
 * Reversible failure switches for the demo cluster. A resource argument is a plural name such
 * as "netresourcesets"; "*" means every resource endpoint (discovery stays up).
 */
export interface FaultKnobs {
  /** true: destroy every open connection and each new one on arrival; false: serve again. */
  setDown(down: boolean): void;
  /** Delays each answer by `ms` (0 removes), for one resource or, without one, for all paths. */
  setLatency(ms: number, resource?: string): void;
  /**
   * Answers list, get and watch of a resource with a Status of `code` (403, 404, 429, 500, ...);
   * null removes the fault. 404 on a custom resource also hides it from discovery, as a
   * missing CRD would. 429 sends Retry-After when retryAfterSeconds is given.
   */
  setStatus(resource: string, code: number | null, opts?: { retryAfterSeconds?: number }): void;
  /** "end-abruptly" resets watches after the initial events; "hang" sends headers then nothing. */
  setWatchMode(resource: string, mode: WatchMode): void;
  /** Adds an object of this resource with wrong field types; returns its name. */
  injectMalformed(resource: string): string;
  /** Adds a NetResourceSet (or ENI) with about 20,000 pool entries (IPs); returns its name. */
  injectHuge(resource?: string): string;
  /** Removes every fault and every injected object. */
  clear(): void;
}

/** Fault state read by the request handlers. */
export class FaultState implements FaultKnobs {
  down = false;
  private readonly latency = new Map<string, number>();
  private readonly statuses = new Map<string, StatusFault>();
  private readonly watchModes = new Map<string, WatchMode>();
  private readonly injected: Array<{ resource: string; name: string; namespace?: string }> = [];

  constructor(
    private readonly store: ObjectStore,
    private readonly sockets: Set<Socket>,
  ) {}

  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const socket of this.sockets) socket.destroy();
  }

  setLatency(ms: number, resource = "*"): void {
    if (ms > 0) this.latency.set(resource, ms);
    else this.latency.delete(resource);
  }

  setStatus(
    resource: string,
    code: number | null,
    opts: { retryAfterSeconds?: number } = {},
  ): void {
    if (code === null) this.statuses.delete(resource);
    else this.statuses.set(resource, { code, retryAfterSeconds: opts.retryAfterSeconds });
  }

  setWatchMode(resource: string, mode: WatchMode): void {
    if (mode === "normal") this.watchModes.delete(resource);
    else this.watchModes.set(resource, mode);
  }

  injectMalformed(resource: string): string {
    return this.inject(resource, malformedObject(resource));
  }

  injectHuge(resource = "netresourcesets"): string {
    return this.inject(resource, hugeObject(resource));
  }

  clear(): void {
    this.down = false;
    this.latency.clear();
    this.statuses.clear();
    this.watchModes.clear();
    for (const { resource, name, namespace } of this.injected.splice(0)) {
      this.store.remove(resource, name, namespace);
    }
  }

  latencyFor(resource: string | undefined): number {
    return (resource && this.latency.get(resource)) || this.latency.get("*") || 0;
  }

  statusFor(resource: string): StatusFault | undefined {
    return this.statuses.get(resource) ?? this.statuses.get("*");
  }

  /** Tells whether discovery should omit a resource, as it does for an uninstalled CRD. */
  isHidden(resource: string): boolean {
    return this.statuses.get(resource)?.code === 404;
  }

  watchModeFor(resource: string): WatchMode {
    return this.watchModes.get(resource) ?? this.watchModes.get("*") ?? "normal";
  }

  private inject(resource: string, obj: KubeObject): string {
    this.store.upsert(obj);
    this.injected.push({ resource, name: obj.metadata.name, namespace: obj.metadata.namespace });
    return obj.metadata.name;
  }
}

let injectedCount = 0;

function malformedObject(resource: string): KubeObject {
  const name = `malformed-${++injectedCount}`;
  // Metadata stays valid so clients still list the object; only the payload fields are wrong.
  const meta = { name, labels: { "cce.baidubce.com/node": name } };
  const byResource: Record<string, KubeObject> = {
    netresourcesets: {
      apiVersion: "cce.baidubce.com/v2",
      kind: "NetResourceSet",
      metadata: meta,
      spec: {
        "instance-id": 12345,
        eni: { maxIPsPerENI: "forty", maxAllocateENI: null, useMode: ["Secondary"] },
        ipam: { pool: "10.0.0.1" },
      },
      status: { ipam: { used: ["10.0.0.1"] }, enis: "none" },
    },
    enis: {
      apiVersion: "cce.baidubce.com/v2",
      kind: "ENI",
      metadata: meta,
      spec: { nodeName: 7, privateIPSet: "10.0.0.1", useMode: { mode: "Secondary" } },
      status: { VPCStatus: 1, CCEStatusChangeLog: "ok", VPCStatusChangeLog: [null, 3] },
    },
    subnets: {
      apiVersion: "cce.baidubce.com/v1",
      kind: "Subnet",
      metadata: meta,
      spec: { cidr: 10, availabilityZone: ["cn-bj-d"] },
      status: { availableIPNum: "many", hasNoMoreIP: "no" },
    },
    nodes: {
      apiVersion: "v1",
      kind: "Node",
      metadata: meta,
      status: { capacity: { "cce.baidubce.com/ip": { value: 4 } }, conditions: "Ready" },
    },
    pods: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { ...meta, namespace: "default" },
      spec: { nodeName: false, containers: "app" },
      status: { phase: 3, conditions: { PodScheduled: false } },
    },
    events: {
      apiVersion: "v1",
      kind: "Event",
      metadata: { ...meta, namespace: "default" },
      involvedObject: "NetResourceSet/10.0.0.1",
      reason: 500,
      count: "twice",
      lastTimestamp: "yesterday",
    },
  };
  const obj = byResource[resource];
  if (!obj) throw new Error(`injectMalformed does not support resource "${resource}"`);
  return obj;
}

/** Builds ~20,000 distinct IPs in 10.200.0.0/16 style blocks outside the scenario subnets. */
function hugeIps(count: number): string[] {
  const ips: string[] = [];
  for (let i = 0; i < count; i++) ips.push(`10.${200 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`);
  return ips;
}

function hugeObject(resource: string): KubeObject {
  const name = `huge-${++injectedCount}`;
  const ips = hugeIps(20_000);
  const eni = `eni-huge${String(injectedCount).padStart(8, "0")}`;
  const entry = { resource: eni, subnetID: "sbn-hugepool0001" };
  if (resource === "enis") {
    return {
      apiVersion: "cce.baidubce.com/v2",
      kind: "ENI",
      metadata: { name: eni, labels: { "cce.baidubce.com/node": name } },
      spec: {
        id: eni,
        nodeName: name,
        useMode: "Secondary",
        routeTableOffset: 127,
        privateIPSet: ips.map((ip, index) => ({ privateIPAddress: ip, primary: index === 0 })),
      },
      status: { CCEStatus: "ReadyOnNode", VPCStatus: "inuse" },
    };
  }
  if (resource !== "netresourcesets") {
    throw new Error(`injectHuge supports netresourcesets and enis, not "${resource}"`);
  }
  const pool = Object.fromEntries(ips.map((ip) => [ip, entry]));
  const used = Object.fromEntries(
    ips.slice(0, 15_000).map((ip, index) => [ip, { ...entry, owner: `huge/pod-${index}` }]),
  );
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "NetResourceSet",
    metadata: { name, labels: { "cce.baidubce.com/node": name } },
    spec: {
      "instance-id": "i-HugePool",
      eni: { useMode: "Secondary", maxAllocateENI: 1, maxIPsPerENI: 40, "instance-type": "bcc" },
      ipam: { pool },
    },
    status: {
      ipam: { used },
      enis: { [eni]: { id: eni, vpcStatus: "inuse", cceStatus: "ReadyOnNode" } },
    },
  };
}
