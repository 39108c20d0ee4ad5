import type { IncomingMessage, ServerResponse } from "node:http";

import {
  apiGroupList,
  apiResourceList,
  apiVersions,
  cceGroup,
  DEMO_SERVER_VERSION,
} from "./discovery";
import type { FaultState } from "./faults";
import { serveResource } from "./resource-handler";
import { sendJson, sendStatus } from "./respond";
import { parseRoute, type Route } from "./routes";
import { notFoundPath, statusBody } from "./status";
import type { ObjectStore } from "./store";

/** One request as the demo server saw it; used by tests to prove the product only reads. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
  accept: string;
  /** True when the request carried no Authorization header. */
  anonymous: boolean;
}

export interface HandlerContext {
  store: ObjectStore;
  faults: FaultState;
  token: string;
  allowAnonymous: boolean;
  requests: RecordedRequest[];
  bookmarkIntervalMs: number;
  /** host:port for APIVersions.serverAddressByClientCIDRs. */
  hostPort: string;
}

/** Tells whether the client accepts JSON; protobuf-only clients get 406 as from a JSON-only server. */
function acceptsJson(accept: string): boolean {
  if (accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const type = range.split(";")[0]?.trim() ?? "";
    return type === "application/json" || type === "*/*" || type === "application/*";
  });
}

/**
 * Checks the bearer token. Requests without any Authorization header pass only when
 * allowAnonymous is set, because kubectl (client-go) never sends credentials over plain HTTP.
 */
function isAuthorized(req: IncomingMessage, ctx: HandlerContext): boolean {
  const header = req.headers.authorization;
  if (header === undefined) return ctx.allowAnonymous;
  return header === `Bearer ${ctx.token}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Handles one request: records it, applies auth and faults, then routes it. */
export async function handleRequest(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const accept = req.headers.accept ?? "";
  ctx.requests.push({
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    time: Date.now(),
    accept,
    anonymous: req.headers.authorization === undefined,
  });

  if (ctx.faults.down) {
    req.socket.destroy();
    return;
  }
  if (!isAuthorized(req, ctx)) {
    sendStatus(res, statusBody(401, "Unauthorized", "Unauthorized"));
    return;
  }

  const route = parseRoute(url.pathname);
  const latency = ctx.faults.latencyFor(
    route?.type === "resource" ? route.info.resource : undefined,
  );
  if (latency > 0) await delay(latency);
  if (res.destroyed) return;

  if (method !== "GET") {
    const message = `the server does not allow this method on the requested resource`;
    sendStatus(res, statusBody(405, "MethodNotAllowed", message), { Allow: "GET" });
    return;
  }
  if (!acceptsJson(accept)) {
    const message = `only the following media types are accepted: application/json`;
    sendStatus(res, statusBody(406, "NotAcceptable", message));
    return;
  }
  routeRequest(ctx, route, url, accept, res);
}

function routeRequest(
  ctx: HandlerContext,
  route: Route | undefined,
  url: URL,
  accept: string,
  res: ServerResponse,
): void {
  if (!route) return sendStatus(res, notFoundPath());
  switch (route.type) {
    case "version":
      return sendJson(res, 200, DEMO_SERVER_VERSION);
    case "health":
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("ok");
      return;
    case "api":
      return sendJson(res, 200, apiVersions(ctx.hostPort));
    case "apis":
      return sendJson(res, 200, apiGroupList(ctx.faults));
    case "group": {
      const group = cceGroup(ctx.faults);
      return group ? sendJson(res, 200, group) : sendStatus(res, notFoundPath());
    }
    case "resourceList": {
      const list = apiResourceList(ctx.faults, route.groupVersion);
      return list ? sendJson(res, 200, list) : sendStatus(res, notFoundPath());
    }
    case "resource":
      return serveResource(ctx, route, url, accept, res);
  }
}
