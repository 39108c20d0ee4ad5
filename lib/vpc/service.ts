import "server-only";

import { logger } from "@/lib/server/log";

import type { CachedFigure, FigureError, RequestBudgetOptions } from "./budget";
import { RequestBudget } from "./budget";
import type { SubnetFilter, VpcClient } from "./client";
import { createVpcClient } from "./client";
import type { VpcConfigDescription, VpcConfigResult } from "./config";
import { loadVpcConfig } from "./config";
import { VpcFailureLog } from "./failure-log";
import type { BbcPort, Eni, Subnet } from "./schemas";

export interface VpcServiceStatus {
  enabled: boolean;
  /** Reason the VPC part is off; absent when it is on. */
  reason?: string;
  /** Newest error among figures whose last read failed (not-found left out), with its key. */
  lastError?: FigureError & { key: string };
  endpoint: VpcConfigDescription;
  refreshIntervalMs: number;
  upstreamRequests: number;
}

/** Cached, rate-limited read access to the VPC API for the dashboard routes. */
export interface VpcService {
  status(): VpcServiceStatus;
  subnets(filter?: SubnetFilter): Promise<CachedFigure<Subnet[]>>;
  subnet(subnetId: string): Promise<CachedFigure<Subnet>>;
  eni(eniId: string): Promise<CachedFigure<Eni>>;
  instanceEnis(instanceId: string): Promise<CachedFigure<Eni[]>>;
  bbcPort(instanceId: string): Promise<CachedFigure<BbcPort>>;
}

export interface VpcServiceOptions {
  config: VpcConfigResult;
  budget?: RequestBudgetOptions;
  /** Replaces the HTTP client built from `config`; tests use it. */
  client?: VpcClient;
}

function disabledFigure<T>(reason: string): CachedFigure<T> {
  return {
    value: undefined,
    source: "vpc",
    fetchedAt: null,
    ageMs: null,
    refreshing: false,
    error: { message: reason, kind: "disabled", at: Date.now() },
  };
}

/** Creates a service; when `config` is off every figure carries the reason as its error. */
export function createVpcService(options: VpcServiceOptions): VpcService {
  const { config } = options;
  const failures = new VpcFailureLog();
  const budget = new RequestBudget({
    onError: (key, error, retryInMs) => failures.failed(key, error, retryInMs),
    ...options.budget,
  });
  const client =
    options.client ??
    (config.enabled
      ? createVpcClient({
          vpcEndpoint: config.config.vpcEndpoint,
          bbcEndpoint: config.config.bbcEndpoint,
          credentials: config.config.credentials,
        })
      : undefined);

  function read<T>(key: string, fetch: (vpc: VpcClient) => Promise<T>): Promise<CachedFigure<T>> {
    if (!client) {
      const reason = config.enabled ? "VPC client missing" : config.reason;
      return Promise.resolve(disabledFigure<T>(reason));
    }
    return budget.getOrFetch(key, async () => {
      const value = await fetch(client);
      failures.succeeded(key);
      return value;
    });
  }

  return {
    status() {
      const status: VpcServiceStatus = {
        enabled: client !== undefined,
        endpoint: config.description,
        refreshIntervalMs: budget.refreshIntervalMs,
        upstreamRequests: budget.upstreamRequests,
      };
      if (!config.enabled) status.reason = config.reason;
      const current = budget.currentError();
      if (current) status.lastError = current;
      return status;
    },
    subnets(filter = {}) {
      const key = `subnets?vpcId=${filter.vpcId ?? ""}&zoneName=${filter.zoneName ?? ""}`;
      return read(key, (vpc) => vpc.listSubnets(filter));
    },
    subnet: (subnetId) => read(`subnet/${subnetId}`, (vpc) => vpc.getSubnet(subnetId)),
    eni: (eniId) => read(`eni/${eniId}`, (vpc) => vpc.getEni(eniId)),
    instanceEnis: (id) => read(`instance-enis/${id}`, (vpc) => vpc.listInstanceEnis(id)),
    bbcPort: (id) => read(`bbc-port/${id}`, (vpc) => vpc.getBbcPort(id)),
  };
}

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Reads budget overrides: VPC_REFRESH_SECONDS (default 60) and VPC_RATE_PER_SECOND (default 2).
 * The defaults keep the dashboard far below the operator's own API rate limits, which share the
 * account's quota.
 */
function budgetFromEnv(env: NodeJS.ProcessEnv): RequestBudgetOptions {
  const refreshSeconds = positiveNumber(env.VPC_REFRESH_SECONDS);
  const rate = positiveNumber(env.VPC_RATE_PER_SECOND);
  return {
    ...(refreshSeconds ? { refreshIntervalMs: refreshSeconds * 1000 } : {}),
    ...(rate ? { ratePerSecond: rate } : {}),
  };
}

const GLOBAL_KEY = Symbol.for("cce-dashboard.vpc-service");
type GlobalWithService = typeof globalThis & { [GLOBAL_KEY]?: VpcService };

/**
 * Returns the process-wide service, reading the configuration on first use. It is kept on
 * globalThis so that Next.js dev-mode module reloads share one cache and one rate limit.
 */
export function getVpcService(): VpcService {
  const holder = globalThis as GlobalWithService;
  const existing = holder[GLOBAL_KEY];
  if (existing) return existing;

  const config = loadVpcConfig();
  const budget = budgetFromEnv(process.env);
  const service = createVpcService({ config, budget });
  if (config.enabled) {
    logger.info({ component: "vpc", ...config.description }, "VPC reads enabled");
  } else {
    logger.info({ component: "vpc", reason: config.reason }, "VPC reads disabled");
  }
  holder[GLOBAL_KEY] = service;
  return service;
}
