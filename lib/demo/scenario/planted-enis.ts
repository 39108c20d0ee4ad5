import type { KubeObject } from "../kube/types";
import { SUBNET_IDS } from "./fleet";
import {
  CCE_ENI_DESCRIPTION,
  cceChange,
  CLUSTER_ID,
  ENI_FINALIZER,
  kubeTime,
  type StatusChange,
  VPC_ID,
  vpcChange,
} from "./objects";
import { ipRange, PLANTED } from "./planted";
import type { Rng } from "./random";

const MINUTE_MS = 60_000;
const HOUR_MS = 3600_000;

type Status = {
  VPCStatusChangeLog: StatusChange[];
  CCEStatusChangeLog: StatusChange[];
  VPCStatus: string;
};

function statusOf(eni: KubeObject): Status {
  return eni.status as Status;
}

/** VPC history of a BCC ENI from creation to inuse, starting at `startMs`. */
function attachLog(startMs: number): StatusChange[] {
  return [
    vpcChange("available", startMs),
    vpcChange("attaching", startMs + 2000),
    vpcChange("inuse", startMs + 6000),
  ];
}

const CYCLE = ["detaching", "available", "attaching", "inuse"];

/** Rewrites the changelogs of the planted ENIs so each shows its fault. */
export function shapePlantedEnis(enis: Map<string, KubeObject>, nowMs: number): void {
  const edit = (name: string, change: (status: Status, eni: KubeObject) => void): void => {
    const eni = enis.get(name);
    if (!eni) throw new Error(`planted ENI ${name} is missing`);
    change(statusOf(eni), eni);
  };
  const created = (eni: KubeObject): number => Date.parse(eni.metadata.creationTimestamp ?? "");

  edit(PLANTED.enis.attaching, (status, eni) => {
    status.VPCStatusChangeLog = [
      vpcChange("available", created(eni) + 1000),
      vpcChange("attaching", created(eni) + 3000),
    ];
    status.CCEStatusChangeLog = [];
  });
  edit(PLANTED.enis.detaching, (status, eni) => {
    status.VPCStatusChangeLog = [
      ...attachLog(created(eni)),
      vpcChange("detaching", nowMs - 7 * MINUTE_MS),
    ];
  });
  edit(PLANTED.enis.ccePending, (status, eni) => {
    status.VPCStatusChangeLog = attachLog(created(eni));
    status.CCEStatusChangeLog = [cceChange("Pending", created(eni) + 500)];
  });
  edit(PLANTED.enis.stuckDeleting, (_status, eni) => {
    eni.metadata.deletionTimestamp = kubeTime(nowMs - 3 * HOUR_MS);
    eni.metadata.deletionGracePeriodSeconds = 0;
    eni.metadata.finalizers = [ENI_FINALIZER];
  });
  edit(PLANTED.enis.flapping, (status, eni) => {
    const flips = [...CYCLE, ...CYCLE.slice(0, 3), "inuse"];
    status.VPCStatusChangeLog = [
      ...attachLog(created(eni)),
      ...flips.map((state, i) => vpcChange(state, nowMs - 9 * MINUTE_MS + i * 60_000)),
    ];
  });
  edit(PLANTED.enis.regression, (status, eni) => {
    status.VPCStatusChangeLog = [
      ...attachLog(created(eni)),
      vpcChange("available", nowMs - 45 * MINUTE_MS),
    ];
  });
  edit(PLANTED.enis.statusMismatch, (status, eni) => {
    status.VPCStatusChangeLog = attachLog(created(eni)).slice(0, 2);
  });
  edit(PLANTED.enis.failedChange, (status, eni) => {
    const failed = vpcChange("attaching", created(eni) + 4000, "failed");
    failed.message = "attach ENI failed: [Code: InternalError; Message: retry later]";
    status.VPCStatusChangeLog = [
      ...attachLog(created(eni)).slice(0, 2),
      failed,
      vpcChange("inuse", created(eni) + 30_000),
    ];
  });
  edit(PLANTED.enis.truncatedLog, (status) => {
    const states = Array.from({ length: 19 }, (_, i) => CYCLE[(i + 1) % CYCLE.length] ?? "inuse");
    status.VPCStatusChangeLog = states.map((state, i) =>
      vpcChange(state, nowMs - (19 - i) * 6 * HOUR_MS),
    );
  });
}

/** Builds an ENI left behind by a removed node, so neither its NRS nor its Node exists. */
export function orphanEni(rng: Rng, nowMs: number): KubeObject {
  const created = nowMs - 12 * 24 * HOUR_MS;
  const [primary = "", ...secondaries] = ipRange("10.4.0.200", 4);
  const subnetID = SUBNET_IDS.zoneDEni;
  return {
    apiVersion: "cce.baidubce.com/v2",
    kind: "ENI",
    metadata: {
      name: PLANTED.enis.orphan,
      uid: rng.uuid(),
      creationTimestamp: kubeTime(created),
      finalizers: [ENI_FINALIZER],
      labels: {
        "cce.baidubce.com/instanceid": "i-G0neN0de",
        "cce.baidubce.com/node": PLANTED.orphanNode,
        "cce.baidubce.com/vpc-id": VPC_ID,
      },
      ownerReferences: [
        {
          apiVersion: "cce.baidubce.com/v2",
          kind: "NetResourceSet",
          name: PLANTED.orphanNode,
          uid: rng.uuid(),
        },
      ],
    },
    spec: {
      id: PLANTED.enis.orphan,
      name: `${CLUSTER_ID}/i-G0neN0de/${PLANTED.orphanNode}/${rng.hex(6)}`,
      description: CCE_ENI_DESCRIPTION,
      instanceID: "i-G0neN0de",
      macAddress: "fa:27:0c:91:3e:a4",
      vpcID: VPC_ID,
      subnetID,
      zoneName: "cn-bj-d",
      privateIPSet: [
        { primary: true, privateIPAddress: primary, subnetID },
        ...secondaries.map((ip) => ({ privateIPAddress: ip, subnetID })),
      ],
      nodeName: PLANTED.orphanNode,
      useMode: "Secondary",
      routeTableOffset: 127,
      installSourceBasedRouting: true,
      vpcVersion: 2,
      type: "bcc",
    },
    status: {
      CCEStatus: "ReadyOnNode",
      CCEStatusChangeLog: [cceChange("ReadyOnNode", created + 12_000)],
      VPCStatus: "inuse",
      VPCStatusChangeLog: attachLog(created + 1000),
      interfaceIndex: 3,
      interfaceName: "cce-eni-0",
      index: 0,
    },
  };
}
