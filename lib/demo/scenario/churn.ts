import type { ObjectStore } from "../kube/store";
import type { KubeObject } from "../kube/types";
import { appendChange, eventObject, podOwner, vpcChange } from "./objects";
import { plantedNodeNames } from "./planted";
import { Rng } from "./random";

type IpEntry = { owner?: string; resource?: string; subnetID?: string };
type IpMap = Record<string, IpEntry>;

interface NrsShape {
  spec: { ipam: { pool?: IpMap } };
  status: {
    ipam: { used?: IpMap; "release-ips"?: Record<string, string> };
    enis?: Record<string, { vpcStatus?: string }>;
  };
}

/** VPC status that follows each state while an ENI detaches and attaches again. */
const NEXT_VPC_STATUS: Record<string, string> = {
  inuse: "detaching",
  detaching: "available",
  available: "attaching",
  attaching: "inuse",
};

/** Most churn-made events kept; older ones are deleted as the event TTL would. */
const MAX_CHURN_EVENTS = 100;

export interface ChurnState {
  rng: Rng;
  /** ENIs churn moved out of inuse, in the order it did so. */
  cycling: string[];
  events: Array<{ name: string; namespace: string }>;
  skip: Set<string>;
}

export function newChurnState(seed: number): ChurnState {
  return { rng: new Rng(seed ^ 0x5eed), cycling: [], events: [], skip: plantedNodeNames() };
}

function nrsOf(obj: KubeObject): NrsShape {
  return obj as unknown as NrsShape;
}

/** Gives a free pool IP to a new pod or frees a used one on a random node outside the planted set. */
function churnPodIp(store: ObjectStore, state: ChurnState): void {
  const candidates = store
    .list("netresourcesets")
    .filter((nrs) => !state.skip.has(nrs.metadata.name));
  if (candidates.length === 0) return;
  const target = state.rng.pick(candidates);
  store.update("netresourcesets", target.metadata.name, (obj) => {
    const nrs = nrsOf(obj);
    const pool = nrs.spec.ipam.pool ?? {};
    const used = (nrs.status.ipam.used ??= {});
    const releasing = nrs.status.ipam["release-ips"] ?? {};
    const free = Object.keys(pool).filter((ip) => !(ip in used) && !(ip in releasing));
    const usedIps = Object.keys(used);
    if (free.length > 0 && (usedIps.length === 0 || state.rng.chance(0.55))) {
      const ip = state.rng.pick(free);
      used[ip] = {
        owner: podOwner(state.rng),
        resource: pool[ip]?.resource,
        subnetID: pool[ip]?.subnetID,
      };
    } else if (usedIps.length > 0) {
      delete used[state.rng.pick(usedIps)];
    }
  });
}

function isCyclable(eni: KubeObject, used: IpMap): boolean {
  const spec = eni.spec as { type?: string; privateIPSet?: Array<{ privateIPAddress: string }> };
  if (spec.type !== "bcc" || eni.metadata.deletionTimestamp) return false;
  return !(spec.privateIPSet ?? []).some((ip) => ip.privateIPAddress in used);
}

/** Picks an ENI to move one VPC state on: one already cycling, else an idle inuse BCC ENI. */
function pickEni(store: ObjectStore, state: ChurnState): KubeObject | undefined {
  const current = state.cycling[0];
  if (current) return store.get("enis", current);
  const enis = store.list("enis").filter((eni) => {
    const node = (eni.spec as { nodeName?: string }).nodeName ?? "";
    if (state.skip.has(node) || (eni.status as { VPCStatus?: string }).VPCStatus !== "inuse")
      return false;
    const nrs = store.get("netresourcesets", node);
    return nrs !== undefined && isCyclable(eni, nrsOf(nrs).status.ipam.used ?? {});
  });
  return enis.length > 0 ? state.rng.pick(enis) : undefined;
}

