/**
 * Decoder of CCE IPAM error codes and operator event reasons: what the code means, what most
 * likely caused it given the node's figures, and what to check next. The agent picks its code
 * from ENI fields the operator never fills, so the code alone often misleads: a BBC node always
 * reports ENICapacityExceed, whatever the real cause.
 */
import { vpcStatusMeaningful } from "./health";
import { PRIMARY_NIC_MAX_SECONDARY_IPS, PRIMARY_NIC_MODE } from "./pool";
import type { EniRecord, NodeRecord, SubnetRecord } from "./records";

/** Pseudo-code for pods the scheduler refuses for lack of the cce.baidubce.com/ip resource. */
export const INSUFFICIENT_IP = "InsufficientIP";

const MEANINGS: Record<string, string> = {
  ENIIPCapacityExceed: "An ENI reached its secondary-IP quota.",
  SubnetNoMoreIP: "The subnet of the ENI has no free IP left.",
  WaitCreateMoreENI: "All attached ENIs are full and a new ENI is being created.",
  ENICapacityExceed: "The node has its maximum number of ENIs and all of them are full.",
  IPPoolExhausted: "The node's pool is empty for the moment; the operator should refill it.",
  NoMoreIP: "The allocator found no free IP in the node's pool.",
  NoAvailableSubnet:
    "None of the node's subnets in its zone can lend the minimum number of IPs (min-allocate).",
  NoAvailableSubnetToBorrowIP: "The subnet cannot reserve a full ENI's worth of IPs.",
  OpenAPIError: "A Baidu Cloud API call made by the operator failed.",
  [INSUFFICIENT_IP]:
    "The scheduler found no node with a free cce.baidubce.com/ip resource: the pod's node has as many pods as pool IPs.",
  FailedCreateENI: "The operator could not create a new ENI for the node.",
  FailedCreateExternalENI: "The operator could not adopt an ENI found in the VPC.",
  FailedBorrowSubnet: "The operator could not reserve IPs in a subnet for a new ENI.",
  FailedBorrowEniIPs: "The operator could not reserve IPs for a new ENI, so it deleted the ENI.",
  AttachENIFailed: "Attaching the ENI to its instance failed.",
  AttachingENIError: "The ENI stayed attaching for more than 5 min, so the operator deletes it.",
  DeleteENIFailed: "The operator could not delete the ENI in the VPC.",
};

/** Every code and reason the decoder explains. */
export const KNOWN_CODES: readonly string[] = Object.keys(MEANINGS);

/** Codes that mean "no IP for this pod" and are decoded against the node's figures. */
const NODE_FULL_CODES = new Set([
  "WaitCreateMoreENI",
  "ENICapacityExceed",
  "IPPoolExhausted",
  "NoMoreIP",
  "ENIIPCapacityExceed",
  INSUFFICIENT_IP,
]);

const SUBNET_CODES = new Set([
  "SubnetNoMoreIP",
  "NoAvailableSubnet",
  "NoAvailableSubnetToBorrowIP",
]);

const CODE_PATTERN = new RegExp(`\\b(${KNOWN_CODES.join("|")})\\b`);

/** Baidu Cloud exception names found in operator messages, with their meaning. */
const BCE_EXCEPTIONS: [RegExp, string][] = [
  [/SubnetHasNoMoreIpException/, "the subnet has no more IPs"],
  [/RateLimit/, "the Baidu Cloud API rate-limited the operator"],
  [/QuotaLimitExceeded|LimitExceeded/, "an account or VPC quota is exhausted"],
  [/ExceedLimitException|BadRequest/, "the instance's IP limit was reached (BBC: 39 IPs)"],
  [/VmMemoryCanNotAttachMoreIpException/, "the instance's memory size limits its IPs"],
  [/NoSuchObject|EniIdException/, "the ENI no longer exists in the VPC"],
];

