import type { Metadata } from "next";
import { Suspense } from "react";

import { ChangesView } from "@/components/changes/changes-view";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Changes" };

export default function ChangesPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Changes</h1>
      <Suspense fallback={<LoadingState label="Loading changes…" />}>
        <ChangesView />
      </Suspense>
    </div>
  );
}
