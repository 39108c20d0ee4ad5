import { describe, expect, it } from "vitest";

import type { VpcConfig, VpcConfigResult } from "./config";
import { loadVpcConfig, maskAccessKeyId, parseCredentialsFile } from "./config";

const keys = { BCE_ACCESS_KEY_ID: "AKIAexample01x9", BCE_SECRET_ACCESS_KEY: "secret-value-123" };

function noFile(path: string): string {
  throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" });
}

function enabledConfig(result: VpcConfigResult): VpcConfig {
  if (!result.enabled) throw new Error(`expected VPC config to be on, got: ${result.reason}`);
  return result.config;
}

describe("loadVpcConfig", () => {
  it("is off when nothing is set", () => {
    const result = loadVpcConfig({}, noFile);

    expect(result.enabled).toBe(false);
    expect(result.enabled ? "" : result.reason).toMatch(/set BCE_ACCESS_KEY_ID, BCE_SECRET/);
    expect(result.description.vpcHost).toBeUndefined();
  });

  it("is off with keys but no region or endpoint", () => {
    const result = loadVpcConfig({ ...keys }, noFile);

    expect(result.enabled).toBe(false);
    expect(result.enabled ? "" : result.reason).toContain("BCE_REGION or BCE_VPC_ENDPOINT");
  });

  it("is off with a region but no keys", () => {
    expect(loadVpcConfig({ BCE_REGION: "bj" }, noFile).enabled).toBe(false);
  });

  it("derives endpoints from the region", () => {
    const result = loadVpcConfig({ ...keys, BCE_REGION: "bj" }, noFile);

    expect(enabledConfig(result).vpcEndpoint).toBe("https://bcc.bj.baidubce.com");
    expect(enabledConfig(result).bbcEndpoint).toBe("https://bbc.bj.baidubce.com");
  });

  it("prefers endpoint overrides", () => {
    const result = loadVpcConfig(
      { ...keys, BCE_REGION: "bj", BCE_VPC_ENDPOINT: "http://127.0.0.1:9000" },
      noFile,
    );

    expect(enabledConfig(result).vpcEndpoint).toBe("http://127.0.0.1:9000");
    expect(result.description.vpcHost).toBe("127.0.0.1:9000");
  });

  it("leaves BBC off without region or BBC endpoint", () => {
    const result = loadVpcConfig({ ...keys, BCE_VPC_ENDPOINT: "http://127.0.0.1:9000" }, noFile);

    expect(result.enabled).toBe(true);
    expect(enabledConfig(result).bbcEndpoint).toBeUndefined();
  });

  it("rejects an endpoint with a path", () => {
    const result = loadVpcConfig({ ...keys, BCE_VPC_ENDPOINT: "http://127.0.0.1:9/api" }, noFile);

    expect(result.enabled).toBe(false);
    expect(result.enabled ? "" : result.reason).toContain("without path");
  });

  it("rejects an invalid region", () => {
    expect(loadVpcConfig({ ...keys, BCE_REGION: "bj.evil.example/" }, noFile).enabled).toBe(false);
  });

  it("reads a JSON credentials file", () => {
    const file = JSON.stringify({ ...keys, BCE_SESSION_TOKEN: "tok", BCE_REGION: "gz" });

    const result = loadVpcConfig({ BCE_CREDENTIALS_FILE: "/secret/vpc.json" }, () => file);

    expect(enabledConfig(result).credentials.sessionToken).toBe("tok");
    expect(enabledConfig(result).vpcEndpoint).toBe("https://bcc.gz.baidubce.com");
    expect(result.description.credentialsFile).toBe("/secret/vpc.json");
  });

  it("lets the environment override the file", () => {
    const file = "BCE_ACCESS_KEY_ID=from-file-ak\nBCE_SECRET_ACCESS_KEY=from-file\nBCE_REGION=gz";

    const result = loadVpcConfig({ BCE_CREDENTIALS_FILE: "/f", BCE_REGION: "bj" }, () => file);

    expect(enabledConfig(result).region).toBe("bj");
    expect(enabledConfig(result).credentials.secretAccessKey).toBe("from-file");
  });

  it("reports an unreadable credentials file", () => {
    const result = loadVpcConfig({ BCE_CREDENTIALS_FILE: "/nope" }, noFile);

    expect(result.enabled ? "" : result.reason).toContain("cannot read BCE_CREDENTIALS_FILE /nope");
  });

  it("keeps file content out of a JSON error", () => {
    const result = loadVpcConfig({ BCE_CREDENTIALS_FILE: "/f" }, () => '{"sk": secret-in-file');

    expect(result.enabled ? "" : result.reason).toContain("is not valid JSON");
    expect(JSON.stringify(result)).not.toContain("secret-in-file");
  });

  it("never exposes the secret in description or JSON", () => {
    const result = loadVpcConfig({ ...keys, BCE_REGION: "bj" }, noFile);

    expect(result.description.accessKeyId).toBe("AKIA…x9");
    expect(JSON.stringify(result)).not.toContain("secret-value-123");
    expect(JSON.stringify(result)).not.toContain("AKIAexample01x9");
  });
});

describe("parseCredentialsFile", () => {
  it("reads quoted key=value lines and skips comments", () => {
    const settings = parseCredentialsFile("# c\nexport BCE_ACCESS_KEY_ID='ak'\naccessKeyId2=x\n");

    expect(settings).toEqual({ accessKeyId: "ak" });
  });
});

describe("maskAccessKeyId", () => {
  it("keeps four leading and two trailing characters", () => {
    expect(maskAccessKeyId("AKIA1234567890x9")).toBe("AKIA…x9");
    expect(maskAccessKeyId("short")).toBe("…t");
  });
});
