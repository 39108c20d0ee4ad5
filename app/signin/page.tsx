import type { Metadata } from "next";

import { getAuthConfig, safeNextPath } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

interface SignInProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function ModeNotice({ mode }: { mode: "none" | "proxy" | "invalid" }) {
  const text = {
    none: "This server needs no sign-in: it listens on loopback only.",
    proxy:
      "This server trusts an authenticating reverse proxy. Open the dashboard through that proxy; " +
      "requests that reach the server directly are rejected.",
    invalid: "Authentication is misconfigured on the server; see its log.",
  }[mode];
  return <p className="text-sm text-slate-600 dark:text-slate-300">{text}</p>;
}

/** Sign-in form for AUTH_MODE=token. It posts the token once, and the server returns a cookie. */
export default async function SignInPage({ searchParams }: SignInProps) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  const failed = first(params.error) === "invalid";
  const config = getAuthConfig();
  const mode = config.ok ? config.value.mode : "invalid";

  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">Sign in</h1>
      {mode !== "token" ? (
        <ModeNotice mode={mode} />
      ) : (
        <form method="post" action="/signin/session" className="space-y-3">
          <input type="hidden" name="next" value={next} />
          <label className="block text-sm font-medium" htmlFor="token">
            Access token
          </label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="current-password"
            required
            className="w-full rounded border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          />
          {failed ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              The token is not valid. Paste the value of AUTH_TOKEN (or the file AUTH_TOKEN_FILE
              names) again.
            </p>
          ) : null}
          <button
            type="submit"
            className="rounded bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800"
          >
            Sign in
          </button>
        </form>
      )}
    </div>
  );
}
