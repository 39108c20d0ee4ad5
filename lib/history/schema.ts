import "server-only";

import type Database from "better-sqlite3";

import { RESOLUTIONS, VALUE_COLUMNS } from "./types";

const valueColumns = Array.from({ length: VALUE_COLUMNS }, (_, i) => `v${i} REAL`).join(", ");

/**
 * Schema migrations, applied in order. `PRAGMA user_version` records how many have run, so a
 * file written by an older build is upgraded in place and never rebuilt. Append only: never
 * edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: series, one table per resolution, rollup watermarks.
  [
    `CREATE TABLE series (
       id INTEGER PRIMARY KEY,
       kind TEXT NOT NULL,
       key TEXT NOT NULL,
       UNIQUE (kind, key)
     )`,
    // Time in epoch seconds keeps the integer small on disk; the key orders rows per series.
    ...RESOLUTIONS.map(
      (resolution) =>
        `CREATE TABLE ${resolution.table} (
           series_id INTEGER NOT NULL,
           t INTEGER NOT NULL,
           ${valueColumns},
           PRIMARY KEY (series_id, t)
         ) WITHOUT ROWID`,
    ),
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  ].join(";\n"),
  // 2: the change feed. The fingerprint makes re-reading ENI changelogs after a restart a no-op.
  [
    `CREATE TABLE changes (
       id INTEGER PRIMARY KEY,
       time TEXT NOT NULL,
       kind TEXT NOT NULL,
       origin TEXT NOT NULL,
       node TEXT, eni TEXT, subnet TEXT, ip TEXT, pod TEXT,
       summary TEXT NOT NULL,
       level TEXT,
       fingerprint TEXT NOT NULL UNIQUE
     )`,
    "CREATE INDEX changes_time ON changes (time, id)",
    "CREATE INDEX changes_node ON changes (node, time)",
    "CREATE INDEX changes_eni ON changes (eni, time)",
    "CREATE INDEX changes_subnet ON changes (subnet, time)",
  ].join(";\n"),
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database up to SCHEMA_VERSION, each migration in its own transaction. Throws on a
 * file from a newer build, which this build must not write.
 */
export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `history schema version ${current} is newer than this build's ${SCHEMA_VERSION}; ` +
        "upgrade the dashboard or point HISTORY_DB at another file",
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version += 1) {
    const step = db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? "");
      db.pragma(`user_version = ${version + 1}`);
    });
    step();
  }
}
