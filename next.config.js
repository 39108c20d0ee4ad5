/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  serverExternalPackages: ["@kubernetes/client-node", "better-sqlite3", "pino", "prom-client"],
};

module.exports = nextConfig;
