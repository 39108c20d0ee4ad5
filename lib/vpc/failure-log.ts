import "server-only";

import { logger } from "@/lib/server/log";

import { VpcError } from "./errors";

interface Episode {
  kind: string;
  /** Failed reads of this key since the episode's first, logged one line. */
  repeats: number;
}

function kindOf(error: unknown): string {
  return error instanceof VpcError ? error.kind : "unknown";
}

/**
 * Logs VPC read failures once per episode and key: the first failure of a kind at warn (info for
 * a missing ENI, an expected drift outcome), repeats at debug, and one line when a read succeeds
 * again. NOTE: an outage of the whole VPC API still logs one line per figure key.
 */
export class VpcFailureLog {
  private readonly episodes = new Map<string, Episode>();

  failed(key: string, error: unknown, retryInMs: number): void {
    const kind = kindOf(error);
    const episode = this.episodes.get(key);
    const fields =
      error instanceof VpcError
        ? error.toJSON()
        : { message: error instanceof Error ? error.message : String(error) };
    if (episode?.kind === kind) {
      episode.repeats += 1;
      logger.debug({ component: "vpc", key, retryInMs, error: fields }, "VPC read failed again");
      return;
    }
    this.episodes.set(key, { kind, repeats: 0 });
    const level = kind === "not-found" ? "info" : "warn";
    logger[level]({ component: "vpc", key, retryInMs, error: fields }, "VPC read failed");
  }

  succeeded(key: string): void {
    const episode = this.episodes.get(key);
    if (!episode) return;
    this.episodes.delete(key);
    logger.info(
      { component: "vpc", key, kind: episode.kind, failedReads: episode.repeats + 1 },
      "VPC read recovered",
    );
  }
}
