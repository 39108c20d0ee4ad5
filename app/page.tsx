import { OverviewView } from "@/components/overview/overview-view";

export default function OverviewPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Overview</h1>
      <OverviewView />
    </div>
  );
}
