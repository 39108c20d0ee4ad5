// Converts raw cce.baidubce.com ENI and Subnet custom resources into the small shapes the drift
// check and the VPC stand-in need. Pure; unknown fields are ignored.
import { z } from "zod";

/** One ENI object reduced to the fields the drift check compares. */
export interface ClusterEni {
  id: string;
  node: string;
  instanceId: string;
  /** ENI spec.type: bcc (also ""), bbc, ebc, rdma_roce, elastic_rdma. */
  type: string;
  /** ENI spec.useMode: Secondary, Primary or PrimaryWithSecondaryIP. */
  useMode: string;
  /** ENI status.VPCStatus; "none" when empty. */
  vpcStatus: string;
  /** IPv4 addresses of spec.privateIPSet, primary included. */
  ips: string[];
  primaryIp?: string;
  subnetId: string;
  macAddress: string;
  vpcId: string;
  zoneName: string;
  name: string;
}

/** Subnet custom resource fields the VPC stand-in copies. */
export interface ClusterSubnet {
  id: string;
  name: string;
  zoneName: string;
  cidr: string;
  vpcId: string;
  subnetType: string;
  availableIp: number;
}

const PrivateIpCr = z.looseObject({
  privateIPAddress: z.string(),
  primary: z.boolean().optional(),
});

const EniCr = z.looseObject({
  metadata: z.looseObject({ name: z.string() }),
  spec: z.looseObject({
    id: z.string().optional(),
    name: z.string().optional(),
    nodeName: z.string().optional(),
    instanceID: z.string().optional(),
    type: z.string().optional(),
    useMode: z.string().optional(),
    macAddress: z.string().optional(),
    vpcID: z.string().optional(),
    subnetID: z.string().optional(),
    zoneName: z.string().optional(),
    privateIPSet: z.array(PrivateIpCr).optional(),
  }),
  status: z.looseObject({ VPCStatus: z.string().optional() }).optional(),
});

const SubnetCr = z.looseObject({
  metadata: z.looseObject({ name: z.string() }),
  spec: z
    .looseObject({
      id: z.string().optional(),
      name: z.string().optional(),
      availabilityZone: z.string().optional(),
      cidr: z.string().optional(),
      vpcId: z.string().optional(),
      subnetType: z.string().optional(),
    })
    .optional(),
  status: z.looseObject({ availableIPNum: z.number().optional() }).optional(),
});

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Converts one ENI custom resource, or returns null when it lacks metadata.name or spec. */
export function clusterEniFromCr(raw: unknown): ClusterEni | null {
  const parsed = EniCr.safeParse(raw);
  if (!parsed.success) return null;

  const { metadata, spec, status } = parsed.data;
  const v4 = (spec.privateIPSet ?? []).filter((ip) => IPV4.test(ip.privateIPAddress));
  return {
    id: spec.id || metadata.name,
    node: spec.nodeName ?? "",
    instanceId: spec.instanceID ?? "",
    type: spec.type || "bcc",
    useMode: spec.useMode || "Secondary",
    vpcStatus: status?.VPCStatus || "none",
    ips: v4.map((ip) => ip.privateIPAddress),
    primaryIp: v4.find((ip) => ip.primary)?.privateIPAddress,
    subnetId: spec.subnetID ?? "",
    macAddress: spec.macAddress ?? "",
    vpcId: spec.vpcID ?? "",
    zoneName: spec.zoneName ?? "",
    name: spec.name ?? "",
  };
}

/** Converts one Subnet custom resource, or returns null when it lacks metadata.name. */
export function clusterSubnetFromCr(raw: unknown): ClusterSubnet | null {
  const parsed = SubnetCr.safeParse(raw);
  if (!parsed.success) return null;

  const { metadata, spec, status } = parsed.data;
  return {
    id: spec?.id || metadata.name,
    name: spec?.name ?? "",
    zoneName: spec?.availabilityZone ?? "",
    cidr: spec?.cidr ?? "",
    vpcId: spec?.vpcId ?? "",
    subnetType: spec?.subnetType || "BCC",
    availableIp: status?.availableIPNum ?? 0,
  };
}

/** True for the main NIC of a BBC or EBC instance carrying pod IPs as secondary IPs. */
export function isPrimaryWithSecondaryIp(eni: Pick<ClusterEni, "useMode">): boolean {
  return eni.useMode === "PrimaryWithSecondaryIP";
}
