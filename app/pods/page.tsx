import type { Metadata } from "next";
import { Suspense } from "react";

import { PodsView } from "@/components/pods/pods-view";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Pending pods" };

export default function PodsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Pods waiting for an IP</h1>
      <Suspense fallback={<LoadingState label="Loading pending pods…" />}>
        <PodsView />
      </Suspense>
    </div>
  );
}
