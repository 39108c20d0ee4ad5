import http from "node:http";

export const TABLE_ACCEPT =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** GETs a path of the demo server (or uses `method`) and parses the JSON body. */
export async function request(
  baseUrl: string,
  path: string,
  opts: { token?: string | null; accept?: string; method?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? "demo-token"}`;
  if (opts.accept) headers.accept = opts.accept;
  const res = await fetch(baseUrl + path, { method: opts.method ?? "GET", headers });
  const text = await res.text();
  return { status: res.status, headers: Object.fromEntries(res.headers), body: JSON.parse(text) };
}

export interface WatchEvent {
  type: string;
  object: Record<string, unknown> & { metadata?: Record<string, unknown> };
}

/** An open watch stream that collects the events it receives. */
export interface WatchStream {
  events: WatchEvent[];
  /** Resolves once `predicate` holds for the collected events, or rejects after `timeoutMs`. */
  until(predicate: (events: WatchEvent[]) => boolean, timeoutMs?: number): Promise<WatchEvent[]>;
  /** Resolves when the server ends the stream; `aborted` is true when it ended without a final chunk. */
  ended: Promise<{ aborted: boolean }>;
  close(): void;
}

export function openWatch(baseUrl: string, path: string, accept?: string): Promise<WatchStream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: "Bearer demo-token" };
    if (accept) headers.accept = accept;
    const req = http.get(baseUrl + path, { headers }, (res) => {
      const events: WatchEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let newline = buffer.indexOf("\n");
        while (newline >= 0) {
          events.push(JSON.parse(buffer.slice(0, newline)) as WatchEvent);
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf("\n");
        }
        for (const wake of waiters) wake();
      });
      const ended = new Promise<{ aborted: boolean }>((done) => {
        res.on("end", () => done({ aborted: false }));
        res.on("aborted", () => done({ aborted: true }));
        res.on("error", () => done({ aborted: true }));
      });
      resolve({
        events,
        ended,
        close: () => req.destroy(),
        until: (predicate, timeoutMs = 5000) =>
          new Promise((done, fail) => {
            const check = (): void => {
              if (!predicate(events)) return;
              waiters.delete(check);
              clearTimeout(timer);
              done(events);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(
                new Error(
                  `watch condition not met in ${timeoutMs} ms: ${JSON.stringify(events.map((e) => e.type))}`,
                ),
              );
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      });
    });
    req.on("error", reject);
  });
}
