import "server-only";

import type { z } from "zod";

import { httpError, invalidResponse, parseRetryAfter, VpcError } from "./errors";
import type { BbcPort, Eni, Subnet } from "./schemas";
import {
  ApiErrorBodySchema,
  EniSchema,
  InstanceEnisResponseSchema,
  SubnetPageSchema,
  SubnetResponseSchema,
} from "./schemas";
import type { BceCredentials, QueryParams } from "./signer";
import { canonicalQueryString, canonicalUri, signRequest } from "./signer";

/** Time limit of one HTTP request including its body, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Subnets per list page; the API accepts 1 to 1000. */
export const DEFAULT_PAGE_SIZE = 1000;
// Stops the page loop when a server keeps returning isTruncated=true.
const MAX_PAGES = 1000;
const RESOURCE_ID = /^[A-Za-z0-9._-]{1,128}$/;

export interface VpcClientOptions {
  /** Base URL of the VPC/BCC API, e.g. https://bcc.bj.baidubce.com. */
  vpcEndpoint: string;
  /** Base URL of the BBC API, e.g. https://bbc.bj.baidubce.com; without it getBbcPort rejects. */
  bbcEndpoint?: string;
  credentials: BceCredentials;
  timeoutMs?: number;
  pageSize?: number;
  /** Clock used for signing; tests pass a fixed one. */
  now?: () => Date;
}

export interface SubnetFilter {
  vpcId?: string;
  zoneName?: string;
}

/** Read-only VPC API client: every call is a signed GET. */
export interface VpcClient {
  listSubnets(filter?: SubnetFilter): Promise<Subnet[]>;
  getSubnet(subnetId: string): Promise<Subnet>;
  getEni(eniId: string): Promise<Eni>;
  /** Lists every ENI of a BCC/EBC instance, the primary NIC included (GET /v2/eni/{id}). */
  listInstanceEnis(instanceId: string): Promise<Eni[]>;
  /** Reads the main port of a BBC instance with its secondary IPs (GET /v1/vpcPort/{id}). */
  getBbcPort(instanceId: string): Promise<BbcPort>;
}

interface GetRequest {
  operation: string;
  endpoint: string;
  path: string;
  query?: QueryParams;
}

function checkId(operation: string, label: string, id: string): void {
  if (RESOURCE_ID.test(id)) return;
  throw new VpcError({
    kind: "bad-request",
    operation,
    message: `${operation} was not sent: invalid ${label} ${JSON.stringify(id.slice(0, 140))}.`,
  });
}

function transportError(operation: string, url: URL, error: unknown): VpcError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new VpcError({
      kind: "timeout",
      operation,
      message: `${operation} timed out waiting for ${url.host}.`,
    });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new VpcError({
    kind: "unreachable",
    operation,
    message: `${operation} failed: ${url.host} is unreachable (${detail}).`,
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Creates a client; it does no I/O until a method is called. */
export function createVpcClient(options: VpcClientOptions): VpcClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const now = options.now ?? (() => new Date());

  // The only transport: it issues GET and nothing else, so the dashboard cannot change VPC state.
  async function get(request: GetRequest): Promise<unknown> {
    const base = new URL(request.endpoint);
    const queryString = canonicalQueryString(request.query);
    const url = new URL(canonicalUri(request.path) + (queryString ? `?${queryString}` : ""), base);
    const signed = signRequest({
      method: "GET",
      path: request.path,
      query: request.query,
      headers: { host: url.host },
      credentials: options.credentials,
      timestamp: now(),
    });
    // fetch derives Host from the URL, the same value that was signed.
    const headers = { ...signed.headers };
    delete headers.host;

    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, {
        method: "GET",
        headers,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await readJson(response);
    } catch (error) {
      throw transportError(request.operation, url, error);
    }

    if (response.ok) return body;
    const parsed = ApiErrorBodySchema.safeParse(body);
    const apiError = parsed.success ? parsed.data : {};
    throw httpError({
      operation: request.operation,
      status: response.status,
      code: apiError.code,
      apiMessage: apiError.message,
      requestId: apiError.requestId ?? response.headers.get("x-bce-request-id") ?? undefined,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now().getTime()),
    });
  }

  async function getParsed<T extends z.ZodType>(request: GetRequest, schema: T) {
    const body = await get(request);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw invalidResponse(request.operation, parsed.error.issues);
    return parsed.data as z.output<T>;
  }

  async function listSubnets(filter: SubnetFilter = {}): Promise<Subnet[]> {
    const subnets: Subnet[] = [];
    const seenMarkers = new Set<string>();
    let marker: string | undefined;

    for (let page = 1; page <= MAX_PAGES; page++) {
      const operation = `ListSubnets page ${page}`;
      const query: Record<string, string | number> = { maxKeys: pageSize };
      if (marker) query.marker = marker;
      if (filter.vpcId) query.vpcId = filter.vpcId;
      if (filter.zoneName) query.zoneName = filter.zoneName;

      const result = await getParsed(
        { operation, endpoint: options.vpcEndpoint, path: "/v1/subnet", query },
        SubnetPageSchema,
      );
      subnets.push(...result.subnets);
      if (!result.isTruncated) return subnets;

      if (!result.nextMarker || seenMarkers.has(result.nextMarker)) {
        throw invalidResponse(operation, [
          { path: ["nextMarker"], message: "missing or repeated while isTruncated is true" },
        ]);
      }
      seenMarkers.add(result.nextMarker);
      marker = result.nextMarker;
    }
    throw invalidResponse("ListSubnets", [
      { path: ["isTruncated"], message: `still true after ${MAX_PAGES} pages` },
    ]);
  }

  return {
    listSubnets,

    async getSubnet(subnetId) {
      checkId("GetSubnet", "subnet id", subnetId);
      const path = `/v1/subnet/${subnetId}`;
      const request = { operation: "GetSubnet", endpoint: options.vpcEndpoint, path };
      return (await getParsed(request, SubnetResponseSchema)).subnet;
    },

    async getEni(eniId) {
      checkId("GetENI", "ENI id", eniId);
      const request = {
        operation: "GetENI",
        endpoint: options.vpcEndpoint,
        path: `/v1/eni/${eniId}`,
      };
      return getParsed(request, EniSchema);
    },

    async listInstanceEnis(instanceId) {
      checkId("ListInstanceENIs", "instance id", instanceId);
      const path = `/v2/eni/${instanceId}`;
      const request = { operation: "ListInstanceENIs", endpoint: options.vpcEndpoint, path };
      return (await getParsed(request, InstanceEnisResponseSchema)).enis;
    },

    async getBbcPort(instanceId) {
      checkId("GetBBCPort", "instance id", instanceId);
      if (!options.bbcEndpoint) {
        const message =
          "GetBBCPort was not sent: no BBC endpoint is configured (BCE_BBC_ENDPOINT).";
        throw new VpcError({ kind: "bad-request", operation: "GetBBCPort", message });
      }
      const path = `/v1/vpcPort/${instanceId}`;
      const request = { operation: "GetBBCPort", endpoint: options.bbcEndpoint, path };
      return getParsed(request, EniSchema);
    },
  };
}
