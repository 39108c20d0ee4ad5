import "server-only";

import { getClusterCache } from "@/lib/kube/cache";
import { errorResponse, okJson, requireSyncedCache } from "@/lib/server/http";
import { logger } from "@/lib/server/log";
import { freshness } from "@/lib/server/views";

import { forecastAnswer, forecastList, historyAnswer, seriesExists, whatIfAnswer } from "./api";
import { parseHistoryParams, parseWhatIfParams } from "./params";
import type { SeriesKind } from "./types";

const NOUN: Record<SeriesKind, string> = { subnet: "subnet", node: "node", cluster: "cluster" };

function currentFreshness() {
  const { cache, configError } = getClusterCache();
  return freshness(cache, configError);
}

function notFound(kind: SeriesKind, id: string) {
  return errorResponse(
    404,
    "not-found",
    `${NOUN[kind]} "${id}" not found: it is neither in the cluster nor in the recorded history`,
  );
}

function invalid(route: string, message: string) {
  // The message quotes the query value, and logs contain no query values.
  logger.info({ route, status: 400 }, "invalid query parameter");
  return errorResponse(400, "invalid-parameter", message);
}

/** GET .../history: validated range and step, points from the history file. */
export function historyRoute(request: Request, route: string, kind: SeriesKind, id: string) {
  const params = parseHistoryParams(new URL(request.url).searchParams, Date.now());
  if (!params.ok) return invalid(route, params.message);
  if (!seriesExists(kind, id)) return notFound(kind, id);
  return okJson({ ...historyAnswer(kind, id, params.value), freshness: currentFreshness() });
}

/** GET .../forecast: the series' exhaustion forecast for the current sampler tick. */
export function forecastRoute(route: string, kind: SeriesKind, id: string) {
  const synced = requireSyncedCache(route);
  if ("response" in synced) return synced.response;
  if (!seriesExists(kind, id)) return notFound(kind, id);
  return okJson({ ...forecastAnswer(kind, id), freshness: currentFreshness() });
}

/** GET /api/v1/forecasts?kind=subnet|node: cached forecasts for sorting lists. */
export function forecastListRoute(request: Request, route: string) {
  const kind = new URL(request.url).searchParams.get("kind");
  if (kind !== "subnet" && kind !== "node") {
    return invalid(route, `invalid "kind" ${JSON.stringify(kind)}: use subnet or node`);
  }
  return okJson({ ...forecastList(kind), freshness: currentFreshness() });
}

/** GET /api/v1/subnets/ID/whatif?addNodes=N&ceiling=C. */
export function whatIfRoute(request: Request, route: string, id: string) {
  const params = parseWhatIfParams(new URL(request.url).searchParams);
  if (!params.ok) return invalid(route, params.message);
  const synced = requireSyncedCache(route);
  if ("response" in synced) return synced.response;
  const answer = whatIfAnswer(id, params.value);
  if (!answer) return notFound("subnet", id);
  if ("error" in answer && typeof answer.error === "string") return invalid(route, answer.error);
  return okJson({ ...answer, freshness: currentFreshness() });
}
