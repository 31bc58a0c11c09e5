# syntax=docker/dockerfile:1
# Toolgate: `docker build -t toolgate .` then `docker run -p 3000:3000 -v toolgate-data:/data toolgate`
# (embedded database in the volume) or with DATABASE_URL + TOOLGATE_SECRET_KEY (docs/deployment.md).

# ---- build: every dependency (dev ones too), then the dist/ folders of each package ----
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/receiver/package.json packages/receiver/
COPY packages/server/package.json packages/server/
COPY packages/admin-ui/package.json packages/admin-ui/
COPY examples/package.json examples/
# --ignore-scripts: the root "prepare" script builds, which needs the sources copied below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY packages/ packages/
RUN npm run build

# ---- runtime: production dependencies only, plus the built dist/ of each package ----
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    TOOLGATE_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/receiver/package.json packages/receiver/
COPY packages/server/package.json packages/server/
COPY packages/admin-ui/package.json packages/admin-ui/
COPY examples/package.json examples/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/packages/receiver/dist packages/receiver/dist
COPY --from=build /app/packages/server/dist packages/server/dist
COPY --from=build /app/packages/server/bin packages/server/bin
COPY --from=build /app/packages/admin-ui/dist packages/admin-ui/dist
# The embedded database (and its secret.key) live here; unused with DATABASE_URL.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# No curl in the slim image: node itself asks /readyz on loopback (HOST=0.0.0.0 includes it).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "packages/server/bin/toolgate.js", "start"]
