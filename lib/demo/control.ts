/**
 * A loopback HTTP endpoint through which tests in another process change the demo cluster: patch
 * an object, add or remove one, switch faults, and read the request log. It listens on its own
 * port so the demo API server's request log holds only what the dashboard sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { DemoCluster, KubeObject } from "./kube/server";
import type { VpcStandin } from "./vpc/standin";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Applies an RFC 7386 JSON merge patch: null deletes a key, objects merge, the rest replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const base: { [key: string]: Json } =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key] ?? null, value);
  }
  return base;
}

interface ControlRequest {
  resource?: string;
  name?: string;
  namespace?: string;
  patch?: Json;
  object?: KubeObject;
  fault?: { method: string; args: unknown[] };
  /** VPC stand-in knob values to set, for example {"throttle": {"retryAfterSeconds": 1}}. */
  vpcKnobs?: Record<string, unknown>;
}

async function readBody(request: IncomingMessage): Promise<ControlRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as ControlRequest) : {};
}

const FAULT_METHODS = new Set([
  "setDown",
  "setLatency",
  "setStatus",
  "setWatchMode",
  "injectMalformed",
  "injectHuge",
  "clear",
]);

function route(
  cluster: DemoCluster,
  vpc: VpcStandin | null,
  path: string,
  body: ControlRequest,
): unknown {
  const { resource = "", name = "", namespace } = body;
  switch (path) {
    case "/patch":
      return cluster.store.update(
        resource,
        name,
        (obj) => Object.assign(obj, mergePatch(obj as unknown as Json, body.patch ?? {})),
        namespace,
      ).metadata;
    case "/upsert":
      if (!body.object) throw new Error("missing object");
      return cluster.store.upsert(body.object).metadata;
    case "/remove":
      return cluster.store.remove(resource, name, namespace)?.metadata ?? null;
    case "/fault": {
      const method = body.fault?.method ?? "";
      if (!FAULT_METHODS.has(method)) throw new Error(`unknown fault method "${method}"`);
      const knob = cluster.faults[method as keyof typeof cluster.faults] as (
        ...args: unknown[]
      ) => unknown;
      return knob.apply(cluster.faults, body.fault?.args ?? []) ?? null;
    }
    case "/requests":
      return cluster.requests;
    case "/vpc/requests":
      return vpc?.requests ?? [];
    case "/vpc/knobs":
      if (!vpc) throw new Error("no VPC stand-in runs");
      if (body.vpcKnobs === undefined) vpc.knobs.reset();
      else Object.assign(vpc.knobs, body.vpcKnobs);
      return null;
    default:
      throw new Error(`unknown control path ${path}`);
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Starts the control endpoint on 127.0.0.1; returns its base URL and a close function. */
export async function startControlServer(
  cluster: DemoCluster,
  port = 0,
  vpc: VpcStandin | null = null,
): Promise<{ url: string; close: () => Promise<void>; setReady: (ready: boolean) => void }> {
  let ready = false;
  const server = createServer((request, response) => {
    // GET /ready reports to a test runner when the whole stack, seeded history included, is usable.
    if (request.method === "GET" && request.url === "/ready") {
      answer(response, ready ? 200 : 503, { ready });
      return;
    }
    readBody(request)
      .then((body) =>
        answer(response, 200, { result: route(cluster, vpc, request.url ?? "", body) }),
      )
      .catch((error: unknown) =>
        answer(response, 400, { error: error instanceof Error ? error.message : String(error) }),
      );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    setReady: (value: boolean) => {
      ready = value;
    },
  };
}
