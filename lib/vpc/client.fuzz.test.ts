/**
 * Property-based fuzzing of VPC response parsing: the client gets arbitrary and near-valid JSON
 * bodies with arbitrary statuses from a stubbed fetch. Every call resolves with parsed data or
 * rejects with a VpcError; an unusable 2xx body is rejected with the failing field named.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createVpcClient, type VpcClient } from "./client";
import { VpcError } from "./errors";

const RUNS = 1_000;
let respond: () => Response;

beforeEach(() => {
  vi.stubGlobal("fetch", async () => respond());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const client = createVpcClient({
  vpcEndpoint: "http://127.0.0.1:9",
  bbcEndpoint: "http://127.0.0.1:9",
  credentials: { accessKeyId: "fuzz-ak", secretAccessKey: "fuzz-sk" },
});

const eni = {
  eniId: "eni-fuzz0001",
  status: "inuse",
  privateIpSet: [{ privateIpAddress: "10.0.0.2", primary: true }],
};
const subnet = { subnetId: "sbn-fuzz0001", cidr: "10.0.0.0/24", availableIp: 200 };
const VALID = {
  eni,
  subnet: { subnet },
  subnets: { subnets: [subnet], isTruncated: false },
  instanceEnis: { enis: [eni] },
};

/** A valid body with one field, anywhere, replaced by a value of another type. */
function mutated(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) return copy;
    node = next as Record<string, unknown>;
  }
  node[path[path.length - 1] ?? ""] = value;
  return copy;
}

const CALLS: { name: keyof typeof VALID; call: (vpc: VpcClient) => Promise<unknown> }[] = [
  { name: "eni", call: (vpc) => vpc.getEni("eni-fuzz0001") },
  { name: "subnet", call: (vpc) => vpc.getSubnet("sbn-fuzz0001") },
  { name: "subnets", call: (vpc) => vpc.listSubnets() },
  { name: "instanceEnis", call: (vpc) => vpc.listInstanceEnis("i-fuzz0001") },
];

async function expectResolvedOrVpcError(promise: Promise<unknown>, status: number) {
  try {
    await promise;
    expect(status).toBeLessThan(300);
  } catch (error) {
    expect(error).toBeInstanceOf(VpcError);
    const failure = error as VpcError;
    expect(failure.message.length).toBeGreaterThan(0);
    if (failure.kind === "invalid-response") {
      expect(failure.field?.length).toBeGreaterThan(0);
      expect(failure.message).toContain(`field "${failure.field}"`);
    }
  }
}

const status = fc.oneof(fc.constant(200), fc.integer({ min: 200, max: 599 }));
const wrongValue = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.object(),
);
const path = fc.array(
  fc.constantFrom(
    "eniId",
    "status",
    "privateIpSet",
    "0",
    "primary",
    "privateIpAddress",
    "subnet",
    "subnets",
    "enis",
    "availableIp",
    "isTruncated",
    "nextMarker",
    "subnetId",
  ),
  { minLength: 1, maxLength: 4 },
);

describe.each(CALLS)("VPC client $name", ({ name, call }) => {
  it("survives arbitrary bodies and statuses", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), status, async (body, code) => {
        respond = () => new Response(JSON.stringify(body), { status: code });
        await expectResolvedOrVpcError(call(client), code);
      }),
      { numRuns: RUNS },
    );
  });

  it("names the field of a near-valid body", async () => {
    await fc.assert(
      fc.asyncProperty(path, wrongValue, async (fieldPath, value) => {
        const body = mutated(VALID[name], fieldPath, value);
        respond = () => new Response(JSON.stringify(body), { status: 200 });
        await expectResolvedOrVpcError(call(client), 200);
      }),
      { numRuns: RUNS },
    );
  });
});
