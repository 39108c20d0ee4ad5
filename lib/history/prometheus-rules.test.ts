import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

const RULES_DIR = path.resolve("deploy/prometheus");
const promtool = spawnSync("promtool", ["--version"], { encoding: "utf8" });
const missing = promtool.error !== undefined || promtool.status !== 0;
const skipNote = missing
  ? " (skipped: promtool not found; install the Debian package prometheus to run it)"
  : "";

describe("Prometheus alert rules", () => {
  it.skipIf(missing)(`pass promtool check rules${skipNote}`, () => {
    const output = execFileSync("promtool", ["check", "rules", "cce-ip-dashboard.rules.yml"], {
      cwd: RULES_DIR,
      encoding: "utf8",
    });
    expect(output).toMatch(/SUCCESS: 7 rules found/);
  });

  it.skipIf(missing)(`pass the promtool unit tests${skipNote}`, () => {
    const result = spawnSync("promtool", ["test", "rules", "rules.test.yml"], {
      cwd: RULES_DIR,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toMatch(/SUCCESS/);
    expect(result.status).toBe(0);
  });
});
