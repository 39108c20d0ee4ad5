import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { sampleClusterObjects } from "@/lib/demo/vpc/sample-cluster";
import type { VpcStandin } from "@/lib/demo/vpc/standin";
import { fixtureFromCluster, startVpcStandin } from "@/lib/demo/vpc/standin";

import { loadVpcConfig } from "./config";
import { createVpcService, getVpcService } from "./service";

const credentials = { accessKeyId: "svc-ak", secretAccessKey: "svc-sk" };
let standin: VpcStandin;

beforeEach(async () => {
  const fixture = fixtureFromCluster(sampleClusterObjects());
  standin = await startVpcStandin({ credentials, fixture, pageSize: 1 });
});

afterEach(async () => {
  await standin.close();
});

function service(refreshIntervalMs = 60_000, staleWhileRevalidate = true) {
  const config = loadVpcConfig({
    BCE_ACCESS_KEY_ID: credentials.accessKeyId,
    BCE_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    BCE_VPC_ENDPOINT: standin.url,
    BCE_BBC_ENDPOINT: standin.url,
  });
  return createVpcService({
    config,
    budget: { refreshIntervalMs, ratePerSecond: 100, staleWhileRevalidate },
  });
}

describe("VPC service", () => {
  it("returns subnets with source and age", async () => {
    const figure = await service().subnets();

    expect(figure.source).toBe("vpc");
    expect(figure.ageMs).toBeLessThan(1_000);
    expect(figure.value?.map((subnet) => subnet.availableIp)).toEqual([3950, 180, 221]);
  });

  it("keeps the previous list when a page breaks", async () => {
    const vpc = service(0, false);
    await vpc.subnets();
    standin.knobs.breakListOnPage = 2;

    const figure = await vpc.subnets();

    expect(figure.value).toHaveLength(3);
    expect(figure.error?.kind).toBe("server");
    expect(figure.error?.message).toContain("ListSubnets page 2");
    expect(vpc.status().lastError?.key).toContain("subnets");
  });

  it("reports a bad signature as a configuration error", async () => {
    const config = loadVpcConfig({
      BCE_ACCESS_KEY_ID: credentials.accessKeyId,
      BCE_SECRET_ACCESS_KEY: "not-the-secret",
      BCE_VPC_ENDPOINT: standin.url,
    });
    const vpc = createVpcService({ config });

    const figure = await vpc.subnet("sbn-demobcc0001");

    expect(figure.value).toBeUndefined();
    expect(figure.error?.kind).toBe("auth");
    expect(figure.error?.message).toMatch(/check the access key and secret/i);
    expect(JSON.stringify(vpc.status())).not.toContain("not-the-secret");
  });

  it("reads ENIs, instance ENIs and BBC ports", async () => {
    const vpc = service();

    expect((await vpc.eni("eni-bcc1a00001")).value?.status).toBe("inuse");
    expect((await vpc.instanceEnis("i-demoBcc1")).value).toHaveLength(3);
    expect((await vpc.bbcPort("i-demoBbc1")).value?.privateIpSet).toHaveLength(5);
  });

  it("is off without configuration", async () => {
    const vpc = createVpcService({ config: loadVpcConfig({}) });

    const figure = await vpc.subnets();

    expect(vpc.status().enabled).toBe(false);
    expect(vpc.status().reason).toMatch(/VPC checks are off/);
    expect(figure.error?.kind).toBe("disabled");
    expect(standin.requests).toHaveLength(0);
  });

  it("keeps one service per process", () => {
    expect(getVpcService()).toBe(getVpcService());
  });
});
