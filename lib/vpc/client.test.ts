import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { VpcFixture, VpcStandin } from "@/lib/demo/vpc/standin";
import { startVpcStandin } from "@/lib/demo/vpc/standin";

import type { VpcClientOptions } from "./client";
import { createVpcClient } from "./client";
import { VpcError } from "./errors";

const credentials = { accessKeyId: "test-ak", secretAccessKey: "test-sk-do-not-log" };

function subnet(index: number, zoneName = "cn-bj-d") {
  return {
    subnetId: `sbn-${String(index).padStart(4, "0")}`,
    name: `s${index}`,
    zoneName,
    cidr: `10.${index}.0.0/24`,
    vpcId: "vpc-1",
    subnetType: "BCC",
    availableIp: 100 + index,
    futureField: { nested: true },
  };
}

const eni = {
  eniId: "eni-a1",
  name: "cce/eni",
  zoneName: "cn-bj-d",
  instanceId: "i-1",
  macAddress: "fa:16:3e:00:00:01",
  vpcId: "vpc-1",
  subnetId: "sbn-0001",
  status: "inuse",
  privateIpSet: [
    { privateIpAddress: "10.1.0.5", primary: true },
    { privateIpAddress: "10.1.0.6", primary: false },
  ],
};

function fixture(): VpcFixture {
  return {
    subnets: [1, 2, 3, 4, 5].map((index) => subnet(index, index === 3 ? "cn-bj-a" : "cn-bj-d")),
    enis: [eni],
    bbcPorts: { "i-bbc": { ...eni, eniId: "eni-bbc", instanceId: "i-bbc", name: "eth0" } },
    instanceEnis: { "i-1": [eni] },
  };
}

let standin: VpcStandin;

beforeEach(async () => {
  standin = await startVpcStandin({ credentials, fixture: fixture(), pageSize: 2 });
});

afterEach(async () => {
  await standin.close();
});

function client(overrides: Partial<VpcClientOptions> = {}) {
  return createVpcClient({
    vpcEndpoint: standin.url,
    bbcEndpoint: standin.url,
    credentials,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<VpcError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof VpcError)) throw error;
  return error;
}

describe("VPC client", () => {
  it("lists subnets across pages", async () => {
    const subnets = await client().listSubnets();

    expect(subnets.map((item) => item.subnetId)).toEqual([
      "sbn-0001",
      "sbn-0002",
      "sbn-0003",
      "sbn-0004",
      "sbn-0005",
    ]);
    expect(standin.requests).toHaveLength(3);
    expect(standin.requests.map((request) => request.query.marker)).toEqual([
      undefined,
      "sbn-0003",
      "sbn-0005",
    ]);
    expect(subnets[0]?.availableIp).toBe(101);
  });

  it("passes subnet filters", async () => {
    const subnets = await client().listSubnets({ vpcId: "vpc-1", zoneName: "cn-bj-a" });

    expect(subnets.map((item) => item.subnetId)).toEqual(["sbn-0003"]);
    expect(standin.requests[0]?.query).toMatchObject({ vpcId: "vpc-1", zoneName: "cn-bj-a" });
  });

  it("names the page that broke", async () => {
    standin.knobs.breakListOnPage = 2;

    const error = await failure(client().listSubnets());

    expect(error.kind).toBe("server");
    expect(error.operation).toBe("ListSubnets page 2");
    expect(error.message).toContain("HTTP 500");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reads one subnet, ENI, instance ENIs and BBC port", async () => {
    const vpc = client();

    expect((await vpc.getSubnet("sbn-0002")).availableIp).toBe(102);
    expect((await vpc.getEni("eni-a1")).privateIpSet[1]?.privateIpAddress).toBe("10.1.0.6");
    expect((await vpc.listInstanceEnis("i-1")).map((item) => item.eniId)).toEqual(["eni-a1"]);
    expect((await vpc.getBbcPort("i-bbc")).eniId).toBe("eni-bbc");
    expect(standin.requests.map((request) => request.path)).toEqual([
      "/v1/subnet/sbn-0002",
      "/v1/eni/eni-a1",
      "/v2/eni/i-1",
      "/v1/vpcPort/i-bbc",
    ]);
  });

  it("signs requests with a session token", async () => {
    const session = { ...credentials, sessionToken: "sts-session-token" };

    const subnet = await client({ credentials: session }).getSubnet("sbn-0001");

    expect(subnet.subnetId).toBe("sbn-0001");
  });

  it("sends only GET requests", async () => {
    await client().listSubnets();
    await client().getEni("eni-a1");

    expect(new Set(standin.requests.map((request) => request.method))).toEqual(new Set(["GET"]));
  });

  it("maps NoSuchObject to not-found", async () => {
    const error = await failure(client().getEni("eni-missing"));

    expect(error.kind).toBe("not-found");
    expect(error.code).toBe("NoSuchObject");
  });

  it("reports a wrong secret as an auth error", async () => {
    const wrong = { ...credentials, secretAccessKey: "wrong-secret-value" };

    const error = await failure(client({ credentials: wrong }).getSubnet("sbn-0001"));

    expect(error.kind).toBe("auth");
    expect(error.status).toBe(403);
    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(error.message).toMatch(/check the access key and secret/i);
    expect(error.message).not.toContain("wrong-secret-value");
    expect(JSON.stringify(error)).not.toContain("wrong-secret-value");
    expect(JSON.stringify(error)).not.toContain("bce-auth-v1");
  });

  it("reports an unknown access key as an auth error", async () => {
    const unknown = { ...credentials, accessKeyId: "other-ak" };

    const error = await failure(client({ credentials: unknown }).getSubnet("sbn-0001"));

    expect(error.kind).toBe("auth");
    expect(error.code).toBe("InvalidAccessKeyId");
  });

  it("reports throttling with Retry-After", async () => {
    standin.knobs.throttle = { retryAfterSeconds: 3 };

    const error = await failure(client().getSubnet("sbn-0001"));

    expect(error.kind).toBe("throttled");
    expect(error.code).toBe("RequestLimitExceeded");
    expect(error.retryAfterMs).toBe(3000);
  });

  it("times out on a hanging server", async () => {
    standin.knobs.hang = true;

    const error = await failure(client({ timeoutMs: 200 }).getSubnet("sbn-0001"));

    expect(error.kind).toBe("timeout");
  });

  it("reports an unreachable endpoint", async () => {
    const url = standin.url;
    await standin.close();
    standin = await startVpcStandin({ credentials, fixture: fixture() });

    const error = await failure(client({ vpcEndpoint: url }).getSubnet("sbn-0001"));

    expect(error.kind).toBe("unreachable");
    expect(error.message).toContain("127.0.0.1");
  });

  it("names the invalid response field", async () => {
    const broken = { ...eni, status: undefined } as unknown as typeof eni;
    standin.setFixture({ ...fixture(), enis: [broken] });

    const error = await failure(client().getEni("eni-a1"));

    expect(error.kind).toBe("invalid-response");
    expect(error.field).toBe("status");
  });

  it("rejects an id that would change the path", async () => {
    const error = await failure(client().getEni("../subnet"));

    expect(error.kind).toBe("bad-request");
    expect(standin.requests).toHaveLength(0);
  });
});
