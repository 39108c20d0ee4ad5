/**
 * Scans files for credential names and values that must never reach a browser: the client bundle
 * of a build by default. Usage: tsx scripts/scan-secrets.ts [DIR] [EXTRA_VALUE...]
 * DIR defaults to $NEXT_DIST_DIR/static (.next/static). Exits 1 when anything is found.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Demo credential values and the names of credential fields. A name in the client bundle means
 * server configuration code was bundled for the browser, even when no value came with it.
 */
export const SECRET_NEEDLES: readonly string[] = [
  "demo-token",
  "demo-sk",
  "BCE_SECRET_ACCESS_KEY",
  "secretAccessKey",
  "client-key-data",
  "AUTH_TOKEN",
];

export interface SecretFinding {
  file: string;
  needle: string;
}

/** Returns the needles that occur in text, case-sensitively. */
export function findSecrets(text: string, needles: readonly string[]): string[] {
  return needles.filter((needle) => needle !== "" && text.includes(needle));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Scans every file under dir; throws when dir does not exist, so a missing build fails. */
export function scanDirectory(dir: string, needles: readonly string[]): SecretFinding[] {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
  return listFiles(dir).flatMap((file) =>
    findSecrets(readFileSync(file, "latin1"), needles).map((needle) => ({ file, needle })),
  );
}

export function defaultBundleDir(): string {
  return path.join(process.env.NEXT_DIST_DIR || ".next", "static");
}

function main(): void {
  const [dir = defaultBundleDir(), ...extra] = process.argv.slice(2);
  const findings = scanDirectory(dir, [...SECRET_NEEDLES, ...extra]);
  for (const { file, needle } of findings) console.error(`${file}: contains "${needle}"`);
  console.log(`${dir}: ${findings.length} finding(s)`);
  if (findings.length > 0) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
