/**
 * Listen address and authentication settings, read from the environment. The launcher
 * (scripts/start.ts) imports this module outside Next.js, so it has no "server-only" marker:
 * that package throws without the react-server condition. Nothing here is sent to a browser.
 */
import { BlockList, isIP } from "node:net";

export type AuthMode = "none" | "token" | "proxy";

export interface AuthConfig {
  mode: AuthMode;
  /** Bearer token (mode "token"), from AUTH_TOKEN or the file named by AUTH_TOKEN_FILE. */
  token?: string;
  /** Lower-case request header that carries the user name (mode "proxy"). */
  proxyHeader?: string;
  /** Peer addresses allowed to set proxyHeader (mode "proxy"). */
  trustedProxies?: BlockList;
  /** The AUTH_TRUSTED_PROXIES entries as given, for messages. */
  trustedProxyList?: string[];
}

export interface StartConfig {
  host: string;
  port: number;
  auth: AuthConfig;
}

type Env = Readonly<Record<string, string | undefined>>;
type ReadFile = (path: string) => string;
export type ConfigResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Request header through which the launcher passes the TCP peer address to proxy.ts. The launcher
 * overwrites it on every request, so a client cannot choose its value.
 */
export const PEER_ADDRESS_HEADER = "x-dashboard-peer-address";
/** Set by the launcher once it stamps PEER_ADDRESS_HEADER; proxy mode fails closed without it. */
export const PEER_ADDRESS_ENV = "DASHBOARD_PEER_ADDRESS_STAMPED";

/** Shortest bearer token accepted: 32 characters, e.g. 24 random bytes in base64. */
export const MIN_TOKEN_LENGTH = 32;
const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_PORT = 3000;

/** Strips the IPv4-mapped IPv6 prefix so ::ffff:10.0.0.1 matches rules written for 10.0.0.1. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** True for localhost, 127.0.0.0/8, ::1 and their bracketed or IPv4-mapped forms. */
export function isLoopbackHost(host: string): boolean {
  const bare = normalizeAddress(
    host
      .trim()
      .replace(/^\[(.*)\]$/, "$1")
      .toLowerCase(),
  );
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || bare === "0:0:0:0:0:0:0:1";
  return false;
}

function parseTrustedProxies(value: string | undefined): ConfigResult<BlockList> & {
  entries?: string[];
} {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    return { ok: false, error: "AUTH_MODE=proxy needs AUTH_TRUSTED_PROXIES (addresses or CIDRs)" };
  }
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    const bits = prefix === undefined ? maxBits : Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > maxBits) {
      return {
        ok: false,
        error: `invalid AUTH_TRUSTED_PROXIES entry "${entry}": use 10.0.0.5 or 10.0.0.0/8`,
      };
    }
    if (bits < MIN_PROXY_PREFIX[family === 4 ? 4 : 6]) {
      // A range this wide lets any client claim any user, which is no authentication at all.
      return {
        ok: false,
        error: `AUTH_TRUSTED_PROXIES entry "${entry}" is too wide: list the proxies' own addresses or a narrow range such as 10.0.0.0/24`,
      };
    }
    list.addSubnet(address, bits, family === 4 ? "ipv4" : "ipv6");
  }
  return { ok: true, value: list, entries };
}

/** Shortest prefix accepted per IP family; anything wider is close to "every address". */
const MIN_PROXY_PREFIX = { 4: 8, 6: 8 } as const;

function readToken(env: Env, readFile: ReadFile): ConfigResult<string> {
  const file = env.AUTH_TOKEN_FILE?.trim();
  let token = env.AUTH_TOKEN?.trim() ?? "";
  if (file) {
    try {
      token = readFile(file).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "read error";
      return { ok: false, error: `cannot read AUTH_TOKEN_FILE ${file} (${code})` };
    }
  }
  if (!token) return { ok: false, error: "AUTH_MODE=token needs AUTH_TOKEN or AUTH_TOKEN_FILE" };
  if (token.length < MIN_TOKEN_LENGTH) {
    return {
      ok: false,
      error: `the auth token is shorter than ${MIN_TOKEN_LENGTH} characters; generate one with: openssl rand -base64 32`,
    };
  }
  return { ok: true, value: token };
}

/** Reads AUTH_MODE and the settings that mode needs. Error messages never quote the token. */
export function parseAuthConfig(env: Env, readFile: ReadFile): ConfigResult<AuthConfig> {
  const mode = (env.AUTH_MODE?.trim() || "none").toLowerCase();
  if (mode === "none") return { ok: true, value: { mode } };
  if (mode === "token") {
    const token = readToken(env, readFile);
    return token.ok ? { ok: true, value: { mode, token: token.value } } : token;
  }
  if (mode === "proxy") {
    const header = env.AUTH_PROXY_HEADER?.trim().toLowerCase();
    if (!header || !/^[a-z0-9-]+$/.test(header)) {
      return { ok: false, error: "AUTH_MODE=proxy needs AUTH_PROXY_HEADER, e.g. X-Forwarded-User" };
    }
    const proxies = parseTrustedProxies(env.AUTH_TRUSTED_PROXIES);
    if (!proxies.ok) return proxies;
    return {
      ok: true,
      value: {
        mode,
        proxyHeader: header,
        trustedProxies: proxies.value,
        trustedProxyList: proxies.entries,
      },
    };
  }
  return { ok: false, error: `invalid AUTH_MODE "${mode}": use none, token or proxy` };
}

/**
 * Reads HOST, PORT and the auth settings, and rejects a non-loopback HOST without authentication:
 * the dashboard shows cluster data that must not be open to a whole network.
 */
export function parseStartConfig(env: Env, readFile: ReadFile): ConfigResult<StartConfig> {
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const portText = env.PORT?.trim() || String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    return { ok: false, error: `invalid PORT "${portText}": use a number from 1 to 65535` };
  }
  const auth = parseAuthConfig(env, readFile);
  if (!auth.ok) return auth;
  if (auth.value.mode === "none" && !isLoopbackHost(host)) {
    return {
      ok: false,
      error:
        `HOST=${host} is not a loopback address, and AUTH_MODE is none. ` +
        "Set AUTH_MODE=token with AUTH_TOKEN_FILE (or AUTH_TOKEN), or AUTH_MODE=proxy behind an " +
        "authenticating reverse proxy, or listen on HOST=127.0.0.1.",
    };
  }
  return { ok: true, value: { host, port, auth: auth.value } };
}
