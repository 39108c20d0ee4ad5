import { rmSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";

// The stack must run with HISTORY_DEMO_SEED=1, so 30 days of demo history exist.
const TIGHT_SUBNET = "sbn-f9tight3c7ne";
const BBC_NODE = "10.0.17.20";

function figure(page: Page, name: string) {
  return page.getByRole("figure", { name });
}

test.describe("history and forecasts", () => {
  test("near-exhausted subnet shows its forecast", async ({ page }) => {
    await page.goto(`/subnets/${TIGHT_SUBNET}?range=7d`);
    const chart = figure(page, "Subnet IPs in use");
    await expect(chart.getByTestId("forecast-summary")).toHaveText(
      new RegExp(
        `^${TIGHT_SUBNET} runs out in about [\\d.]+ (hours|days)(, between .+ and .+)?\\.$`,
      ),
    );
    // The 80 % band is the filled area; the marker is the labelled line where usage meets size.
    await expect(chart.locator(".recharts-area-area").first()).toBeVisible();
    await expect(chart.getByText("runs out", { exact: true })).toBeVisible();
    await expect(chart.getByText("subnet size", { exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results-history/history-subnet-7d.png", fullPage: true });
  });

  test("subnet forecast API returns exhaustion within days", async ({ request }) => {
    const response = await request.get(`/api/v1/subnets/${TIGHT_SUBNET}/forecast`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { status: string; exhaustsAt: number; path: unknown[] };
    expect(body.status).toBe("exhausts");
    expect(body.exhaustsAt - Date.now()).toBeLessThan(7 * 86_400_000);
    expect(body.path.length).toBeGreaterThan(0);
  });

  test("what-if rejects an invalid parameter", async ({ request }) => {
    const response = await request.get(`/api/v1/subnets/${TIGHT_SUBNET}/whatif?addNodes=-3`);
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid-parameter");
    expect(body.error.message).toMatch(/addNodes/);
  });

  test("range selector changes the chart and the URL", async ({ page }) => {
    await page.goto(`/nodes/${BBC_NODE}`);
    const chart = figure(page, "Pod IPs used over time");
    await expect(chart.getByTestId("forecast-summary")).toContainText(
      `Node ${BBC_NODE} has run out`,
    );
    await chart.locator("xpath=..").getByText("Show the data as a table").click();
    const rows = page.getByRole("table", { name: /Chart points/ }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(100);
    const weekRows = await rows.count();

    const ranges = page.getByRole("group", { name: /Time range of pod ips/i });
    await ranges.getByRole("button", { name: "1h" }).click();
    await expect(page).toHaveURL(/[?&]range=1h\b/);
    await expect(ranges.getByRole("button", { name: "1h" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect.poll(() => rows.count()).toBeLessThan(weekRows);
    // A one-hour axis is labelled with times of day, a week with dates.
    await expect(chart.getByText(/^\d{2}:\d{2}$/).first()).toBeVisible();
    await page.screenshot({ path: "test-results-history/history-node-1h.png", fullPage: true });
  });

  test("overview shows the cluster chart", async ({ page }) => {
    await page.goto("/");
    const chart = figure(page, "Cluster pod IPs used over time");
    await expect(chart.getByTestId("forecast-summary")).toHaveText(/^The cluster/);
    await expect(chart.getByText("sum of ceilings", { exact: true })).toBeVisible();
  });

  // Runs last: it throws the history away.
  test("deleted history file shows a banner", async ({ page, request }) => {
    const status = (await (await request.get("/api/v1/history?range=1h")).json()) as {
      history: { path: string };
    };
    rmSync(status.history.path, { force: true });
    await expect
      .poll(async () => {
        const answer = await request.get("/api/v1/history?range=1h");
        return ((await answer.json()) as { history: { message: string | null } }).history.message;
      })
      .toMatch(/was deleted or replaced/);

    await page.goto("/");
    const banner = page.getByRole("status").filter({ hasText: "was deleted or replaced" });
    await expect(banner).toBeVisible();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByTestId("data-age")).toContainText("Cluster data live");
  });
});
