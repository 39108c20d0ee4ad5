/**
 * Security checks on the production build: response headers, the page working under its CSP,
 * no credential in the client bundle, API responses or logs, and both authentication modes on
 * extra servers started through scripts/start.ts (ports E2E_APP_PORT+2 and +3, loopback only).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";

import {
  defaultBundleDir,
  findSecrets,
  scanDirectory,
  SECRET_NEEDLES,
} from "../scripts/scan-secrets";
import { E2E_APP_PORT } from "./stack-ports";

const TOKEN = "e2e-auth-token-7c1f0a9d2b4e6f8a1c3e5b7d9f0a2c4e";
const WRONG_TOKEN = TOKEN.slice(0, -1) + (TOKEN.endsWith("0") ? "1" : "0");
const TOKEN_PORT = E2E_APP_PORT + 2;
const PROXY_PORT = E2E_APP_PORT + 3;
/** Values that must appear in no response and no log line. */
const SECRET_VALUES = ["demo-token", "demo-sk", "client-key-data", "secretAccessKey", TOKEN];
/** How long a spawned server may take to sync with the demo cluster and answer /readyz. */
const START_TIMEOUT_MS = 60_000;

interface Server {
  process: ChildProcess;
  output: string[];
  url: string;
}

const servers: Server[] = [];

async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "debug",
      NEXT_TELEMETRY_DISABLED: "1",
      KUBECONFIG: path.resolve(`.demo/e2e-${E2E_APP_PORT}/kubeconfig`),
      KUBE_CONTEXT: "",
      // Demo credentials against a closed loopback port: VPC calls fail, and the failures are logged.
      BCE_ACCESS_KEY_ID: "demo-ak",
      BCE_SECRET_ACCESS_KEY: "demo-sk",
      BCE_VPC_ENDPOINT: "http://127.0.0.1:9",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server: Server = { process: child, output: [], url: `http://127.0.0.1:${port}` };
  child.stdout?.on("data", (chunk: Buffer) => server.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => server.output.push(chunk.toString()));
  servers.push(server);
  await expect
    .poll(async () => (await fetch(`${server.url}/readyz`).catch(() => null))?.status, {
      timeout: START_TIMEOUT_MS,
    })
    .toBe(200);
  return server;
}

/** GET through node:http so the test can choose the source address on the loopback network. */
function getFrom(
  url: string,
  localAddress: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { localAddress, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
  });
}

/** Lists the build's API routes, with dynamic segments filled from their collection's items. */
async function apiPaths(base: string): Promise<string[]> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  const routes = Object.values(manifest).filter((route) => route.startsWith("/api/v1/"));
  const paths: string[] = [];
  for (const route of routes.sort()) {
    const match = /^(.*)\/\[([^\]]+)\]$/.exec(route);
    if (!match) {
      paths.push(route);
      continue;
    }
    const [, parent = "", param = ""] = match;
    const body = (await (await fetch(`${base}${parent}`)).json().catch(() => ({}))) as {
      items?: Record<string, unknown>[];
    };
    const first = body.items?.[0] ?? {};
    const value = [param, "name", "id"].map((key) => first[key]).find((v) => typeof v === "string");
    paths.push(`${parent}/${encodeURIComponent(String(value ?? "unknown"))}`);
  }
  return [...paths, "/metrics"];
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

test.afterAll(async () => {
  for (const server of servers) {
    if (server.process.exitCode !== null) continue;
    server.process.kill("SIGTERM");
    await new Promise((resolve) => server.process.once("exit", resolve));
  }
});

test.describe.serial("security", () => {
  test.describe.configure({ timeout: 120_000 });

  test("page and API carry the security headers", async ({ request }) => {
    for (const target of ["/nodes", "/api/v1/overview"]) {
      const response = await request.get(target);
      const headers = response.headers();
      expect(headers["x-content-type-options"], target).toBe("nosniff");
      expect(headers["referrer-policy"], target).toBe("no-referrer");
      expect(headers["x-powered-by"], target).toBeUndefined();
      expect(headers["content-security-policy"], target).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], target).not.toContain("unsafe-eval");
    }
    const page = await request.get("/nodes");
    expect(page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  });

  test("nodes page hydrates under its CSP", async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const store = window as unknown as { __csp?: string[] };
        (store.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto("/nodes");
    await expect(page.locator("tbody tr:not([aria-hidden])").first()).toBeVisible();
    // A client-side filter only changes the URL when React hydrated.
    await page.getByLabel("Near ceiling").check();
    await expect(page).toHaveURL(/near=1/);
    expect(await cspViolations(page)).toEqual([]);
  });

  test("client bundle holds no credential", () => {
    expect(scanDirectory(defaultBundleDir(), [...SECRET_NEEDLES, TOKEN])).toEqual([]);
  });

  test("API responses hold no credential", async ({ baseURL }) => {
    const base = baseURL ?? "";
    const paths = await apiPaths(base);
    expect(paths.length).toBeGreaterThan(3);
    for (const target of paths) {
      const text = await (await fetch(`${base}${target}`)).text();
      expect(findSecrets(text, [...SECRET_NEEDLES, TOKEN]), target).toEqual([]);
    }
  });

  test("token mode rejects missing and wrong tokens", async () => {
    const server = await startServer(TOKEN_PORT, { AUTH_MODE: "token", AUTH_TOKEN: TOKEN });
    const api = `${server.url}/api/v1/overview`;

    const missing = await fetch(api);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: "unauthenticated" } });
    const wrong = await fetch(api, { headers: { Authorization: `Bearer ${WRONG_TOKEN}` } });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const right = await fetch(api, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  test("token mode signs a browser in with an HttpOnly cookie", async ({ page, context }) => {
    const base = `http://127.0.0.1:${TOKEN_PORT}`;
    await page.goto(`${base}/nodes`);
    await expect(page).toHaveURL(/\/signin\?next=%2Fnodes/);
    await page.getByLabel("Access token").fill(WRONG_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();

    await page.getByLabel("Access token").fill(TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/nodes`);
    await expect(page.locator("tbody tr:not([aria-hidden])").first()).toBeVisible();

    const cookie = (await context.cookies(base)).find((c) => c.name === "dashboard_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(cookie?.value).not.toContain(TOKEN);
    expect(await page.evaluate(() => document.cookie)).not.toContain("dashboard_session");
  });

  test("proxy mode trusts the user header only from a trusted peer", async () => {
    const server = await startServer(PROXY_PORT, {
      AUTH_MODE: "proxy",
      AUTH_PROXY_HEADER: "X-Forwarded-User",
      AUTH_TRUSTED_PROXIES: "127.0.0.2",
    });
    const api = `${server.url}/api/v1/overview`;
    const user = { "X-Forwarded-User": "alice" };

    expect(await getFrom(api, "127.0.0.2", user)).toBe(200);
    expect(await getFrom(api, "127.0.0.2", {})).toBe(401);
    expect(await getFrom(api, "127.0.0.1", user)).toBe(401);
    // Forged peer hints from an untrusted address change nothing.
    const forged = {
      ...user,
      "X-Forwarded-For": "127.0.0.2",
      "X-Dashboard-Peer-Address": "127.0.0.2",
    };
    expect(await getFrom(api, "127.0.0.1", forged)).toBe(401);
  });

  test("server logs hold no credential", () => {
    const output = servers.flatMap((server) => server.output).join("");
    expect(output).toContain('"route":"/api/v1/overview"');
    expect(findSecrets(output, SECRET_VALUES)).toEqual([]);
  });
});
