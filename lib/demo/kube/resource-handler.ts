import type { ServerResponse } from "node:http";

import type { HandlerContext } from "./handler";
import { listPage } from "./list";
import { groupVersionOf, qualifiedName, type ResourceInfo } from "./resources";
import { sendJson, sendStatus } from "./respond";
import type { Route } from "./routes";
import { parseFieldSelector, parseLabelSelector, SelectorError } from "./selectors";
import { notFoundPath, REASON_BY_CODE, type StatusBody, statusBody } from "./status";
import { tableRequestFrom, toTable, withTypeMeta } from "./table";
import { serveWatch } from "./watch";

type ResourceRoute = Extract<Route, { type: "resource" }>;

function faultStatus(
  info: ResourceInfo,
  code: number,
  verb: string,
  retryAfter?: number,
): StatusBody {
  const reason = REASON_BY_CODE[code] ?? "Unknown";
  const details = { group: info.group, kind: info.resource };
  if (code === 403) {
    const scope = info.namespaced ? "in the namespace" : "at the cluster scope";
    const message =
      `${qualifiedName(info)} is forbidden: User "system:serviceaccount:demo:reader" ` +
      `cannot ${verb} resource "${info.resource}" in API group "${info.group}" ${scope}`;
    return statusBody(403, reason, message, details);
  }
  if (code === 404) return notFoundPath();
  if (code === 429) {
    const message = "the server has received too many requests and has asked us to try again later";
    return statusBody(429, reason, message, { ...details, retryAfterSeconds: retryAfter ?? 1 });
  }
  const message = `an error on the server ("demo fault ${code}") has prevented the request from succeeding`;
  return statusBody(code, reason, message, details);
}

function verbOf(route: ResourceRoute, url: URL): string {
  const watch = url.searchParams.get("watch");
  if (watch === "true" || watch === "1") return "watch";
  return route.name === undefined ? "list" : "get";
}

/** Serves get, list and watch of one resource, with faults, selectors, paging and Tables. */
export function serveResource(
  ctx: HandlerContext,
  route: ResourceRoute,
  url: URL,
  accept: string,
  res: ServerResponse,
): void {
  const { info } = route;
  const verb = verbOf(route, url);
  const fault = ctx.faults.statusFor(info.resource);
  if (fault) {
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined)
      headers["Retry-After"] = String(fault.retryAfterSeconds);
    return sendStatus(res, faultStatus(info, fault.code, verb, fault.retryAfterSeconds), headers);
  }

  const params = url.searchParams;
  const table = tableRequestFrom(accept, params.get("includeObject"));
  let matches;
  try {
    const byLabel = parseLabelSelector(params.get("labelSelector"));
    const byField = parseFieldSelector(params.get("fieldSelector"), info);
    matches = (obj: Parameters<typeof byLabel>[0]) => byLabel(obj) && byField(obj);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    return sendStatus(res, statusBody(400, "BadRequest", error.message));
  }

  if (verb === "watch") {
    const served = serveWatch(res, ctx.store, {
      info,
      namespace: route.namespace,
      matches,
      resourceVersion: params.get("resourceVersion") ?? undefined,
      table,
      bookmarks: params.get("allowWatchBookmarks") === "true",
      bookmarkIntervalMs: ctx.bookmarkIntervalMs,
      timeoutSeconds: params.has("timeoutSeconds")
        ? Number(params.get("timeoutSeconds"))
        : undefined,
      mode: ctx.faults.watchModeFor(info.resource),
    });
    if (!served) {
      const message = `resourceVersion: Invalid value: "${params.get("resourceVersion")}"`;
      sendStatus(res, statusBody(400, "BadRequest", message));
    }
    return;
  }

  if (route.name !== undefined) {
    const obj = ctx.store.get(info.resource, route.name, route.namespace);
    if (!obj) {
      const message = `${qualifiedName(info)} "${route.name}" not found`;
      const details = { name: route.name, group: info.group, kind: info.resource };
      return sendStatus(res, statusBody(404, "NotFound", message, details));
    }
    const typed = withTypeMeta(obj, info);
    if (!table) return sendJson(res, 200, typed);
    const meta = { resourceVersion: obj.metadata.resourceVersion ?? ctx.store.resourceVersion };
    return sendJson(res, 200, toTable([typed], info, table, meta));
  }

  const limit = Number(params.get("limit") ?? "0");
  const page = listPage(ctx.store, info, {
    namespace: route.namespace,
    matches,
    filtered: params.has("labelSelector") || params.has("fieldSelector"),
    limit: Number.isFinite(limit) ? limit : 0,
    continueToken: params.get("continue") ?? undefined,
  });
  if ("code" in page) return sendStatus(res, page);

  const items = page.items.map((obj) => withTypeMeta(obj, info));
  if (table) return sendJson(res, 200, toTable(items, info, table, page.meta));
  sendJson(res, 200, {
    kind: `${info.kind}List`,
    apiVersion: groupVersionOf(info),
    metadata: page.meta,
    items,
  });
}
