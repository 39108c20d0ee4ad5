import type { Metadata } from "next";
import { Suspense } from "react";

import { EnisView } from "@/components/enis/enis-view";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "ENIs" };

export default function EnisPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">ENIs</h1>
      <Suspense fallback={<LoadingState label="Loading ENIs…" />}>
        <EnisView />
      </Suspense>
    </div>
  );
}
