import type { ResourceInfo } from "./resources";
import { type Matcher } from "./selectors";
import { expiredContinue, type StatusBody } from "./status";
import type { ObjectStore } from "./store";
import type { ListMeta } from "./table";
import type { KubeObject } from "./types";

export interface ListRequest {
  namespace?: string;
  matches: Matcher;
  /** True when a label or field selector is set; real servers then omit remainingItemCount. */
  filtered: boolean;
  limit?: number;
  continueToken?: string;
}

export interface ListPage {
  items: KubeObject[];
  meta: ListMeta;
}

interface ContinueState {
  /** resourceVersion of the first page; the token expires once the store compacts past it. */
  version: number;
  /** namespace/name key of the last item already returned. */
  after: string;
}

function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace
    ? `${obj.metadata.namespace}/${obj.metadata.name}`
    : obj.metadata.name;
}

function encodeContinue(state: ContinueState): string {
  return Buffer.from(JSON.stringify({ v: state.version, a: state.after })).toString("base64url");
}

function decodeContinue(token: string): ContinueState | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (parsed === null || typeof parsed !== "object") return undefined;
    const { v, a } = parsed as Record<string, unknown>;
    if (typeof v !== "number" || typeof a !== "string") return undefined;
    return { version: v, after: a };
  } catch {
    return undefined;
  }
}

/**
 * Returns one page of a list, or a 410 Status for a continue token that is invalid or older
 * than the store history. Pages follow the store's namespace/name order, so a token only needs
 * the last key returned.
 * NOTE: later pages read current objects, not a snapshot at the first page's resourceVersion,
 * unlike etcd-backed servers.
 */
export function listPage(
  store: ObjectStore,
  info: ResourceInfo,
  request: ListRequest,
): ListPage | StatusBody {
  let state: ContinueState | undefined;
  if (request.continueToken) {
    state = decodeContinue(request.continueToken);
    if (!state || store.isExpired(state.version)) return expiredContinue();
  }

  const version = state?.version ?? Number(store.resourceVersion);
  const after = state?.after;
  const matching = store
    .list(info.resource, request.namespace)
    .filter((obj) => (after === undefined || keyOf(obj) > after) && request.matches(obj));
  const limit = request.limit && request.limit > 0 ? request.limit : matching.length;
  const items = matching.slice(0, limit);
  const meta: ListMeta = { resourceVersion: String(version) };

  const last = items[items.length - 1];
  if (matching.length > items.length && last) {
    meta.continue = encodeContinue({ version, after: keyOf(last) });
    if (!request.filtered) meta.remainingItemCount = matching.length - items.length;
  }
  return { items, meta };
}