export interface NodeFigures {
  name: string;
  instanceType: string | null;
  useMode: string | null;
  used: number;
  ceiling: number;
  headroom: number;
  eniCount: number;
  maxEniCount: number;
}

export interface DecodeContext {
  node: NodeFigures | null;
  /** Subnets the node draws IPs from. */
  subnets: readonly SubnetRecord[];
  /** `status.ipam.available-subnet-ids`; an empty list means no subnet can lend IPs. */
  availableSubnetIds: readonly string[] | null;
  /** ENIs of the node whose VPC status matters and is not inuse. */
  enisNotInuse: readonly string[];
  /** ENI the error names, if any. */
  eni?: string | null;
}

export interface NextCheck {
  text: string;
  href: string;
}

export interface DecodedError {
  code: string;
  meaning: string;
  /** The most likely real cause in words, given the node's figures. */
  cause: string;
  checks: NextCheck[];
}

/**
 * Finds the IPAM code or operator reason in an event: a known code in the message wins over the
 * reason, because kubelet events carry the IPAM code only in their message text.
 */
export function extractCode(reason: string | null, message: string | null): string | null {
  const inMessage = message?.match(CODE_PATTERN)?.[1];
  if (inMessage) return inMessage;
  if (message?.includes("Insufficient cce.baidubce.com/ip")) return INSUFFICIENT_IP;
  if (reason && reason in MEANINGS) return reason;
  return null;
}

const nodeHref = (name: string) => `/nodes/${encodeURIComponent(name)}`;
const subnetHref = (id: string) => `/subnets/${encodeURIComponent(id)}`;
const eniHref = (id: string) => `/enis/${encodeURIComponent(id)}`;

function isPrimaryNic(node: NodeFigures): boolean {
  return node.useMode === PRIMARY_NIC_MODE || node.instanceType === "bbc";
}

function exhaustedSubnets(ctx: DecodeContext): SubnetRecord[] {
  return ctx.subnets.filter((s) => s.hasNoMoreIp === true || s.availableIpNum === 0);
}

function subnetChecks(subnets: readonly SubnetRecord[]): NextCheck[] {
  return subnets.map((s) => ({
    text: `Subnet ${s.id}: ${s.availableIpNum ?? "unknown"} IPs available`,
    href: subnetHref(s.id),
  }));
}

function ceilingCause(node: NodeFigures): string {
  if (isPrimaryNic(node)) {
    return `Node ${node.name} is at its ceiling: ${node.used} of ${node.ceiling} IPs used, and a primary-NIC (BBC/EBC) node can never hold more than ${PRIMARY_NIC_MAX_SECONDARY_IPS}. Only moving pods elsewhere helps.`;
  }
  return `Node ${node.name} is at its ceiling: ${node.used} of ${node.ceiling} IPs used with ${node.eniCount} of ${node.maxEniCount} ENIs. Only moving pods elsewhere or raising the quota helps.`;
}

function decodeNodeFull(code: string, ctx: DecodeContext): Omit<DecodedError, "code" | "meaning"> {
  const node = ctx.node;
  if (!node) {
    return {
      cause: "The pod's node is not known, so the cause cannot be narrowed down.",
      checks: [{ text: "Pending pods", href: "/pods" }],
    };
  }
  const checks: NextCheck[] = [
    { text: `Node ${node.name}: ceiling and pool`, href: nodeHref(node.name) },
  ];
  if (node.ceiling > 0 && node.headroom <= 0) return { cause: ceilingCause(node), checks };

  const empty = exhaustedSubnets(ctx);
  if (empty.length > 0) {
    return {
      cause: `Node ${node.name} still has headroom (${node.headroom} IPs), but subnet ${empty.map((s) => s.id).join(", ")} has no free IP, so no new ENI or IP can be added. The code ${code} hides that.`,
      checks: [...subnetChecks(empty), ...checks],
    };
  }
  if (ctx.enisNotInuse.length > 0) {
    return {
      cause: `Node ${node.name} has headroom, but ENI ${ctx.enisNotInuse.join(", ")} is not inuse in the VPC; allocation for the whole node waits until it settles.`,
      checks: [
        ...ctx.enisNotInuse.map((id) => ({ text: `ENI ${id}`, href: eniHref(id) })),
        ...checks,
      ],
    };
  }
  if (ctx.availableSubnetIds !== null && ctx.availableSubnetIds.length === 0) {
    return {
      cause: `Node ${node.name} has headroom, but none of its subnets can lend IPs (NoAvailableSubnet).`,
      checks: [...subnetChecks(ctx.subnets), ...checks],
    };
  }
  return {
    cause: `Node ${node.name} has headroom (${node.headroom} IPs) and its subnets have free IPs, so this is likely short-lived while the operator adds IPs. If it persists, read the node's events.`,
    checks,
  };
}

