import type { Metadata } from "next";
import { Suspense } from "react";

import { SearchResults } from "@/components/search/search-results";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Search" };

export default function SearchPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Search</h1>
      <Suspense fallback={<LoadingState label="Searching…" />}>
        <SearchResults />
      </Suspense>
    </div>
  );
}
