/**
 * Starts the whole demo on loopback: the demo Kubernetes API server, the control endpoint for
 * tests, and the dashboard itself (next start) pointed at the demo through a kubeconfig.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { startControlServer } from "./control";
import { type DemoCluster, startDemoCluster } from "./kube/server";
import { fixtureFromCluster, startVpcStandin, type VpcStandin } from "./vpc/standin";

/** Demo-only VPC credentials: the stand-in checks signatures made with them. */
export const DEMO_VPC_CREDENTIALS = { accessKeyId: "demo-ak", secretAccessKey: "demo-sk" };
/** How often the demo's VPC stand-in re-reads the churning demo cluster. */
const VPC_FIXTURE_REFRESH_MS = 10_000;

export interface StackOptions {
  appPort: number;
  clusterPort?: number;
  controlPort?: number;
  seed?: number;
  scale?: number;
  churn?: boolean;
  snapshots?: string[];
  /** Folder for the kubeconfig and other demo files; default .demo under the working directory. */
  dataDir?: string;
  /** Run `next dev` instead of the production server. */
  dev?: boolean;
  /** Serve requests without a token, as kubectl sends none over plain http; default false. */
  allowAnonymous?: boolean;
  /** Extra environment for the dashboard process. */
  env?: Record<string, string>;
}

export interface Stack {
  appUrl: string;
  cluster: DemoCluster;
  vpc: VpcStandin;
  controlUrl: string;
  /** Marks the stack usable on the control endpoint's GET /ready. */
  setReady(ready: boolean): void;
  app: ChildProcess;
  close(): Promise<void>;
}

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
/** Maximum time for the dashboard to respond to /healthz after it was spawned. */
const APP_START_TIMEOUT_MS = 60_000;

async function waitForHealth(url: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + APP_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the dashboard exited with code ${app.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `the dashboard did not respond to ${url}/healthz within ${APP_START_TIMEOUT_MS / 1000} s`,
  );
}

export function hasProductionBuild(): boolean {
  return existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dataDir = path.resolve(options.dataDir ?? ".demo");
  const cluster = await startDemoCluster({
    port: options.clusterPort ?? 0,
    seed: options.seed,
    scale: options.scale,
    churn: options.churn,
    snapshots: options.snapshots,
    kubeconfigPath: path.join(dataDir, "kubeconfig"),
    allowAnonymous: options.allowAnonymous ?? false,
  });
  const vpc = await startDemoVpc(cluster, options.churn ?? true);
  const control = await startControlServer(cluster, options.controlPort ?? 0, vpc);

  const args = options.dev
    ? [NEXT_BIN, "dev", "-H", "127.0.0.1", "-p", String(options.appPort)]
    : [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(options.appPort)];
  const app = spawn(process.execPath, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      // The demo seeds 30 days of history into an empty file so charts show something at once.
      // One file per scale and seed: a 5,000-node run must not extend the 70-node demo's history.
      HISTORY_DB: path.join(
        dataDir,
        `history-scale${options.scale ?? "default"}-seed${options.seed ?? 1}.db`,
      ),
      HISTORY_DEMO_SEED: "1",
      KUBECONFIG: cluster.kubeconfigPath ?? "",
      KUBE_CONTEXT: "",
      NEXT_TELEMETRY_DISABLED: "1",
      BCE_ACCESS_KEY_ID: DEMO_VPC_CREDENTIALS.accessKeyId,
      BCE_SECRET_ACCESS_KEY: DEMO_VPC_CREDENTIALS.secretAccessKey,
      BCE_VPC_ENDPOINT: vpc.url,
      BCE_BBC_ENDPOINT: vpc.url,
      VPC_REFRESH_SECONDS: process.env.VPC_REFRESH_SECONDS ?? "15",
      // The stand-in runs on loopback; a higher rate lets the first drift pass finish in seconds.
      VPC_RATE_PER_SECOND: process.env.VPC_RATE_PER_SECOND ?? "50",
      ...options.env,
    },
  });
  const appUrl = `http://127.0.0.1:${options.appPort}`;

  const close = async () => {
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await control.close();
    await vpc.close();
    await cluster.close();
  };
  try {
    await waitForHealth(appUrl, app);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    appUrl,
    cluster,
    vpc,
    controlUrl: control.url,
    setReady: control.setReady,
    app,
    close,
  };
}

function clusterObjects(cluster: DemoCluster) {
  return {
    nrs: cluster.store.list("netresourcesets"),
    enis: cluster.store.list("enis"),
    subnets: cluster.store.list("subnets"),
  };
}

/**
 * Starts the VPC stand-in with a fixture derived from the demo cluster, with the planted drift
 * cases. While the demo churns, the fixture follows the cluster so churn is not reported as drift.
 */
async function startDemoVpc(cluster: DemoCluster, churn: boolean): Promise<VpcStandin> {
  const vpc = await startVpcStandin({
    credentials: DEMO_VPC_CREDENTIALS,
    fixture: fixtureFromCluster(clusterObjects(cluster), true),
  });
  if (churn) {
    const timer = setInterval(
      () => vpc.setFixture(fixtureFromCluster(clusterObjects(cluster), true)),
      VPC_FIXTURE_REFRESH_MS,
    );
    timer.unref();
    const close = vpc.close.bind(vpc);
    vpc.close = () => {
      clearInterval(timer);
      return close();
    };
  }
  return vpc;
}
