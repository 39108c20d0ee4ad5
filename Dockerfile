# syntax=docker/dockerfile:1
# Image of the dashboard: the Next.js standalone server behind the checked launcher.
# Build: docker build -t REGISTRY/cce-ip-dashboard:TAG .   (see docs/operations.md)

ARG NODE_IMAGE=node:20-bookworm-slim

# Dependencies, including better-sqlite3's native addon. Its install script tries a prebuilt
# binary first and compiles from source when none fits, which needs python3, make and g++.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund \
  && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY . .
RUN npx next build
# The launcher is bundled to plain JavaScript, so the runtime image needs no tsx or TypeScript.
RUN npx esbuild scripts/start.ts --bundle --platform=node --target=node20 --format=cjs \
    --packages=external --outfile=.next/standalone/start.js
# Standalone output leaves out static assets and public/; the server expects them beside it.
RUN cp -r .next/static .next/standalone/.next/static \
  && cp -r public .next/standalone/public
# File tracing can miss better-sqlite3's addon (it is loaded through `bindings`), so the package
# and its loader are copied whole, then stripped of the sources and objects used to compile it.
RUN for dep in better-sqlite3 bindings file-uri-to-path; do \
      rm -rf ".next/standalone/node_modules/$dep" \
      && cp -r "node_modules/$dep" ".next/standalone/node_modules/$dep"; \
    done \
  && cd .next/standalone/node_modules/better-sqlite3 \
  && rm -rf deps src build/deps build/Release/obj build/Release/obj.target build/Release/.deps \
    build/Release/test_extension.node build/Release/*.a \
  && test -f build/Release/better_sqlite3.node

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# The launcher reads NEXT_OUTPUT to pick server.js; HOST stays loopback unless the operator sets
# it together with AUTH_MODE (the Kubernetes manifests do).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone \
    HOST=127.0.0.1 PORT=3000 HISTORY_DB=/data/history.db
COPY --from=build --chown=0:0 /app/.next/standalone ./
# Fails the build here, not at the first request, if the addon does not load on this base image.
RUN node -e "require('./node_modules/better-sqlite3')(':memory:').close()"
# /data holds the history file and /tmp scratch space; both are volumes in Kubernetes, so the
# root filesystem can be read-only.
RUN mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
EXPOSE 3000
VOLUME ["/data"]
CMD ["node", "start.js"]
