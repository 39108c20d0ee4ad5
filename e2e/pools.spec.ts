import { expect, test } from "@playwright/test";

import { control } from "./control";

test.describe("IP pool pages", () => {
  test("overview shows the demo fleet", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    const nodes = page
      .locator("dt", { hasText: /^Nodes$/ })
      .locator("xpath=following-sibling::dd[1]");
    await expect
      .poll(async () => Number((await nodes.textContent())?.replace(/,/g, "")))
      .toBeGreaterThanOrEqual(60);
    await expect(page.getByRole("heading", { name: /near their ceiling/ })).toBeVisible();
    await expect(page.getByTestId("data-age")).toContainText("Cluster data live");
  });

  test("node 10.0.19.7 shows the upstream example", async ({ page }) => {
    await page.goto("/nodes/10.0.19.7");
    const row = page.getByRole("row", { name: /10\.0\.19\.10\b/ });
    await expect(row).toContainText("kube-system/nfd-worker-f244k");
    await expect(row).toContainText("eni-ih1seearb7y8");
    await expect(row).toContainText("used");
    const stat = (label: string) =>
      page
        .locator("dt", { hasText: new RegExp(`^${label}$`) })
        .locator("xpath=following-sibling::dd[1]");
    await expect(stat("Pool")).toHaveText("4");
    await expect(stat("Used")).toHaveText("1");
    await expect(stat("Free")).toHaveText("3");
    await expect(stat("Ceiling")).toHaveText("39");
    await expect(stat("Headroom")).toHaveText("38");
    const enis = page.getByRole("region", { name: /^ENIs/ });
    await expect(enis.getByRole("row", { name: /eni-ih1seearb7y8/ })).toContainText(
      "PrimaryWithSecondaryIP",
    );
  });

  test("a filtered nodes URL reproduces its view", async ({ page }) => {
    await page.goto("/nodes?type=bbc&sort=used&dir=desc");
    await expect(page.getByLabel("Type")).toHaveValue("bbc");
    const rows = page.locator("tbody tr:not([aria-hidden])");
    await expect(rows.first()).toBeVisible();
    const types = await rows.locator("td:nth-child(3)").allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(["bbc"]));
    const used = (await rows.locator("td:nth-child(7)").allTextContents()).map(Number);
    expect(used).toEqual([...used].sort((a, b) => b - a));
    await expect(page.getByRole("columnheader", { name: /Used ▼/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
  });

  test("changing a filter updates the URL", async ({ page }) => {
    await page.goto("/nodes");
    await page.getByLabel("Near ceiling").check();
    await expect(page).toHaveURL(/near=1/);
    await page.getByLabel("Filter nodes").fill("no-such-node-anywhere");
    await expect(page.getByText("No node matches these filters")).toBeVisible();
    await expect(page).toHaveURL(/q=no-such-node-anywhere/);
  });

  test("a change in the cluster appears without reload", async ({ page }) => {
    await page.goto("/nodes/10.0.19.7");
    await expect(page.getByRole("row", { name: /10\.0\.19\.10\b/ })).toBeVisible();
    await control("/patch", {
      resource: "netresourcesets",
      name: "10.0.19.7",
      patch: {
        status: {
          ipam: {
            used: {
              "10.0.19.11": {
                owner: "e2e/live-pod",
                resource: "eni-ih1seearb7y8",
                subnetID: "sbn-kx327kp355ni",
              },
            },
          },
        },
      },
    });
    await expect(page.getByRole("row", { name: /10\.0\.19\.11\b/ })).toContainText("e2e/live-pod");
    await control("/patch", {
      resource: "netresourcesets",
      name: "10.0.19.7",
      patch: { status: { ipam: { used: { "10.0.19.11": null } } } },
    });
    await expect(page.getByRole("row", { name: /10\.0\.19\.11\b/ })).not.toContainText(
      "e2e/live-pod",
    );
  });

  test("an unknown node shows a not-found state", async ({ page }) => {
    await page.goto("/nodes/no-such-node");
    await expect(page.getByRole("alert").filter({ hasText: "not found" })).toContainText(
      "no-such-node",
    );
  });

  test("cluster down keeps the data under a stale banner", async ({ page }) => {
    // Recovery waits for the reflectors' next retry, which backs off up to 30 s.
    test.setTimeout(90_000);
    await page.goto("/nodes/10.0.19.7");
    await expect(page.getByRole("row", { name: /10\.0\.19\.10\b/ })).toBeVisible();
    await control("/fault", { fault: { method: "setDown", args: [true] } });
    try {
      const banner = page.getByRole("alert").filter({ hasText: "Stale data" });
      await expect(banner).toContainText("Cannot reach the Kubernetes API server");
      await expect(page.getByRole("row", { name: /10\.0\.19\.10\b/ })).toContainText(
        "kube-system/nfd-worker-f244k",
      );
    } finally {
      await control("/fault", { fault: { method: "setDown", args: [false] } });
    }
    await expect(page.getByRole("alert").filter({ hasText: "Stale data" })).toHaveCount(0, {
      timeout: 40_000,
    });
  });

  test("a malformed object is named on the page, not counted", async ({ page }) => {
    const name = await control<string>("/fault", {
      fault: { method: "injectMalformed", args: ["netresourcesets"] },
    });
    try {
      await page.goto("/nodes");
      const notice = page.getByRole("status").filter({ hasText: "skipped as malformed" });
      await expect(notice).toContainText(name);
      await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
    } finally {
      await control("/fault", { fault: { method: "clear", args: [] } });
    }
    await expect(page.getByRole("status").filter({ hasText: "skipped as malformed" })).toHaveCount(
      0,
    );
  });
});
