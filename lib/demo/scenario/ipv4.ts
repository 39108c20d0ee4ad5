export function ipToInt(ip: string): number {
  const parts = ip.split(".").map(Number);
  if (
    parts.length !== 4 ||
    parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)
  ) {
    throw new Error(`invalid IPv4 address "${ip}"`);
  }
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export function isIPv4(value: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(value);
}

/** First and last address of a CIDR such as 10.0.16.0/20, as integers. */
export function cidrRange(cidr: string): { first: number; last: number } {
  const [base = "", bits = ""] = cidr.split("/");
  const prefix = Number(bits);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(ipToInt(base) / size) * size;
  return { first, last: first + size - 1 };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { first, last } = cidrRange(cidr);
  const value = ipToInt(ip);
  return value >= first && value <= last;
}

/**
 * Hands out consecutive addresses of one subnet, skipping the network and broadcast address
 * and any address ending in .0 or .255 so generated IPs look like ordinary host addresses.
 */
export class SubnetAllocator {
  private cursor: number;
  private readonly last: number;
  allocated = 0;

  constructor(
    readonly cidr: string,
    startAt: string,
  ) {
    this.cursor = ipToInt(startAt);
    this.last = cidrRange(cidr).last - 1;
  }

  /** Number of addresses still available, an upper bound because of the skipped octets. */
  remaining(): number {
    return Math.max(0, this.last - this.cursor + 1);
  }

  next(): string {
    while (this.cursor % 256 === 0 || this.cursor % 256 === 255) this.cursor++;
    if (this.cursor > this.last) throw new Error(`subnet ${this.cidr} has no addresses left`);
    this.allocated++;
    return intToIp(this.cursor++);
  }

  take(count: number): string[] {
    return Array.from({ length: count }, () => this.next());
  }
}
