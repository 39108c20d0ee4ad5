// Zod schemas for the VPC, ENI and BBC API responses the dashboard reads. Unknown fields are kept
// (loose objects), so a newer API version with extra fields still parses.
import { z } from "zod";

// The BCC instance API sends `primary` as "true"/"false" strings, the ENI API as booleans.
const primaryFlag = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
  .default(false);

export const PrivateIpSchema = z.looseObject({
  privateIpAddress: z.string().min(1),
  primary: primaryFlag,
  publicIpAddress: z.string().optional(),
  ipv6Address: z.string().optional(),
  subnetId: z.string().optional(),
});

export const SubnetSchema = z.looseObject({
  subnetId: z.string().min(1),
  name: z.string().default(""),
  zoneName: z.string().default(""),
  cidr: z.string().default(""),
  ipv6Cidr: z.string().optional(),
  vpcId: z.string().default(""),
  subnetType: z.string().optional(),
  description: z.string().optional(),
  createdTime: z.string().optional(),
  /** Free IPs in the subnet. Optional because list responses may omit it. */
  availableIp: z.number().int().nonnegative().optional(),
  availableUnreservedIp: z.number().int().nonnegative().optional(),
});

/** One ENI as GET /v1/eni/{id} and GET /v2/eni/{instanceId} return it; also a BBC vpcPort. */
export const EniSchema = z.looseObject({
  eniId: z.string().min(1),
  name: z.string().default(""),
  zoneName: z.string().default(""),
  description: z.string().optional(),
  instanceId: z.string().default(""),
  macAddress: z.string().default(""),
  vpcId: z.string().default(""),
  subnetId: z.string().default(""),
  /** available | attaching | inuse | detaching as the VPC reports it. */
  status: z.string().min(1),
  privateIpSet: z.array(PrivateIpSchema).default([]),
  ipv6PrivateIpSet: z.array(PrivateIpSchema).optional(),
  securityGroupIds: z.array(z.string()).optional(),
  createdTime: z.string().optional(),
});

export const SubnetPageSchema = z.looseObject({
  subnets: z.array(SubnetSchema),
  marker: z.string().optional(),
  isTruncated: z.boolean().default(false),
  nextMarker: z.string().optional(),
  maxKeys: z.number().optional(),
});

export const SubnetResponseSchema = z.looseObject({ subnet: SubnetSchema });
export const InstanceEnisResponseSchema = z.looseObject({ enis: z.array(EniSchema) });

/** Error body of every BCE API: `{code, message, requestId}`. */
export const ApiErrorBodySchema = z.looseObject({
  code: z.string().optional(),
  message: z.string().optional(),
  requestId: z.string().optional(),
});

export type PrivateIp = z.output<typeof PrivateIpSchema>;
export type Subnet = z.output<typeof SubnetSchema>;
export type Eni = z.output<typeof EniSchema>;
export type BbcPort = Eni;
export type SubnetPage = z.output<typeof SubnetPageSchema>;

/** Subnet as the API sends it (before defaults), used by fixtures. */
export type SubnetJson = z.input<typeof SubnetSchema>;
/** ENI or BBC port as the API sends it (before defaults), used by fixtures. */
export type EniJson = z.input<typeof EniSchema>;
