import type { ServerResponse } from "node:http";

import type { WatchMode } from "./faults";
import { groupVersionOf, type ResourceInfo } from "./resources";
import type { Matcher } from "./selectors";
import { expiredWatch } from "./status";
import type { ObjectStore } from "./store";
import { type TableRequest, toTable, withTypeMeta } from "./table";
import type { KubeObject, StoreEvent, WatchEventType } from "./types";

export const DEFAULT_BOOKMARK_INTERVAL_MS = 10_000;

export interface WatchRequest {
  info: ResourceInfo;
  namespace?: string;
  matches: Matcher;
  /** resourceVersion query value; undefined, "" or "0" start with ADDED events for every object. */
  resourceVersion?: string;
  table?: TableRequest;
  bookmarks: boolean;
  bookmarkIntervalMs: number;
  timeoutSeconds?: number;
  mode: WatchMode;
}

type OutType = WatchEventType | "BOOKMARK" | "ERROR";

/** Maps one store event to what a selector-filtered watcher sees, as the apiserver cacher does. */
function visibleType(event: StoreEvent, request: WatchRequest): WatchEventType | undefined {
  if (event.resource !== request.info.resource) return undefined;
  const namespace = event.object.metadata.namespace;
  if (request.namespace !== undefined && namespace !== request.namespace) return undefined;

  const now = request.matches(event.object);
  if (event.type !== "MODIFIED") return now ? event.type : undefined;
  const before = event.previous ? request.matches(event.previous) : now;
  if (now && before) return "MODIFIED";
  if (now) return "ADDED";
  return before ? "DELETED" : undefined;
}

/**
 * Streams a watch as newline-delimited JSON events. Returns false without writing anything
 * when the resourceVersion is not a number, so the caller can answer 400.
 */
export function serveWatch(
  res: ServerResponse,
  store: ObjectStore,
  request: WatchRequest,
): boolean {
  const fromVersion = request.resourceVersion;
  const startFresh = fromVersion === undefined || fromVersion === "" || fromVersion === "0";
  if (!startFresh && !/^\d+$/.test(fromVersion)) return false;

  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
  res.flushHeaders();
  if (request.mode === "hang") return true;

  const send = (type: OutType, object: unknown): void => {
    // A bookmark timer can fire in the same tick as the timeout that ended the stream.
    if (res.writableEnded) return;
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const sendObject = (type: WatchEventType, obj: KubeObject): void => {
    const typed = withTypeMeta(obj, request.info);
    if (!request.table) return send(type, typed);
    const meta = { resourceVersion: obj.metadata.resourceVersion ?? store.resourceVersion };
    send(type, toTable([typed], request.info, request.table, meta));
  };

  if (startFresh) {
    for (const obj of store.list(request.info.resource, request.namespace)) {
      if (request.matches(obj)) sendObject("ADDED", obj);
    }
  } else {
    const replay = store.eventsSince(Number(fromVersion));
    if (replay === "expired") {
      send("ERROR", expiredWatch(fromVersion));
      res.end();
      return true;
    }
    for (const event of replay) {
      const type = visibleType(event, request);
      if (type) sendObject(type, event.object);
    }
  }

  if (request.mode === "end-abruptly") {
    // Destroying the socket skips the final empty chunk, which clients read as an aborted stream.
    setImmediate(() => res.socket?.destroy());
    return true;
  }
  streamLive(res, store, request, sendObject, send);
  return true;
}

function streamLive(
  res: ServerResponse,
  store: ObjectStore,
  request: WatchRequest,
  sendObject: (type: WatchEventType, obj: KubeObject) => void,
  send: (type: OutType, object: unknown) => void,
): void {
  const unsubscribe = store.subscribe((event) => {
    const type = visibleType(event, request);
    if (type) sendObject(type, event.object);
  });

  const bookmarkTimer = request.bookmarks
    ? setInterval(() => {
        send("BOOKMARK", {
          kind: request.info.kind,
          apiVersion: groupVersionOf(request.info),
          metadata: { resourceVersion: store.resourceVersion },
        });
      }, request.bookmarkIntervalMs)
    : undefined;

  const timeoutTimer =
    request.timeoutSeconds !== undefined && request.timeoutSeconds > 0
      ? setTimeout(() => res.end(), request.timeoutSeconds * 1000)
      : undefined;

  const stop = (): void => {
    unsubscribe();
    clearInterval(bookmarkTimer);
    clearTimeout(timeoutTimer);
  };
  res.on("close", stop);
  res.on("finish", stop);
}
