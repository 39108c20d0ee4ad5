import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { startChurn } from "../scenario/churn";
import { buildScenario } from "../scenario/scenario";
import { type FaultKnobs, FaultState } from "./faults";
import { handleRequest, type RecordedRequest } from "./handler";
import { writeKubeconfig } from "./kubeconfig";
import { sendStatus } from "./respond";
import { loadSnapshots, type WarningSink } from "./snapshots";
import { statusBody } from "./status";
import { ObjectStore } from "./store";
import { DEFAULT_BOOKMARK_INTERVAL_MS } from "./watch";

export type { FaultKnobs, WatchMode } from "./faults";
export type { RecordedRequest } from "./handler";
export { ObjectStore } from "./store";
export type { KubeObject, StoreEvent } from "./types";

export const DEFAULT_TOKEN = "demo-token";

export interface DemoClusterOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free port. */
  port?: number;
  /** Scenario seed; default 1. */
  seed?: number;
  /** Number of generated nodes; default 64. */
  scale?: number;
  /** Periodic pod IP and ENI changes; default true. Ignored when snapshots are given. */
  churn?: boolean;
  /** Time between churn steps in ms; default 3000. */
  churnIntervalMs?: number;
  /** kubectl -o yaml/json dumps to serve instead of the built-in scenario. */
  snapshots?: string[];
  /** Path of a kubeconfig file to write for this server; none is written by default. */
  kubeconfigPath?: string;
  /** Bearer token every request must carry; default "demo-token". */
  token?: string;
  /**
   * Serve requests that carry no Authorization header; default false. A wrong token is still
   * rejected. kubectl needs this: client-go only sends tokens over TLS, and this server is HTTP.
   */
  allowAnonymous?: boolean;
  /** Interval of BOOKMARK events on watches that allow them, in ms; default 10000. */
  bookmarkIntervalMs?: number;
  /** Store events kept for watch replay; default 5000. */
  historyWindow?: number;
  /** Receives warnings such as skipped snapshot objects; default console.warn. */
  warn?: WarningSink;
}

export interface DemoCluster {
  url: string;
  kubeconfigPath?: string;
  store: ObjectStore;
  faults: FaultKnobs;
  requests: RecordedRequest[];
  stopChurn(): void;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function fillStore(store: ObjectStore, opts: DemoClusterOptions): Promise<void> {
  const warn = opts.warn ?? ((message: string) => console.warn(message));
  const objects = opts.snapshots?.length
    ? await loadSnapshots(opts.snapshots, warn)
    : buildScenario({ seed: opts.seed ?? 1, scale: opts.scale ?? 64 });
  for (const obj of objects) store.upsert(obj);
}

/** Starts a Kubernetes API server on 127.0.0.1 that serves the demo scenario or snapshots. */
export async function startDemoCluster(opts: DemoClusterOptions = {}): Promise<DemoCluster> {
  const store = new ObjectStore({ historyWindow: opts.historyWindow });
  await fillStore(store, opts);

  const sockets = new Set<Socket>();
  const faults = new FaultState(store, sockets);
  const requests: RecordedRequest[] = [];
  const ctx = {
    store,
    faults,
    token: opts.token ?? DEFAULT_TOKEN,
    allowAnonymous: opts.allowAnonymous ?? false,
    requests,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? DEFAULT_BOOKMARK_INTERVAL_MS,
    hostPort: "",
  };

  const server = createServer((req, res) => {
    handleRequest(ctx, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendStatus(res, statusBody(500, "InternalError", message));
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    if (faults.down) return socket.destroy();
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const port = await listen(server, opts.port ?? 0);
  ctx.hostPort = `127.0.0.1:${port}`;
  const url = `http://127.0.0.1:${port}`;
  if (opts.kubeconfigPath) await writeKubeconfig(opts.kubeconfigPath, url, ctx.token);

  const churnEnabled = (opts.churn ?? true) && !opts.snapshots?.length;
  const stopChurn = churnEnabled
    ? startChurn(store, { seed: opts.seed ?? 1, intervalMs: opts.churnIntervalMs ?? 3000 })
    : () => {};

  return {
    url,
    kubeconfigPath: opts.kubeconfigPath,
    store,
    faults,
    requests,
    stopChurn,
    close: () => {
      stopChurn();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
