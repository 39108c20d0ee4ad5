import type { NextRequest } from "next/server";

import { CHANGE_KINDS, type ChangeKind } from "@/lib/domain/feed";
import { queryChanges } from "@/lib/server/feed";
import { errorResponse, okJson, requireSyncedCache, withRouteLog } from "@/lib/server/http";
import { freshness } from "@/lib/server/views";

export const dynamic = "force-dynamic";

/** Maximum number of entries one request may ask for. */
const MAX_LIMIT = 2_000;

function invalid(message: string) {
  return errorResponse(400, "invalid-parameter", message);
}

function getHandler(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  for (const name of ["since", "until"]) {
    const value = params.get(name);
    if (value && Number.isNaN(Date.parse(value))) {
      return invalid(`invalid ${name} "${value}": use an ISO 8601 time`);
    }
  }
  const kinds = (params.get("kind") ?? "").split(",").filter(Boolean);
  const unknown = kinds.find((kind) => !CHANGE_KINDS.includes(kind as ChangeKind));
  if (unknown) return invalid(`invalid kind "${unknown}": use one of ${CHANGE_KINDS.join(", ")}`);
  const limitText = params.get("limit");
  const limit = limitText === null ? 200 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return invalid(`invalid limit "${limitText}": use an integer from 1 to ${MAX_LIMIT}`);
  }
  const result = requireSyncedCache("/api/v1/changes");
  if ("response" in result) return result.response;
  const page = queryChanges(result.cache, {
    since: params.get("since"),
    until: params.get("until"),
    node: params.get("node"),
    eni: params.get("eni"),
    subnet: params.get("subnet"),
    kinds: kinds as ChangeKind[],
    limit,
  });
  return okJson({ ...page, freshness: freshness(result.cache, null) });
}

export const GET = withRouteLog("/api/v1/changes", getHandler);