function decodeSubnet(code: string, ctx: DecodeContext): Omit<DecodedError, "code" | "meaning"> {
  const empty = exhaustedSubnets(ctx);
  const named = empty.length > 0 ? empty : ctx.subnets;
  const list = named.map((s) => `${s.id} (${s.availableIpNum ?? "unknown"} available)`).join(", ");
  const checks = subnetChecks(named);
  if (ctx.node) checks.push({ text: `Node ${ctx.node.name}`, href: nodeHref(ctx.node.name) });
  return {
    cause: list
      ? `The node's subnets are short of IPs: ${list}. Add a subnet to the node's subnet-ids or free IPs in it.`
      : `${code} was reported, but the node's subnets are unknown to the dashboard.`,
    checks,
  };
}

function decodeApiError(message: string | null, ctx: DecodeContext) {
  const hit = BCE_EXCEPTIONS.find(([pattern]) => pattern.test(message ?? ""));
  const checks: NextCheck[] = ctx.node
    ? [{ text: `Node ${ctx.node.name}`, href: nodeHref(ctx.node.name) }]
    : [];
  if (hit && /subnet/.test(hit[1])) checks.unshift(...subnetChecks(ctx.subnets));
  if (ctx.eni) checks.unshift({ text: `ENI ${ctx.eni}`, href: eniHref(ctx.eni) });
  return {
    cause: hit
      ? `The Baidu Cloud API reports that ${hit[1]}.`
      : "The message carries the Baidu Cloud error; the operator will retry.",
    checks,
  };
}

/** Explains one code or reason; `message` is the event text, used to find Baidu Cloud errors. */
export function decodeError(
  code: string,
  ctx: DecodeContext,
  message: string | null = null,
): DecodedError {
  const meaning = MEANINGS[code] ?? `Unknown code ${code}.`;
  let rest: Omit<DecodedError, "code" | "meaning">;
  if (NODE_FULL_CODES.has(code)) rest = decodeNodeFull(code, ctx);
  else if (SUBNET_CODES.has(code)) rest = decodeSubnet(code, ctx);
  else rest = decodeApiError(message, ctx);
  return { code, meaning, ...rest };
}

/** Builds the decoder's context for one node from the records the cache holds. */
export function decodeContextFor(
  figures: NodeFigures | null,
  node: Pick<NodeRecord, "subnetIds" | "availableSubnetIds"> | null,
  enis: readonly EniRecord[],
  subnets: ReadonlyMap<string, SubnetRecord>,
): DecodeContext {
  const ids = new Set(node?.subnetIds ?? []);
  for (const eni of enis) if (eni.subnetId) ids.add(eni.subnetId);
  return {
    node: figures,
    subnets: [...ids].flatMap((id) => subnets.get(id) ?? []),
    availableSubnetIds: node?.availableSubnetIds ?? null,
    enisNotInuse: enis
      .filter((eni) => vpcStatusMeaningful(eni) && eni.vpcStatus !== "inuse")
      .map((eni) => eni.id),
  };
}
