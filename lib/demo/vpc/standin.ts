// Local stand-in for the Baidu Cloud VPC, ENI and BBC read APIs, for the demo and tests. It binds
// to 127.0.0.1 only, verifies every bce-auth-v1 signature and serves a fixture.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import type { BceCredentials } from "@/lib/vpc/signer";

import type { RouteAnswer, VpcFixture } from "./routes";
import { apiError, route } from "./routes";
import { verifyRequest } from "./verify";

export type { ClusterObjects } from "./from-cluster";
export { fixtureFromCluster, PLANTED_DRIFT } from "./from-cluster";
export type { VpcFixture } from "./routes";

/** Fault knobs; each one is undone by setting it back or by reset(). */
export interface StandinKnobs {
  /** Delay before every response, in milliseconds. */
  latencyMs: number;
  /** HTTP status (500-599) returned for every authenticated request, or null. */
  serverErrorStatus: number | null;
  /** Return 429 RequestLimitExceeded, with Retry-After in seconds when given. */
  throttle: { retryAfterSeconds?: number } | null;
  /** 1-based page of GET /v1/subnet that fails with HTTP 500, or null. */
  breakListOnPage: number | null;
  /** Accept requests but never answer, so clients hit their timeout. */
  hang: boolean;
  reset(): void;
}

export interface StandinRequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  time: Date;
  status: number;
  ok: boolean;
}

export interface VpcStandin {
  /** Base URL, e.g. http://127.0.0.1:40123; use it as both VPC and BBC endpoint. */
  url: string;
  requests: StandinRequestRecord[];
  knobs: StandinKnobs;
  setFixture(fixture: VpcFixture): void;
  close(): Promise<void>;
}

export interface StandinOptions {
  /** TCP port; 0 (default) picks a free one. The host is always 127.0.0.1. */
  port?: number;
  credentials: Pick<BceCredentials, "accessKeyId" | "secretAccessKey">;
  fixture: VpcFixture;
  /** Maximum subnet page size, whatever maxKeys requests. Default 1000. */
  pageSize?: number;
  /** Clock for the signature window; tests may pass a fixed one. */
  now?: () => Date;
}

function createKnobs(): StandinKnobs {
  const knobs: StandinKnobs = {
    latencyMs: 0,
    serverErrorStatus: null,
    throttle: null,
    breakListOnPage: null,
    hang: false,
    reset() {
      Object.assign(knobs, { latencyMs: 0, serverErrorStatus: null, throttle: null });
      Object.assign(knobs, { breakListOnPage: null, hang: false });
    },
  };
  return knobs;
}

function headerMap(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return headers;
}

function queryParams(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return query;
}

/** Starts the stand-in on 127.0.0.1 and resolves once it listens. */
export async function startVpcStandin(options: StandinOptions): Promise<VpcStandin> {
  let fixture = options.fixture;
  const now = options.now ?? (() => new Date());
  const knobs = createKnobs();
  const requests: StandinRequestRecord[] = [];
  const keys = [options.credentials];

  function answer(request: IncomingMessage, url: URL, path: string): RouteAnswer | "hang" {
    if (request.method !== "GET") {
      return apiError(405, "MethodNotAllowed", `${request.method} is not allowed: read-only API.`);
    }
    const incoming = { method: "GET", path, query: queryParams(url.searchParams) };
    const verdict = verifyRequest({ ...incoming, headers: headerMap(request) }, keys, now());
    if (!verdict.ok) return apiError(verdict.status, verdict.code, verdict.message);
    if (knobs.hang) return "hang";
    if (knobs.throttle) return apiError(429, "RequestLimitExceeded", "Request rate exceeded.");
    if (knobs.serverErrorStatus) {
      return apiError(knobs.serverErrorStatus, "InternalError", "Stand-in server error knob.");
    }
    const pageSize = options.pageSize ?? 1000;
    return route(fixture, path, url.searchParams, { pageSize, breakOnPage: knobs.breakListOnPage });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    if (knobs.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.latencyMs));

    const result = answer(request, url, path);
    const query = Object.fromEntries(url.searchParams);
    const record = { method: request.method ?? "", path, query, time: now() };
    if (result === "hang") {
      requests.push({ ...record, status: 0, ok: false });
      return;
    }

    const requestId = randomUUID();
    requests.push({ ...record, status: result.status, ok: result.status < 400 });
    const body = result.status < 400 ? result.body : { ...(result.body as object), requestId };
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      "x-bce-request-id": requestId,
    };
    if (result.status === 429 && knobs.throttle?.retryAfterSeconds !== undefined) {
      headers["retry-after"] = String(knobs.throttle.retryAfterSeconds);
    }
    response.writeHead(result.status, headers).end(JSON.stringify(body));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    knobs,
    setFixture(next) {
      fixture = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
