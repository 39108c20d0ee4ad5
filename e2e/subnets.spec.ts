import { expect, test } from "@playwright/test";

const TIGHT_SUBNET = "sbn-f9tight3c7ne";

test.describe("subnets", () => {
  test("the near-exhausted subnet is flagged with the nodes it hits", async ({ page }) => {
    await page.goto("/subnets");
    const row = page.getByRole("row", { name: new RegExp(TIGHT_SUBNET) });
    await expect(row).toContainText(/short \d+/);
    await expect(row.getByRole("link", { name: /^\d+\.\d+\.\d+\.\d+$/ }).first()).toBeVisible();
  });

  test("free IPs come from the VPC stand-in with their age", async ({ page }) => {
    await page.goto("/subnets");
    const row = page.getByRole("row", { name: new RegExp(TIGHT_SUBNET) });
    await expect(row.getByText("VPC", { exact: true })).toBeVisible();
    await expect(row).toContainText(/\d+ (s|min) ago/);
  });

  test("the subnet page names the nodes that fail first", async ({ page }) => {
    await page.goto(`/subnets/${TIGHT_SUBNET}`);
    await expect(page.getByRole("status").filter({ hasText: "runs out before" })).toContainText(
      "First to fail",
    );
    const nodes = page.getByRole("region", { name: /Nodes taking IPs/ });
    await expect(nodes.getByText("fails #1")).toBeVisible();
    await nodes.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/nodes\//);
    await expect(page.getByRole("link", { name: TIGHT_SUBNET }).first()).toBeVisible();
  });

  test("drift findings cover every planted kind", async ({ page, request }) => {
    await expect
      .poll(
        async () => {
          const body = (await (await request.get("/api/v1/drift")).json()) as {
            findings: { kind: string }[];
          };
          return new Set(body.findings.map((finding) => finding.kind)).size;
        },
        { timeout: 30_000 },
      )
      .toBe(5);
    const body = (await (await request.get("/api/v1/drift")).json()) as {
      findings: { kind: string; node?: string; eniId: string }[];
    };
    const mismatch = body.findings.find((finding) => finding.kind === "status-mismatch");
    expect(mismatch?.node).toBeTruthy();
    await page.goto(`/nodes/${mismatch?.node}`);
    const eniRow = page.getByRole("row", { name: new RegExp(`^${mismatch?.eniId}`) });
    await expect(eniRow).toContainText("Drift:");
  });
});
