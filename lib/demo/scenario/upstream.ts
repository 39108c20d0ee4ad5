import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { parseAllDocuments } from "yaml";

import type { KubeObject } from "../kube/types";
import { nodeObject } from "./machine";
import { kubeTime } from "./objects";

export const UPSTREAM_NODE = "10.0.19.7";
export const UPSTREAM_ENI = "eni-ih1seearb7y8";
export const UPSTREAM_INSTANCE_ID = "i-1SvcOgBl";
export const UPSTREAM_SUBNET = "sbn-kx327kp355ni";
export const UPSTREAM_POD = {
  namespace: "kube-system",
  name: "nfd-worker-f244k",
  ip: "10.0.19.10",
};
/** Node uid named by the upstream NetResourceSet's ownerReference. */
const UPSTREAM_NODE_UID = "45341763-2b46-472b-884e-695974a67eaf";
const UPSTREAM_CREATED = Date.parse("2024-02-21T02:25:40Z");

/**
 * Reads the NetResourceSet and ENI of the upstream BBC example. The example NRS has no
 * creationTimestamp, so it gets its ENI's, as the API server would have set one.
 */
export function upstreamObjects(): KubeObject[] {
  const file = fileURLToPath(new URL("./upstream-bbc-node.yaml", import.meta.url));
  const objects = parseAllDocuments(readFileSync(file, "utf8")).map(
    (doc) => doc.toJS() as KubeObject,
  );
  const eniCreated = objects.find((obj) => obj.kind === "ENI")?.metadata.creationTimestamp;
  for (const obj of objects) obj.metadata.creationTimestamp ??= eniCreated;
  return objects;
}

/** Builds the Node, the pod owning 10.0.19.10 and the subnet that the upstream objects refer to. */
export function upstreamCompanions(nowMs: number): KubeObject[] {
  const nrs = upstreamObjects().find((obj) => obj.kind === "NetResourceSet");
  const labels = {
    ...(nrs?.metadata.labels ?? {}),
    "kubernetes.io/hostname": UPSTREAM_NODE,
    "node.kubernetes.io/instance-type": "BBC",
    "topology.kubernetes.io/region": "bj",
    "topology.kubernetes.io/zone": "cn-bj-d",
    "failure-domain.beta.kubernetes.io/zone": "cn-bj-d",
  };
  const node = nodeObject(UPSTREAM_NODE, UPSTREAM_NODE_UID, labels, 4, UPSTREAM_CREATED);
  return [node, upstreamPod(nowMs)];
}

function upstreamPod(nowMs: number): KubeObject {
  const started = kubeTime(nowMs - 3 * 24 * 3600_000);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: UPSTREAM_POD.name,
      namespace: UPSTREAM_POD.namespace,
      uid: "7b0c7f3e-5d1a-4c62-9d0e-2f6a1b8c4e10",
      creationTimestamp: started,
      labels: { app: "nfd-worker", "controller-revision-hash": "5b8f7c6d9" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "DaemonSet",
          name: "nfd-worker",
          uid: "3f4e5d6c-7b8a-4a9b-8c7d-6e5f4a3b2c1d",
          controller: true,
        },
      ],
    },
    spec: {
      nodeName: UPSTREAM_NODE,
      containers: [
        {
          name: "nfd-worker",
          image: "registry.k8s.io/nfd/node-feature-discovery:v0.15.1",
          resources: {
            requests: { "cce.baidubce.com/ip": "1" },
            limits: { "cce.baidubce.com/ip": "1" },
          },
        },
      ],
    },
    status: {
      phase: "Running",
      hostIP: UPSTREAM_NODE,
      podIP: UPSTREAM_POD.ip,
      podIPs: [{ ip: UPSTREAM_POD.ip }],
      startTime: started,
      conditions: [
        { type: "PodScheduled", status: "True", lastTransitionTime: started },
        { type: "Ready", status: "True", lastTransitionTime: started },
      ],
      containerStatuses: [
        {
          name: "nfd-worker",
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: started } },
        },
      ],
    },
  };
}
