// Checks signRequest() against the official JavaScript SDK's signer: @baiducloud/sdk 1.0.7,
// module src/auth.js (class Auth, method generateAuthorization). The SDK signs the path exactly as
// given, and its clients pass it already encoded with strings.normalize(path, false) (see
// src/bos_client.js), so the reference call below encodes the path the same way first.
import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import type { BceCredentials, QueryParams } from "./signer";
import { canonicalQueryString, parseAuthorization, signRequest } from "./signer";

interface SdkAuth {
  generateAuthorization(
    method: string,
    resource: string,
    params: Record<string, unknown>,
    headers: Record<string, string>,
    timestampSeconds: number,
    expirationInSeconds?: number,
    headersToSign?: readonly string[],
  ): string;
}

const require = createRequire(import.meta.url);
const SdkAuth = require("@baiducloud/sdk/src/auth.js") as new (ak: string, sk: string) => SdkAuth;
const sdkStrings = require("@baiducloud/sdk/src/strings.js") as {
  normalize(value: string, encodingSlash?: boolean): string;
};
const sdkVersion = (require("@baiducloud/sdk/package.json") as { version: string }).version;

const credentials: BceCredentials = { accessKeyId: "ak-test-1", secretAccessKey: "sk-test-secret" };
const timestamp = new Date("2024-02-21T02:26:28.731Z");

interface Case {
  name: string;
  path: string;
  query?: QueryParams;
  headers?: Record<string, string>;
  credentials?: BceCredentials;
  expirationSeconds?: number;
  headersToSign?: string[];
}

const host = { host: "bcc.bj.baidubce.com" };
const cases: Case[] = [
  {
    name: "plain list call",
    path: "/v1/subnet",
    query: { maxKeys: 5, vpcId: "vpc-1" },
    headers: host,
  },
  { name: "path with spaces and unicode", path: "/v1/a b/子网/é", headers: host },
  { name: "path with : @ + and reserved marks", path: "/v1/x:y@z+1/(a)!*'~", headers: host },
  {
    name: "empty query value",
    path: "/v1/subnet",
    query: { marker: "", maxKeys: "" },
    headers: host,
  },
  {
    name: "null and undefined query values",
    path: "/v1/subnet",
    query: { marker: null, zoneName: undefined },
    headers: host,
  },
  {
    name: "repeated query values",
    path: "/v1/subnet",
    query: { subnetIds: ["sbn-a", "sbn-b"], zoneName: "cn-bj-d" },
    headers: host,
  },
  {
    name: "query values needing encoding",
    path: "/v1/eni",
    query: { name: "cce-abc/i-1/node a", privateIpAddress: "10.0.0.1,10.0.0.2", x: "ü+" },
    headers: host,
  },
  {
    name: "authorization query key skipped",
    path: "/v1/eni",
    query: { authorization: "x", a: "1" },
  },
  {
    name: "several x-bce headers",
    path: "/v1/eni/eni-1",
    headers: {
      Host: "127.0.0.1:8080",
      "X-Bce-Request-Id": "5b2d8c2e-0000-4000-8000-000000000001",
      "x-bce-content-sha256": "abc",
      "x-bce-meta-note": "  spaced value  ",
      "Content-Type": "application/json; charset=utf-8",
      "User-Agent": "not-signed/1.0",
    },
  },
  {
    name: "session token header",
    path: "/v2/eni/i-1SvcOgBl",
    headers: host,
    credentials: { ...credentials, sessionToken: "sts-token/with+chars=" },
  },
  {
    name: "empty header value skipped",
    path: "/v1/subnet",
    headers: { ...host, "x-bce-empty": " " },
  },
  { name: "custom expiry", path: "/v1/vpcPort/i-1", headers: host, expirationSeconds: 60 },
  {
    name: "custom headers to sign",
    path: "/v1/subnet/sbn-1",
    headers: { ...host, "Content-Length": "0", "X-Custom": "yes" },
    headersToSign: ["x-custom", "content-length"],
  },
  { name: "no headers besides x-bce-date", path: "/" },
];