/** Moves one ENI a VPC state further and keeps the node's pool, status.enis and capacity in step. */
function churnEniStatus(store: ObjectStore, state: ChurnState, nowMs: number): void {
  const eni = pickEni(store, state);
  if (!eni) return;
  const from = (eni.status as { VPCStatus: string }).VPCStatus;
  const to = NEXT_VPC_STATUS[from] ?? "inuse";
  const node = (eni.spec as { nodeName: string }).nodeName;
  const spec = eni.spec as {
    subnetID: string;
    privateIPSet: Array<{ privateIPAddress: string; primary?: boolean }>;
  };
  const secondaries = spec.privateIPSet
    .filter((ip) => !ip.primary)
    .map((ip) => ip.privateIPAddress);

  store.update("enis", eni.metadata.name, (obj) => {
    const status = obj.status as {
      VPCStatus: string;
      VPCStatusChangeLog?: ReturnType<typeof vpcChange>[];
    };
    status.VPCStatus = to;
    status.VPCStatusChangeLog = appendChange(status.VPCStatusChangeLog ?? [], vpcChange(to, nowMs));
  });
  let poolSize = 0;
  store.update("netresourcesets", node, (obj) => {
    const nrs = nrsOf(obj);
    const pool = (nrs.spec.ipam.pool ??= {});
    for (const ip of secondaries) {
      if (to === "inuse") pool[ip] = { resource: eni.metadata.name, subnetID: spec.subnetID };
      else delete pool[ip];
    }
    const entry = nrs.status.enis?.[eni.metadata.name];
    if (entry) entry.vpcStatus = to;
    poolSize = Object.keys(pool).length;
  });
  if (store.get("nodes", node)) {
    store.update("nodes", node, (obj) => {
      const status = obj.status as {
        capacity: Record<string, string>;
        allocatable: Record<string, string>;
      };
      status.capacity["cce.baidubce.com/ip"] = String(poolSize);
      status.allocatable["cce.baidubce.com/ip"] = String(poolSize);
    });
  }
  if (to === "inuse") state.cycling.shift();
  else if (from === "inuse") state.cycling.push(eni.metadata.name);
}

function churnEvent(store: ObjectStore, state: ChurnState, nowMs: number): void {
  const nodes = store.list("netresourcesets").filter((nrs) => !state.skip.has(nrs.metadata.name));
  if (nodes.length === 0) return;
  const nrs = state.rng.pick(nodes);
  const event = eventObject(
    {
      namespace: "default",
      involved: {
        kind: "NetResourceSet",
        name: nrs.metadata.name,
        uid: nrs.metadata.uid,
        apiVersion: "cce.baidubce.com/v2",
      },
      type: "Normal",
      reason: "AllocateIPsSuccess",
      message: `allocate ${state.rng.int(1, 10)} IPs successfully`,
      component: "cce-network-operator",
      firstMs: nowMs,
      lastMs: nowMs,
      count: 1,
    },
    state.rng,
  );
  store.upsert(event);
  state.events.push({ name: event.metadata.name, namespace: "default" });
  while (state.events.length > MAX_CHURN_EVENTS) {
    const old = state.events.shift();
    if (old) store.remove("events", old.name, old.namespace);
  }
}

/** Applies one churn step: always a pod IP change, sometimes an ENI VPC status change or an event. */
export function churnStep(store: ObjectStore, state: ChurnState, nowMs: number): void {
  churnPodIp(store, state);
  if (state.cycling.length > 0 || state.rng.chance(0.2)) churnEniStatus(store, state, nowMs);
  if (state.rng.chance(0.15)) churnEvent(store, state, nowMs);
}

/** Runs churnStep every `intervalMs`; returns a function that stops it. */
export function startChurn(
  store: ObjectStore,
  opts: { seed: number; intervalMs: number },
): () => void {
  const state = newChurnState(opts.seed);
  const timer = setInterval(() => churnStep(store, state, Date.now()), opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
