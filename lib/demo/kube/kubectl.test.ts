import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DemoCluster, startDemoCluster } from "./server";

const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.warn(`skipping kubectl tests: ${KUBECTL} is not installed`);

const run = promisify(execFile);
let cluster: DemoCluster;
let dir: string;

function kubectlArgs(args: string[]): string[] {
  return [
    "--kubeconfig",
    path.join(dir, "kubeconfig"),
    "--cache-dir",
    path.join(dir, "cache"),
    "--request-timeout",
    "10s",
    ...args,
  ];
}

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(KUBECTL, kubectlArgs(args), { timeout: 20_000 });
  return stdout;
}

describe.skipIf(!hasKubectl)("kubectl against the demo cluster", () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "demo-kubectl-"));
    cluster = await startDemoCluster({
      churn: false,
      kubeconfigPath: path.join(dir, "kubeconfig"),
      allowAnonymous: true,
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("get netresourcesets lists every node", async () => {
    const lines = (await kubectl("get", "netresourcesets", "--no-headers")).trim().split("\n");
    expect(lines).toHaveLength(cluster.store.count("netresourcesets"));
  });

  it("get nrs prints the ID, MODE and TYPE columns", async () => {
    const output = await kubectl("get", "nrs");
    expect(output.split("\n")[0]).toMatch(/^NAME\s+ID\s+MODE\s+TYPE\s+AGE$/);
    expect(output).toMatch(/10\.0\.19\.7\s+i-1SvcOgBl\s+Secondary\s+bbc/);
  });

  it("get enis by node label as YAML", async () => {
    const output = await kubectl(
      "get",
      "enis",
      "-l",
      "cce.baidubce.com/node=10.0.19.7",
      "-o",
      "yaml",
    );
    expect(output).toContain("name: eni-ih1seearb7y8");
    expect(output).toContain("useMode: PrimaryWithSecondaryIP");
  });

  it("get nrs by name with jsonpath", async () => {
    expect(await kubectl("get", "nrs", "10.0.19.7", "-o", "jsonpath={.spec.instance-id}")).toBe(
      "i-1SvcOgBl",
    );
  });

  it("get enis in chunks follows continue tokens", async () => {
    const before = cluster.requests.length;
    const lines = (await kubectl("get", "enis", "--chunk-size=10", "--no-headers"))
      .trim()
      .split("\n");
    expect(lines).toHaveLength(cluster.store.count("enis"));
    const lists = cluster.requests
      .slice(before)
      .filter((r) => r.path === "/apis/cce.baidubce.com/v2/enis");
    expect(lists.some((r) => r.query.limit === "10" && !r.query.continue)).toBe(true);
    expect(lists.some((r) => r.query.limit === "10" && r.query.continue)).toBe(true);
    expect(cluster.requests.slice(before).every((r) => r.method === "GET")).toBe(true);
  });

  it("get nrs -w prints a change made in the store", async () => {
    const child = spawn(KUBECTL, kubectlArgs(["get", "nrs", "-w", "--no-headers"]));
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${output}`)), 15_000);
        const check = (): void => {
          if (!pattern.test(output)) return;
          clearTimeout(timer);
          resolve();
        };
        child.stdout.on("data", check);
        check();
      });
    try {
      await waitFor(/10\.0\.19\.7\s+i-1SvcOgBl/);
      cluster.store.update("netresourcesets", "10.0.19.7", (obj) => {
        (obj.spec as Record<string, unknown>)["instance-id"] = "i-Changed1";
      });
      await waitFor(/10\.0\.19\.7\s+i-Changed1/);
    } finally {
      child.kill();
    }
  });
});
