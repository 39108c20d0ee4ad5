import { expect, test } from "@playwright/test";

const FRESHNESS = {
  status: "ok",
  generatedAt: new Date().toISOString(),
  lastContactAt: new Date().toISOString(),
  ageSeconds: 0,
  server: null,
  context: "test",
  message: null,
  errors: [],
  resources: [],
};

test.describe("page states", () => {
  test("nodes page shows a loading state until data arrives", async ({ page }) => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/nodes", async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto("/nodes");
    await expect(page.getByRole("status").filter({ hasText: "Loading nodes" })).toBeVisible();
    release();
    await expect(page.getByRole("link", { name: "10.0.19.7", exact: true })).toBeAttached();
  });

  test("nodes page explains an error before any data", async ({ page }) => {
    await page.route("**/api/v1/nodes", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "not-synced", message: "cluster objects are not synced yet" },
        }),
      }),
    );
    await page.goto("/nodes");
    const alert = page.getByRole("alert").filter({ hasText: "Cannot load nodes" });
    await expect(alert).toContainText("cluster objects are not synced yet");
  });

  test("nodes page shows an empty cluster as such", async ({ page }) => {
    await page.route("**/api/v1/nodes", (route) =>
      route.fulfill({ json: { items: [], freshness: FRESHNESS } }),
    );
    await page.goto("/nodes");
    await expect(page.getByText("No NetResourceSets in this cluster")).toBeVisible();
  });

  test("overview shows an empty cluster as such", async ({ page }) => {
    const totals = { nodes: 0, pool: 0, used: 0, free: 0, releasing: 0, ceiling: 0, headroom: 0 };
    await page.route("**/api/v1/overview", (route) =>
      route.fulfill({
        json: {
          totals,
          nearCeiling: [],
          atCeiling: 0,
          byInstanceType: [],
          byZone: [],
          freshness: FRESHNESS,
        },
      }),
    );
    await page.goto("/");
    await expect(page.getByText("No NetResourceSets in this cluster")).toBeVisible();
  });

  test("a failed poll keeps the data under a banner", async ({ page }) => {
    await page.goto("/nodes/10.0.19.7");
    await expect(page.getByRole("row", { name: /10\.0\.19\.10\b/ })).toBeVisible();
    await page.route("**/api/v1/nodes/10.0.19.7", (route) => route.abort("connectionrefused"));
    const banner = page.getByRole("alert").filter({ hasText: "Stale data" });
    await expect(banner).toContainText("dashboard server cannot be reached");
    await expect(page.getByRole("row", { name: /10\.0\.19\.10\b/ })).toContainText(
      "nfd-worker-f244k",
    );
  });
});
