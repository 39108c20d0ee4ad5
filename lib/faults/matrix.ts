/**
 * Records the outcome of each fault-matrix row as its checks pass, and prints the rows as a
 * table. A row whose test failed part-way shows "FAIL" for the checks it never reached.
 */

/** A check's outcome: passed, failed (or not reached), or not applicable with a reason. */
export type CheckOutcome = "yes" | "FAIL" | `n/a: ${string}`;

export interface MatrixRow {
  row: string;
  served: CheckOutcome;
  staleMarked: CheckOutcome;
  recovered: CheckOutcome;
  loggedOnce: CheckOutcome;
}

type Check = Exclude<keyof MatrixRow, "row">;

export class FaultMatrix {
  private readonly rows: MatrixRow[] = [];

  constructor(private readonly title: string) {}

  /** Starts a row with every check failed; call pass() or skip() as each check succeeds. */
  row(name: string): { pass(check: Check): void; skip(check: Check, reason: string): void } {
    const row: MatrixRow = {
      row: name,
      served: "FAIL",
      staleMarked: "FAIL",
      recovered: "FAIL",
      loggedOnce: "FAIL",
    };
    this.rows.push(row);
    return {
      pass: (check) => {
        row[check] = "yes";
      },
      skip: (check, reason) => {
        row[check] = `n/a: ${reason}`;
      },
    };
  }

  /** Formats the rows as a fixed-width text table. */
  format(): string {
    const header: Record<keyof MatrixRow, string> = {
      row: "row",
      served: "served",
      staleMarked: "stale-marked",
      recovered: "recovered",
      loggedOnce: "logged once",
    };
    const all = [header, ...this.rows];
    const keys = Object.keys(header) as (keyof MatrixRow)[];
    const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
    const line = (row: Record<keyof MatrixRow, string>) =>
      keys.map((key, index) => row[key].padEnd(widths[index] ?? 0)).join(" | ");
    const rule = widths.map((width) => "-".repeat(width)).join("-|-");
    return [this.title, line(header), rule, ...this.rows.map(line)].join("\n");
  }

  print(): void {
    console.log(`\n${this.format()}\n`);
  }
}
