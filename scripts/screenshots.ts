/**
 * Captures the README's screenshots from a running dashboard (for example `npm run demo`):
 *
 *   npx tsx scripts/screenshots.ts [--url http://127.0.0.1:3000] [--out docs/screenshots]
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";

const PAGES = [
  { name: "overview", path: "/" },
  { name: "node", path: "/nodes/10.0.19.7" },
  { name: "subnet", path: "/subnets/sbn-f9tight3c7ne" },
  { name: "pods", path: "/pods" },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000" },
      out: { type: "string", default: "docs/screenshots" },
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  for (const { name, path: route } of PAGES) {
    await page.goto(`${values.url}${route}`);
    await page.getByTestId("data-age").first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState("networkidle");
    const file = path.join(values.out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`wrote ${file}`);
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
