import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { defaultBundleDir, scanDirectory, SECRET_NEEDLES } from "./scan-secrets";

const work = mkdtempSync(path.join(tmpdir(), "scan-secrets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scanDirectory", () => {
  it("finds a credential value in a nested chunk", () => {
    const dir = path.join(work, "leak", "chunks");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "a.js"), 'const k={"secretAccessKey":"demo-sk"};');
    const findings = scanDirectory(path.join(work, "leak"), SECRET_NEEDLES);
    expect(findings.map((finding) => finding.needle).sort()).toEqual([
      "demo-sk",
      "secretAccessKey",
    ]);
  });

  it("reports nothing for a clean bundle", () => {
    const dir = path.join(work, "clean");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "b.js"), "console.log('pool used free');");
    expect(scanDirectory(dir, SECRET_NEEDLES)).toEqual([]);
  });

  it("fails on a missing folder instead of passing", () => {
    expect(() => scanDirectory(path.join(work, "absent"), SECRET_NEEDLES)).toThrow();
  });
});

// The unit run may come before any build (npm test builds later); the e2e suite scans the build
// unconditionally, see e2e/security.spec.ts.
describe.skipIf(!existsSync(defaultBundleDir()))("client bundle of the current build", () => {
  it("contains no credential names or values", () => {
    expect(scanDirectory(defaultBundleDir(), SECRET_NEEDLES)).toEqual([]);
  });
});
