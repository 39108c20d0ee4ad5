import { expect, type Page, test } from "@playwright/test";

import { control } from "./control";

/** Planted demo objects (lib/demo/scenario/planted.ts), copied because that module reads files. */
const PLANTED = {
  upstream: {
    node: "10.0.19.7",
    eni: "eni-ih1seearb7y8",
    subnet: "sbn-kx327kp355ni",
  },
  bbcAtCeiling: {
    node: "10.0.17.20",
    pendingPod: { namespace: "batch", name: "report-builder-6d8f9c7b5-kq2xz" },
  },
  enis: { attaching: "eni-attaching001" },
} as const;

async function search(page: Page, query: string) {
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: /Search IP/ });
  await expect(box).toBeFocused();
  await box.fill(query);
  await box.press("Enter");
}

test.describe("on-call triage", () => {
  test("searching an IP lands on its node and owner", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await search(page, "10.0.19.10");
    await expect(page).toHaveURL(/\/nodes\/10\.0\.19\.7\?ip=10\.0\.19\.10$/);
    const row = page.getByRole("row", { name: /10\.0\.19\.10\b/ });
    await expect(row).toContainText("kube-system/nfd-worker-f244k");
    await expect(row).toHaveAttribute("aria-current", "true");
  });

  test("stuck attaching ENI shows as unhealthy", async ({ page }) => {
    await page.goto("/enis?health=unhealthy");
    const row = page.getByRole("row", { name: new RegExp(PLANTED.enis.attaching) });
    await expect(row).toContainText("critical");
    await expect(row).toContainText(/Stuck in attaching for \d+ min/);
    await row.getByRole("link", { name: PLANTED.enis.attaching }).click();
    await expect(page.getByRole("heading", { name: /Timeline/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /Health/ })).toContainText("Stuck in attaching");
  });

  test("pending pod leads to its node ceiling", async ({ page }) => {
    const pod = PLANTED.bbcAtCeiling.pendingPod;
    await page.goto("/");
    await search(page, pod.name);
    await expect(page).toHaveURL(/\/pods\?pod=/);
    const card = page.getByRole("listitem", { name: `Pod ${pod.namespace}/${pod.name}` });
    await expect(card).toContainText("InsufficientIP");
    await expect(card).toContainText("Likely cause");
    await card.getByRole("link", { name: PLANTED.bbcAtCeiling.node, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/nodes/${PLANTED.bbcAtCeiling.node}$`));
    const ceiling = page
      .locator("dt", { hasText: /^Ceiling$/ })
      .locator("xpath=following-sibling::dd[1]");
    await expect(ceiling).toHaveText("39");
  });

  test("change feed shows a live change", async ({ page }) => {
    await page.goto("/changes?kind=ip-assigned");
    await expect(page.getByRole("heading", { name: "Changes" })).toBeVisible();
    await expect(page.getByTestId("data-age")).toBeVisible();
    const ip = "10.0.19.12";
    await control("/patch", {
      resource: "netresourcesets",
      name: PLANTED.upstream.node,
      patch: {
        status: {
          ipam: {
            used: {
              [ip]: {
                owner: "e2e/triage-feed",
                resource: PLANTED.upstream.eni,
                subnetID: PLANTED.upstream.subnet,
              },
            },
          },
        },
      },
    });
    try {
      await expect(page.getByRole("region", { name: "Changes" })).toContainText(
        `${ip} assigned to e2e/triage-feed on ${PLANTED.upstream.node}`,
      );
    } finally {
      await control("/patch", {
        resource: "netresourcesets",
        name: PLANTED.upstream.node,
        patch: { status: { ipam: { used: { [ip]: null } } } },
      });
    }
  });
});
