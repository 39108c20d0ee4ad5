import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { canonicalQueryString, signRequest } from "@/lib/vpc/signer";

import type { VpcFixture, VpcStandin } from "./standin";
import { startVpcStandin } from "./standin";

const credentials = { accessKeyId: "demo-ak", secretAccessKey: "demo-sk" };
const fixture: VpcFixture = {
  subnets: [{ subnetId: "sbn-1", zoneName: "cn-bj-d", cidr: "10.0.0.0/24", vpcId: "vpc-1" }],
  enis: [],
  bbcPorts: {},
  instanceEnis: {},
};
let standin: VpcStandin;

beforeEach(async () => {
  standin = await startVpcStandin({ credentials, fixture });
});

afterEach(async () => {
  await standin.close();
});

interface Call {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  timestamp?: Date;
  secret?: string;
}

// Signs a request for `signed` and sends `sent` (defaults to the same), so tests can tamper.
async function send(signed: Call, sent: Call = signed) {
  const url = new URL(standin.url);
  const headers = signRequest({
    method: signed.method ?? "GET",
    path: signed.path ?? "/v1/subnet",
    query: signed.query,
    headers: { host: url.host },
    credentials: { ...credentials, secretAccessKey: signed.secret ?? credentials.secretAccessKey },
    timestamp: signed.timestamp ?? new Date(),
  }).headers;
  delete headers.host;
  const query = canonicalQueryString(sent.query);
  const target = `${standin.url}${sent.path ?? "/v1/subnet"}${query ? `?${query}` : ""}`;
  const response = await fetch(target, { method: sent.method ?? "GET", headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("VPC stand-in", () => {
  it("serves a correctly signed request", async () => {
    const response = await send({ query: { maxKeys: "10" } });

    expect(response.status).toBe(200);
    expect(response.body.subnets).toHaveLength(1);
    expect(standin.requests[0]).toMatchObject({ method: "GET", path: "/v1/subnet", ok: true });
  });

  it("rejects a tampered query", async () => {
    const response = await send({ query: { maxKeys: "10" } }, { query: { maxKeys: "11" } });

    expect(response.status).toBe(403);
    expect(response.body.code).toBe("SignatureDoesNotMatch");
    expect(response.body.requestId).toEqual(expect.any(String));
    expect(standin.requests[0]?.ok).toBe(false);
  });

  it("rejects a tampered path", async () => {
    const response = await send({ path: "/v1/subnet/sbn-1" }, { path: "/v1/subnet/sbn-2" });

    expect(response.body.code).toBe("SignatureDoesNotMatch");
  });

  it("rejects a wrong secret", async () => {
    const response = await send({ secret: "guess" });

    expect(response.status).toBe(403);
    expect(response.body.code).toBe("SignatureDoesNotMatch");
  });

  it("rejects an unknown access key", async () => {
    const response = await fetch(`${standin.url}/v1/subnet`, {
      headers: {
        authorization: `bce-auth-v1/nobody/2024-01-01T00:00:00Z/1800/host/${"a".repeat(64)}`,
      },
    });

    expect(((await response.json()) as { code: string }).code).toBe("InvalidAccessKeyId");
  });

  it("rejects a request without authorization", async () => {
    const response = await fetch(`${standin.url}/v1/subnet`);

    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe("InvalidHTTPAuthHeader");
  });

  it("rejects an expired signature", async () => {
    const response = await send({ timestamp: new Date(Date.now() - 1801_000) });

    expect(response.status).toBe(403);
    expect(response.body.code).toBe("RequestExpired");
  });

  it("rejects and records a non-GET method", async () => {
    const response = await send({ method: "POST" }, { method: "POST" });

    expect(response.status).toBe(405);
    expect(response.body.code).toBe("MethodNotAllowed");
    expect(standin.requests[0]).toMatchObject({ method: "POST", ok: false, status: 405 });
  });

  it("answers 404 NoSuchObject for unknown ids", async () => {
    const response = await send({ path: "/v1/eni/eni-nope" });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe("NoSuchObject");
  });

  it("undoes every knob with reset", async () => {
    standin.knobs.serverErrorStatus = 503;
    expect((await send({})).status).toBe(503);

    standin.knobs.throttle = {};
    expect((await send({})).body.code).toBe("RequestLimitExceeded");

    standin.knobs.reset();
    expect((await send({})).status).toBe(200);
    expect(standin.knobs.throttle).toBeNull();
  });

  it("serves a replaced fixture", async () => {
    standin.setFixture({ ...fixture, subnets: [] });

    expect((await send({})).body.subnets).toEqual([]);
  });
});
