import "server-only";

import { readFileSync } from "node:fs";

import type { BceCredentials } from "./signer";

/** Settings read by loadVpcConfig(), by environment variable name. */
export const VPC_ENV = {
  accessKeyId: "BCE_ACCESS_KEY_ID",
  secretAccessKey: "BCE_SECRET_ACCESS_KEY",
  sessionToken: "BCE_SESSION_TOKEN",
  region: "BCE_REGION",
  vpcEndpoint: "BCE_VPC_ENDPOINT",
  bbcEndpoint: "BCE_BBC_ENDPOINT",
  credentialsFile: "BCE_CREDENTIALS_FILE",
} as const;

type Field = Exclude<keyof typeof VPC_ENV, "credentialsFile">;
type Settings = Partial<Record<Field, string>>;

export interface VpcConfig {
  credentials: BceCredentials;
  region?: string;
  /** Base URL (scheme://host[:port]) of the VPC/BCC API. */
  vpcEndpoint: string;
  /** Base URL of the BBC API; undefined when neither BCE_BBC_ENDPOINT nor BCE_REGION is set. */
  bbcEndpoint?: string;
}

/** Configuration safe to log and show: no secret, access key id masked. */
export interface VpcConfigDescription {
  vpcHost?: string;
  bbcHost?: string;
  region?: string;
  accessKeyId?: string;
  sessionToken: boolean;
  credentialsFile?: string;
}

export type VpcConfigResult =
  | { enabled: true; config: VpcConfig; description: VpcConfigDescription }
  | { enabled: false; reason: string; description: VpcConfigDescription };

/** Masks an access key id as its first 4 and last 2 characters, e.g. "AKIA…x9". */
export function maskAccessKeyId(id: string): string {
  if (id.length <= 6) return "…" + id.slice(-1);
  return `${id.slice(0, 4)}…${id.slice(-2)}`;
}

// Accepts the environment variable names and their camelCase forms as keys.
function settingsFromObject(source: Record<string, unknown>): Settings {
  const settings: Settings = {};
  for (const [field, envName] of Object.entries(VPC_ENV) as [Field, string][]) {
    const value = source[envName] ?? source[field];
    if (typeof value === "string" && value.trim() !== "") settings[field] = value.trim();
  }
  return settings;
}

/** Parses a credentials file: a JSON object, or key=value lines (# starts a comment). */
export function parseCredentialsFile(text: string): Settings {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed !== "object" || parsed === null) return {};
    return settingsFromObject(parsed as Record<string, unknown>);
  }
  const pairs: Record<string, string> = {};
  for (const line of trimmed.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith("#")) continue;
    pairs[match[1] ?? ""] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  return settingsFromObject(pairs);
}

function checkEndpoint(name: string, value: string): string | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `${name} is not a valid URL; use scheme://host[:port]` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { error: `${name} must use http or https, not ${url.protocol}` };
  }
  if (url.username || url.password || url.search || (url.pathname !== "/" && url.pathname !== "")) {
    return { error: `${name} must be scheme://host[:port] without path, query or user info` };
  }
  return url.origin;
}

function describe(settings: Settings, file: string | undefined): VpcConfigDescription {
  const host = (value: string | undefined) => {
    if (!value) return undefined;
    const checked = checkEndpoint("", value);
    return typeof checked === "string" ? new URL(checked).host : undefined;
  };
  return {
    vpcHost: host(settings.vpcEndpoint),
    bbcHost: host(settings.bbcEndpoint),
    region: settings.region,
    accessKeyId: settings.accessKeyId ? maskAccessKeyId(settings.accessKeyId) : undefined,
    sessionToken: Boolean(settings.sessionToken),
    credentialsFile: file,
  };
}

function readSettings(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): { settings: Settings; file?: string; error?: string } {
  const fromEnv = settingsFromObject(env);
  const file = env[VPC_ENV.credentialsFile]?.trim() || undefined;
  if (!file) return { settings: fromEnv };

  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    return {
      settings: fromEnv,
      file,
      error: `cannot read ${VPC_ENV.credentialsFile} ${file} (${code})`,
    };
  }
  try {
    // Values set in the environment take precedence over the file.
    return { settings: { ...parseCredentialsFile(text), ...fromEnv }, file };
  } catch {
    // The parser's message may quote file content, which contains the secret, so it is dropped.
    return {
      settings: fromEnv,
      file,
      error: `${VPC_ENV.credentialsFile} ${file} is not valid JSON`,
    };
  }
}

function missingReason(settings: Settings): string | undefined {
  const missing: string[] = [];
  if (!settings.accessKeyId) missing.push(VPC_ENV.accessKeyId);
  if (!settings.secretAccessKey) missing.push(VPC_ENV.secretAccessKey);
  if (!settings.region && !settings.vpcEndpoint) {
    missing.push(`${VPC_ENV.region} or ${VPC_ENV.vpcEndpoint}`);
  }
  if (missing.length === 0) return undefined;
  return `set ${missing.join(", ")} (or ${VPC_ENV.credentialsFile})`;
}

/**
 * Reads the VPC API settings from the environment and the optional credentials file. Endpoints
 * default to https://bcc.{region}.baidubce.com and https://bbc.{region}.baidubce.com only when a
 * region and credentials are set. With no credentials the VPC part is off and no host is used.
 */
export function loadVpcConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): VpcConfigResult {
  const { settings, file, error } = readSettings(env, readFile);
  const description = describe(settings, file);
  const off = (reason: string): VpcConfigResult => ({
    enabled: false,
    reason: `VPC checks are off: ${reason}.`,
    description,
  });
  if (error) return off(error);

  const missing = missingReason(settings);
  if (missing) return off(missing);

  const region = settings.region;
  if (region !== undefined && !/^[a-z][a-z0-9-]{0,31}$/.test(region)) {
    return off(`invalid ${VPC_ENV.region} "${region}": use a region id such as bj`);
  }
  const vpc = checkEndpoint(
    VPC_ENV.vpcEndpoint,
    settings.vpcEndpoint ?? `https://bcc.${region}.baidubce.com`,
  );
  const bbcValue =
    settings.bbcEndpoint ?? (region ? `https://bbc.${region}.baidubce.com` : undefined);
  const bbc = bbcValue === undefined ? undefined : checkEndpoint(VPC_ENV.bbcEndpoint, bbcValue);
  if (typeof vpc === "object") return off(vpc.error);
  if (typeof bbc === "object") return off(bbc.error);

  const credentials: BceCredentials = {
    accessKeyId: settings.accessKeyId ?? "",
    secretAccessKey: settings.secretAccessKey ?? "",
    ...(settings.sessionToken ? { sessionToken: settings.sessionToken } : {}),
  };
  // Keeps the secret out of accidental JSON.stringify of the config.
  Object.defineProperty(credentials, "toJSON", { value: () => "[redacted]", enumerable: false });
  const config: VpcConfig = {
    credentials,
    region,
    vpcEndpoint: vpc,
    bbcEndpoint: bbc,
  };
  return {
    enabled: true,
    config,
    description: {
      ...description,
      vpcHost: new URL(config.vpcEndpoint).host,
      bbcHost: bbc ? new URL(bbc).host : undefined,
    },
  };
}
