import { expect, type Page, test } from "@playwright/test";

import { control } from "./control";

/** Calls one fault knob of the demo cluster. */
function fault(method: string, ...args: unknown[]): Promise<unknown> {
  return control("/fault", { fault: { method, args } });
}

/**
 * Sets a status fault and drops every open connection, so the dashboard's running watches end
 * and its next list meets the fault instead of waiting up to 5 minutes for a watch timeout.
 */
async function failWith(resource: string, code: number, retryAfterSeconds?: number) {
  await fault("setStatus", resource, code, { retryAfterSeconds });
  await fault("setDown", true);
  await fault("setDown", false);
}

function staleBanner(page: Page) {
  return page.getByRole("alert").filter({ hasText: "Stale data" });
}

async function expectNodeRow(page: Page) {
  await expect(page.getByRole("row", { name: /10\.0\.19\.10\b/ })).toContainText(
    "kube-system/nfd-worker-f244k",
  );
}

test.describe("backend faults in the browser", () => {
  // Recovery waits for the reflector's next retry, which backs off while the fault lasts.
  test.setTimeout(90_000);

  test.afterEach(async () => {
    await fault("clear");
  });

  test("500 on NetResourceSets shows a banner and keeps data", async ({ page }) => {
    await page.goto("/nodes/10.0.19.7");
    await expectNodeRow(page);

    await failWith("netresourcesets", 500);
    await expect(staleBanner(page)).toContainText("failed to serve netresourcesets (500");
    await expectNodeRow(page);

    await fault("setStatus", "netresourcesets", null);
    await expect(staleBanner(page)).toHaveCount(0, { timeout: 40_000 });
    await expectNodeRow(page);
  });

  test("429 on ENIs names throttling, then clears", async ({ page }) => {
    await page.goto("/nodes/10.0.19.7");
    await expectNodeRow(page);

    await failWith("enis", 429, 2);
    await expect(staleBanner(page)).toContainText("throttling requests for enis (429)");
    const enis = page.getByRole("region", { name: /^ENIs/ });
    await expect(enis.getByRole("row", { name: /eni-ih1seearb7y8/ })).toBeVisible();

    await fault("setStatus", "enis", null);
    await expect(staleBanner(page)).toHaveCount(0, { timeout: 40_000 });
    await expect(enis.getByRole("row", { name: /eni-ih1seearb7y8/ })).toBeVisible();
  });
});
