import { control, type RecordedRequest } from "./control";

function checkReadOnly(target: string, requests: RecordedRequest[]): void {
  const writes = requests.filter((request) => request.method !== "GET");
  console.log(
    `read-only check: ${requests.length} requests to the ${target}, ${writes.length} not GET`,
  );
  if (requests.length === 0)
    throw new Error(`read-only check: the ${target} recorded no request at all`);
  if (writes.length > 0) {
    const sample = writes.slice(0, 5).map((request) => `${request.method} ${request.path}`);
    throw new Error(`the dashboard sent non-GET requests to the ${target}: ${sample.join(", ")}`);
  }
}

/**
 * Fails the run when the dashboard sent the demo cluster or the VPC stand-in anything but GET
 * during the whole suite: the product must be read-only by construction.
 */
export default async function readOnlyTeardown(): Promise<void> {
  checkReadOnly("demo cluster", await control<RecordedRequest[]>("/requests"));
  checkReadOnly("VPC stand-in", await control<RecordedRequest[]>("/vpc/requests"));
}
