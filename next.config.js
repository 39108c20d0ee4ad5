// Same values as STATIC_SECURITY_HEADERS in lib/server/security-headers.ts, which proxy.ts sets on
// pages and API responses. These cover /_next/static files, which proxy.ts does not run for.
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image runs the standalone server; `next start` (demo, tests) needs the default.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // Compression is left to the ingress or reverse proxy in front (nginx and most ingress
  // controllers gzip by default). Gzipping the 1.8 MB list of 5,000 nodes here cost about 25 ms
  // of CPU per request, the largest part of its latency, for every polling viewer.
  compress: false,
  // Lets parallel builds (several e2e runs on one machine) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@kubernetes/client-node", "better-sqlite3", "pino", "prom-client"],
  // `npm run typecheck` checks the whole tree in CI; checking again inside the build only adds time.
  typescript: { ignoreBuildErrors: true },
  // The history store resolves its file from the working directory, so tracing pulls in the whole
  // project; none of these files is read at run time, and data/ may hold a local history file.
  outputFileTracingExcludes: {
    "/**": [
      "./data/**",
      "./.demo/**",
      "./cache/**",
      "./{app,components,e2e,lib,scripts,docs,deploy,public}/**",
      "./{playwright-report,test-results}/**",
      "./*.{ts,mts,mjs,md,tsbuildinfo}",
      "./{Dockerfile,package-lock.json,tsconfig.json,next.config.js}",
    ],
  },
  async headers() {
    return [{ source: "/_next/static/:path*", headers: staticSecurityHeaders }];
  },
};

module.exports = nextConfig;
