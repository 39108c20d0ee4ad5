import "server-only";

import {
  parseEni,
  parseEvent,
  parseKubeNode,
  parseNetResourceSet,
  parsePod,
  parseSubnet,
} from "@/lib/domain/parse";
import type {
  EniRecord,
  EventRecord,
  KubeNodeRecord,
  NodeRecord,
  PodRecord,
  SubnetRecord,
} from "@/lib/domain/records";
import { logger } from "@/lib/server/log";

import { loadKubeConnection } from "./config";
import { type ChangeType, Reflector, type ResourceState } from "./reflector";
import { createKubeTransport, type KubeTransport } from "./transport";

/** Event reasons on pods that can mean an IP shortage; other pod events are not kept. */
const POD_EVENT_REASONS = new Set(["FailedScheduling", "FailedCreatePodSandBox"]);

export type CacheChange =
  | { kind: "node"; type: ChangeType; next: NodeRecord | null; previous: NodeRecord | null }
  | { kind: "eni"; type: ChangeType; next: EniRecord | null; previous: EniRecord | null }
  | { kind: "event"; type: ChangeType; next: EventRecord | null; previous: EventRecord | null };

export type CacheListener = (change: CacheChange) => void;

export interface CacheOptions {
  transport: KubeTransport;
  server: string | null;
  context: string | null;
  idleTimeoutMs?: number;
  watchTimeoutSeconds?: number;
}

/**
 * The process-wide copy of the cluster objects the dashboard reads. Pages and API routes read
 * only from here, so viewers add no load on the API server.
 */
export class ClusterCache {
  readonly nodes: Reflector<NodeRecord>;
  readonly enis: Reflector<EniRecord>;
  readonly subnets: Reflector<SubnetRecord>;
  readonly kubeNodes: Reflector<KubeNodeRecord>;
  readonly pods: Reflector<PodRecord>;
  readonly events: Reflector<EventRecord>;
  /** Increases on every stored change; derived views rebuild when it moves. */
  version = 0;
  private readonly listeners = new Set<CacheListener>();

  constructor(readonly options: CacheOptions) {
    const base = {
      transport: options.transport,
      idleTimeoutMs: options.idleTimeoutMs,
      watchTimeoutSeconds: options.watchTimeoutSeconds,
    };
    const bump = () => {
      this.version += 1;
    };
    this.nodes = new Reflector({
      ...base,
      resource: "netresourcesets",
      path: "/apis/cce.baidubce.com/v2/netresourcesets",
      parse: parseNetResourceSet,
      onChange: (type, next, previous, resync) =>
        this.emit({ kind: "node", type, next, previous }, resync),
      onSync: bump,
    });
    this.enis = new Reflector({
      ...base,
      resource: "enis",
      path: "/apis/cce.baidubce.com/v2/enis",
      parse: parseEni,
      onChange: (type, next, previous, resync) =>
        this.emit({ kind: "eni", type, next, previous }, resync),
      onSync: bump,
    });
    this.subnets = new Reflector({
      ...base,
      resource: "subnets",
      path: "/apis/cce.baidubce.com/v1/subnets",
      parse: parseSubnet,
      onChange: bump,
    });
    this.kubeNodes = new Reflector({
      ...base,
      resource: "nodes",
      path: "/api/v1/nodes",
      parse: parseKubeNode,
      onChange: bump,
    });
    this.pods = new Reflector({
      ...base,
      resource: "pods",
      path: "/api/v1/pods",
      query: { fieldSelector: "status.phase=Pending" },
      parse: parsePod,
      onChange: bump,
    });
    this.events = new Reflector({
      ...base,
      resource: "events",
      path: "/api/v1/events",
      parse: parseEvent,
      keep: (event) =>
        event.objectKind === "NetResourceSet" ||
        event.objectKind === "ENI" ||
        (event.objectKind === "Pod" && POD_EVENT_REASONS.has(event.reason ?? "")),
      onChange: (type, next, previous, resync) =>
        this.emit({ kind: "event", type, next, previous }, resync),
    });
  }

  private get reflectors(): Pick<Reflector<unknown>, "start" | "stop" | "snapshotState">[] {
    return [this.nodes, this.enis, this.subnets, this.kubeNodes, this.pods, this.events];
  }

  start(): void {
    for (const reflector of this.reflectors) reflector.start();
  }

  stop(): void {
    for (const reflector of this.reflectors) reflector.stop();
  }

  /** Registers a listener for changes seen by watch (not for those found by a relist). */
  subscribe(listener: CacheListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: CacheChange, resync: boolean): void {
    this.version += 1;
    if (resync) return;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        logger.error({ err: error, kind: change.kind }, "cache listener failed");
      }
    }
  }

  states(): ResourceState[] {
    return this.reflectors.map((reflector) => reflector.snapshotState());
  }

  /** True once NetResourceSets and ENIs, the data every page needs, have been listed. */
  ready(): boolean {
    return this.nodes.snapshotState().synced && this.enis.snapshotState().synced;
  }
}

export interface CacheHandle {
  cache: ClusterCache | null;
  /** Why no cache exists, for example no kubeconfig; null when one does. */
  configError: string | null;
}

const GLOBAL_KEY = Symbol.for("cce-dashboard.cluster-cache");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: CacheHandle };

/** Returns the process-wide cache, creating and starting it on first use. */
export function getClusterCache(): CacheHandle {
  const holder = globalThis as GlobalWithCache;
  const existing = holder[GLOBAL_KEY];
  if (existing) return existing;
  let handle: CacheHandle;
  try {
    const connection = loadKubeConnection();
    const cache = new ClusterCache({
      transport: createKubeTransport(connection.config),
      server: connection.server,
      context: connection.context,
    });
    cache.start();
    logger.info(
      { source: connection.source, context: connection.context, server: connection.server },
      "cluster cache started",
    );
    handle = { cache, configError: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ error: message }, "cluster access not configured");
    handle = { cache: null, configError: message };
  }
  holder[GLOBAL_KEY] = handle;
  return handle;
}
