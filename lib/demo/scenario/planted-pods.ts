import type { KubeObject } from "../kube/types";
import { eventObject, kubeTime } from "./objects";
import { PLANTED } from "./planted";
import type { Rng } from "./random";

const MINUTE_MS = 60_000;

interface PodPlan {
  namespace: string;
  name: string;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  createdMs: number;
}

function podObject(
  plan: PodPlan,
  uid: string,
  scheduled: boolean,
  scheduleMessage?: string,
): KubeObject {
  const created = kubeTime(plan.createdMs);
  const app = plan.name.split("-")[0] ?? plan.name;
  const conditions = scheduled
    ? [
        { type: "PodScheduled", status: "True", lastTransitionTime: created },
        {
          type: "Ready",
          status: "False",
          reason: "ContainersNotReady",
          lastTransitionTime: created,
        },
      ]
    : [
        {
          type: "PodScheduled",
          status: "False",
          reason: "Unschedulable",
          message: scheduleMessage,
          lastTransitionTime: created,
        },
      ];
  const status: Record<string, unknown> = { phase: "Pending", conditions, qosClass: "Burstable" };
  if (scheduled) {
    status.hostIP = plan.nodeName;
    status.startTime = created;
    status.containerStatuses = [
      {
        name: app,
        ready: false,
        restartCount: 0,
        started: false,
        image: `registry.example/${app}:1.4.2`,
        imageID: "",
        state: { waiting: { reason: "ContainerCreating" } },
      },
    ];
  }
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      uid,
      creationTimestamp: created,
      labels: { app },
    },
    spec: {
      ...(plan.nodeName ? { nodeName: plan.nodeName } : {}),
      ...(plan.nodeSelector ? { nodeSelector: plan.nodeSelector } : {}),
      containers: [
        {
          name: app,
          image: `registry.example/${app}:1.4.2`,
          resources: {
            requests: { cpu: "500m", memory: "512Mi", "cce.baidubce.com/ip": "1" },
            limits: { "cce.baidubce.com/ip": "1" },
          },
        },
      ],
    },
    status,
  };
}

/** Message the scheduler writes when only the pinned node lacks cce.baidubce.com/ip. */
export function insufficientIpMessage(nodeCount: number): string {
  const others = nodeCount - 1;
  return (
    `0/${nodeCount} nodes are available: 1 Insufficient cce.baidubce.com/ip, ` +
    `${others} node(s) didn't match Pod's node affinity/selector. preemption: 0/${nodeCount} nodes are ` +
    `available: 1 No preemption victims found for incoming pod, ${others} Preemption is not helpful for scheduling.`
  );
}

function sandboxMessage(rng: Rng, code: string, detail: string): string {
  return (
    `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox ` +
    `"${rng.hex(64)}": failed to allocate IP: code: ${code}, msg: ${detail}`
  );
}

/** Builds the planted Pending pods and the events explaining them. */
export function plantedPodsAndEvents(rng: Rng, nowMs: number, nodeCount: number): KubeObject[] {
  const pending = PLANTED.bbcAtCeiling.pendingPod;
  const hungry = podObject(
    {
      ...pending,
      nodeSelector: { "kubernetes.io/hostname": PLANTED.bbcAtCeiling.node },
      createdMs: nowMs - 25 * MINUTE_MS,
    },
    rng.uuid(),
    false,
    insufficientIpMessage(nodeCount),
  );
  const capacity = PLANTED.eniCapacityExceed;
  const stuck = podObject(
    { ...capacity.pod, nodeName: capacity.node, createdMs: nowMs - 14 * MINUTE_MS },
    rng.uuid(),
    true,
  );
  const tight = PLANTED.subnetNoMoreIp;
  const starved = podObject(
    { ...tight.pod, nodeName: tight.node, createdMs: nowMs - 9 * MINUTE_MS },
    rng.uuid(),
    true,
  );

  const podRef = (pod: KubeObject) => ({
    kind: "Pod",
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    apiVersion: "v1",
  });
  const events = [
    eventObject(
      {
        namespace: pending.namespace,
        involved: podRef(hungry),
        type: "Warning",
        reason: "FailedScheduling",
        message: insufficientIpMessage(nodeCount),
        component: "default-scheduler",
        firstMs: nowMs - 25 * MINUTE_MS,
        lastMs: nowMs - 2 * MINUTE_MS,
        count: 9,
      },
      rng,
    ),
    eventObject(
      {
        namespace: capacity.pod.namespace,
        involved: podRef(stuck),
        type: "Warning",
        reason: "FailedCreatePodSandBox",
        message: sandboxMessage(
          rng,
          capacity.code,
          "eni count reached maxAllocateENI and all ENIs are full",
        ),
        component: "kubelet",
        host: capacity.node,
        firstMs: nowMs - 14 * MINUTE_MS,
        lastMs: nowMs - MINUTE_MS,
        count: 31,
      },
      rng,
    ),
    eventObject(
      {
        namespace: tight.pod.namespace,
        involved: podRef(starved),
        type: "Warning",
        reason: "FailedCreatePodSandBox",
        message: sandboxMessage(
          rng,
          tight.code,
          `subnet ${PLANTED.nearExhaustedSubnet} has no more IP`,
        ),
        component: "kubelet",
        host: tight.node,
        firstMs: nowMs - 9 * MINUTE_MS,
        lastMs: nowMs - 30_000,
        count: 17,
      },
      rng,
    ),
  ];
  return [hungry, stuck, starved, ...events];
}

/** Builds the Warning events on planted NetResourceSets; `uids` maps node name to NRS uid. */
export function plantedNodeEvents(
  rng: Rng,
  nowMs: number,
  uids: Map<string, string>,
): KubeObject[] {
  const messages: Record<string, string> = {
    NoAvailableSubnet: `no subnet in [${PLANTED.nearExhaustedSubnet}] of zone cn-bj-f can lend 10 IPs`,
    FailedCreateENI:
      "create ENI failed: [Code: SubnetHasNoMoreIpException; Message: subnet has no more ip; RequestId: 5d0c9a1e]",
  };
  return PLANTED.nrsWarnings.map(({ node, reason }) =>
    eventObject(
      {
        namespace: "default",
        involved: {
          kind: "NetResourceSet",
          name: node,
          uid: uids.get(node),
          apiVersion: "cce.baidubce.com/v2",
        },
        type: "Warning",
        reason,
        message: messages[reason] ?? reason,
        component: "cce-network-operator",
        firstMs: nowMs - 50 * MINUTE_MS,
        lastMs: nowMs - 3 * MINUTE_MS,
        count: 12,
      },
      rng,
    ),
  );
}
