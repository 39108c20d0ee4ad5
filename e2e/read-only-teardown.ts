import { control, type RecordedRequest } from "./control";

/**
 * Fails the run when the dashboard sent the demo cluster anything but GET during the whole suite:
 * the product must be read-only by construction.
 */
export default async function readOnlyTeardown(): Promise<void> {
  const requests = await control<RecordedRequest[]>("/requests");
  const writes = requests.filter((request) => request.method !== "GET");
  console.log(
    `read-only check: ${requests.length} requests to the demo cluster, ${writes.length} not GET`,
  );
  if (requests.length === 0)
    throw new Error("read-only check: the demo cluster recorded no request at all");
  if (writes.length > 0) {
    const sample = writes.slice(0, 5).map((request) => `${request.method} ${request.path}`);
    throw new Error(`the dashboard sent non-GET requests to the cluster: ${sample.join(", ")}`);
  }
}
