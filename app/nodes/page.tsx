import type { Metadata } from "next";
import { Suspense } from "react";

import { NodesView } from "@/components/nodes/nodes-view";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Nodes" };

export default function NodesPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Nodes</h1>
      <Suspense fallback={<LoadingState label="Loading nodes…" />}>
        <NodesView />
      </Suspense>
    </div>
  );
}
