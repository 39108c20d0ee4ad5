import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { AppHeader } from "@/components/app-header";

import { Providers } from "./providers";

// Every page renders per request, so Next.js can put the CSP nonce from proxy.ts on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "CCE IP pools", template: "%s · CCE IP pools" },
  description: "Pod IP pools, ENIs and subnets of a Baidu Cloud CCE cluster, read-only.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers>
          <AppHeader />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
