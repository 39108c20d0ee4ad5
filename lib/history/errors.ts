/** Classes of storage failure, each with the message an operator sees in logs and banners. */
export type StoreFaultKind =
  "corrupt" | "locked" | "full" | "unwritable" | "newer-schema" | "other";

export interface StoreFault {
  kind: StoreFaultKind;
  /** SQLite or Node error code, for example SQLITE_NOTADB or EACCES. */
  code: string | null;
  message: string;
}

const RECOVERY = "Live data is unaffected. See docs/history.md, section Recovery.";

function kindOf(code: string | null, message: string): StoreFaultKind {
  if (!code) return message.includes("schema version") ? "newer-schema" : "other";
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "corrupt";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "locked";
  if (code === "SQLITE_FULL" || code === "ENOSPC") return "full";
  if (
    code.startsWith("SQLITE_READONLY") ||
    code.startsWith("SQLITE_CANTOPEN") ||
    code === "SQLITE_PERM" ||
    code === "EACCES" ||
    code === "EROFS" ||
    code === "EPERM" ||
    code === "ENOTDIR" ||
    code === "EEXIST"
  ) {
    return "unwritable";
  }
  return "other";
}

/** Turns an error thrown by better-sqlite3 or the file system into a fault with plain words. */
export function describeStoreError(error: unknown, file: string): StoreFault {
  const raw = error instanceof Error ? error.message : String(error);
  const code =
    typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
      ? error.code
      : null;
  const kind = kindOf(code, raw);
  const detail = code && !raw.startsWith(code) ? `${code}: ${raw}` : raw;
  const lead: Record<StoreFaultKind, string> = {
    corrupt:
      `History file ${file} is damaged (${detail}). History is paused and the file is left ` +
      "untouched for repair.",
    locked: `History file ${file} is locked by another process (${detail}); retrying.`,
    full: `The disk holding history file ${file} is full (${detail}); new samples are dropped.`,
    unwritable: `History file ${file} cannot be written (${detail}); check its folder and permissions.`,
    "newer-schema": `History file ${file} cannot be used: ${raw}.`,
    other: `History file ${file} failed (${detail}).`,
  };
  return { kind, code, message: `${lead[kind]} ${RECOVERY}` };
}