function sdkAuthorization(testCase: Case, sentHeaders: Record<string, string>): string {
  const keys = testCase.credentials ?? credentials;
  const headers = { ...sentHeaders };
  delete headers.authorization;
  return new SdkAuth(keys.accessKeyId, keys.secretAccessKey).generateAuthorization(
    "GET",
    sdkStrings.normalize(testCase.path, false),
    { ...testCase.query },
    headers,
    timestamp.getTime() / 1000,
    testCase.expirationSeconds,
    testCase.headersToSign,
  );
}

describe(`signRequest against @baiducloud/sdk ${sdkVersion} src/auth.js`, () => {
  it.each(cases)("matches the SDK: $name", (testCase) => {
    const signed = signRequest({
      method: "GET",
      path: testCase.path,
      query: testCase.query,
      headers: testCase.headers,
      credentials: testCase.credentials ?? credentials,
      timestamp,
      expirationSeconds: testCase.expirationSeconds,
      headersToSign: testCase.headersToSign,
    });

    expect(signed.authorization).toBe(sdkAuthorization(testCase, signed.headers));
  });
});

describe("signRequest", () => {
  it("writes x-bce-date from the timestamp", () => {
    const signed = signRequest({ method: "GET", path: "/v1/subnet", credentials, timestamp });
    expect(signed.headers["x-bce-date"]).toBe("2024-02-21T02:26:28Z");
    expect(signed.authorization).toMatch(
      /^bce-auth-v1\/ak-test-1\/2024-02-21T02:26:28Z\/1800\/x-bce-date\/[0-9a-f]{64}$/,
    );
  });

  it("signs x-bce-request-id like the JavaScript SDK", () => {
    const signed = signRequest({
      method: "GET",
      path: "/v1/subnet",
      headers: { host: "h", "x-bce-request-id": "r-1" },
      credentials,
      timestamp,
    });
    expect(signed.signedHeaders).toEqual(["host", "x-bce-date", "x-bce-request-id"]);
  });

  it("adds the session token header", () => {
    const signed = signRequest({
      method: "GET",
      path: "/",
      credentials: { ...credentials, sessionToken: "tok" },
      timestamp,
    });
    expect(signed.headers["x-bce-security-token"]).toBe("tok");
    expect(signed.signedHeaders).toContain("x-bce-security-token");
  });

  it("builds the canonical request from its four parts", () => {
    const signed = signRequest({
      method: "GET",
      path: "/v1/a b",
      query: { b: "2", a: "x/y" },
      headers: { Host: "h:1" },
      credentials,
      timestamp,
    });
    expect(signed.canonicalRequest).toBe(
      "GET\n/v1/a%20b\na=x%2Fy&b=2\nhost:h%3A1\nx-bce-date:2024-02-21T02%3A26%3A28Z",
    );
  });

  it("changes the signature when the secret changes", () => {
    const input = { method: "GET", path: "/v1/subnet", credentials, timestamp };
    const other = signRequest({ ...input, credentials: { ...credentials, secretAccessKey: "x" } });
    expect(other.authorization).not.toBe(signRequest(input).authorization);
  });

  it("rejects a path without a leading slash", () => {
    expect(() => signRequest({ method: "GET", path: "v1", credentials, timestamp })).toThrow(
      /must start with "\/"/,
    );
  });

  it("rejects query keys that need encoding", () => {
    expect(() => canonicalQueryString({ "a b": "1" })).toThrow(/invalid query key "a b"/);
  });
});

describe("parseAuthorization", () => {
  it("reads back the fields of a signed header", () => {
    const signed = signRequest({
      method: "GET",
      path: "/",
      headers: { host: "h" },
      credentials,
      timestamp,
      expirationSeconds: 90,
    });
    expect(parseAuthorization(signed.authorization)).toEqual({
      accessKeyId: "ak-test-1",
      timestamp: "2024-02-21T02:26:28Z",
      expirationSeconds: 90,
      signedHeaders: ["host", "x-bce-date"],
      signature: signed.authorization.split("/").at(-1),
    });
  });

  it("returns null for other schemes", () => {
    expect(parseAuthorization("Bearer abc")).toBeNull();
    expect(
      parseAuthorization("bce-auth-v1/ak/2024-02-21T02:26:28Z/x//" + "0".repeat(64)),
    ).toBeNull();
  });
});
