// Token-bucket rate limiter with a FIFO queue of waiters. Uses Date.now and setTimeout, so tests
// can drive it with fake timers.

export class TokenBucket {
  private tokens: number;
  private lastRefill = Date.now();
  private readonly waiters: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param ratePerSecond tokens added per second (must be > 0)
   * @param capacity most tokens stored, i.e. the burst size (at least 1)
   */
  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError(`invalid rate ${ratePerSecond}: must be > 0`);
    if (!(capacity >= 1)) throw new RangeError(`invalid burst ${capacity}: must be >= 1`);
    this.tokens = capacity;
  }

  /** Resolves when a token is available, in call order. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.drain();
    });
  }

  private refill(): void {
    const now = Date.now();
    const added = ((now - this.lastRefill) / 1000) * this.ratePerSecond;
    this.tokens = Math.min(this.capacity, this.tokens + added);
    this.lastRefill = now;
  }

  private drain(): void {
    this.refill();
    while (this.waiters.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiters.shift()?.();
    }
    if (this.waiters.length === 0 || this.timer) return;

    const waitMs = Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, waitMs);
  }
}
