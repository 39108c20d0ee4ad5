import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { withRouteLog } from "./http";
import { logger } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("withRouteLog", () => {
  it("logs route, method, status and duration but no query values", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const handler = withRouteLog("/api/v1/nodes", () => Response.json({}, { status: 200 }));
    const request = new NextRequest("http://127.0.0.1/api/v1/nodes?token=secret-value&sort=used");

    const response = await handler(request, undefined);

    expect(response.status).toBe(200);
    expect(info).toHaveBeenCalledTimes(1);
    const [context, message] = info.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(message).toBe("request served");
    expect(context).toMatchObject({ route: "/api/v1/nodes", method: "GET", status: 200 });
    expect(context.query).toEqual(["token", "sort"]);
    expect(typeof context.durationMs).toBe("number");
    expect(JSON.stringify(context)).not.toContain("secret-value");
  });

  it("logs a 5xx answer as a warning", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const handler = withRouteLog("/api/v1/overview", () => new Response("", { status: 503 }));
    await handler(new NextRequest("http://127.0.0.1/api/v1/overview"), undefined);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ route: "/api/v1/overview", status: 503 }),
      "request served",
    );
  });

  it("logs a thrown error as status 500 and rethrows it", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const handler = withRouteLog("/api/v1/nodes", () => {
      throw new Error("boom");
    });
    await expect(
      handler(new NextRequest("http://127.0.0.1/api/v1/nodes"), undefined),
    ).rejects.toThrow("boom");
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ status: 500, error: "boom" }),
      "request failed",
    );
  });

  it("passes the route context through to the handler", async () => {
    vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const handler = withRouteLog(
      "/api/v1/nodes/[name]",
      async (_request, context: { params: Promise<{ name: string }> }) =>
        Response.json(await context.params),
    );
    const response = await handler(new NextRequest("http://127.0.0.1/api/v1/nodes/n1"), {
      params: Promise.resolve({ name: "n1" }),
    });
    expect(await response.json()).toEqual({ name: "n1" });
  });
});
