import type { Metadata } from "next";

import { NodeDetailView } from "@/components/nodes/node-detail-view";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Node ${decodeURIComponent(name)}` };
}

export default async function NodePage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">
        Node <span className="font-mono">{name}</span>
      </h1>
      <NodeDetailView name={name} />
    </div>
  );
}
