import { afterEach, describe, expect, it, vi } from "vitest";

import { logger } from "@/lib/server/log";

import { forecastListRoute } from "./routes";

afterEach(() => vi.restoreAllMocks());

describe("history routes", () => {
  it("logs an invalid parameter without its value", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const request = new Request("http://127.0.0.1/api/v1/forecasts?kind=secret-value");

    const response = forecastListRoute(request, "/api/v1/forecasts");

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("secret-value");
    expect(info).toHaveBeenCalled();
    expect(JSON.stringify(info.mock.calls)).not.toContain("secret-value");
  });
});
