# syntax=docker/dockerfile:1
#
# One image recipe for all five Convene services. Pick the service at build time:
#   docker build --build-arg SERVICE=police -t convene/police .
# (docker-compose.yml does this for every service.)

FROM node:20-bookworm-slim AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# ---------------------------------------------------------------------------
# build: install everything (TypeScript is a dev dependency) and compile every
# workspace to dist/. The package.json files come first so `npm ci` stays
# cached until a manifest or the lock file changes.
FROM base AS build
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY services/police/package.json services/police/
COPY services/cps/package.json services/cps/
COPY services/health/package.json services/health/
COPY services/advocacy/package.json services/advocacy/
COPY services/conference/package.json services/conference/
COPY web/package.json web/
COPY tests/package.json tests/
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.base.json ./
COPY shared/ shared/
COPY services/ services/
COPY web/ web/
# shared is the first workspace, so its dist/ (and .d.ts files) exist before the services compile.
RUN npm run build
# The conference serves the web UI (web/, its own package), built with Vite, a dev dependency present in this
# stage only.
RUN npm run web:build

# ---------------------------------------------------------------------------
# runtime: one service, compiled JavaScript and production dependencies only.
FROM base AS runtime
ARG SERVICE
RUN case "${SERVICE}" in \
      police|cps|health|advocacy|conference) ;; \
      *) echo "build with --build-arg SERVICE=police|cps|health|advocacy|conference (got '${SERVICE}')" >&2; exit 1 ;; \
    esac
ENV NODE_ENV=production HOST=0.0.0.0 SERVICE=${SERVICE}

# npm ci needs the root manifest (it declares the workspaces) and the lock file.
# Every workspace manifest is copied so the lock file validates against the same
# tree it was written for; --workspace then installs only this service's
# dependency closure: @convene/shared (linked as node_modules/@convene/shared ->
# ../../shared) and the registry packages it and the service need. The root's
# own dependencies are all dev tools, so --include-workspace-root=false and
# --omit=dev keep TypeScript, vitest, tsx and yaml out of the image.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY services/police/package.json services/police/
COPY services/cps/package.json services/cps/
COPY services/health/package.json services/health/
COPY services/advocacy/package.json services/advocacy/
COPY services/conference/package.json services/conference/
COPY web/package.json web/
COPY tests/package.json tests/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=@convene/${SERVICE} --include-workspace-root=false

# Without the `source` condition Node resolves @convene/shared's exports to dist/*.js.
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/services/${SERVICE}/dist services/${SERVICE}/dist
# The built web UI: static files, served by the conference (other services never read it).
COPY --from=build /app/web/dist web/dist

# Files stay root-owned and read-only to the service.
USER node

# PORT comes from the environment (docker-compose.yml sets it); without it the
# service listens on its schema default, which the check reads from the same config module.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "--input-type=module", "-e", "const { configShape } = await import(`/app/services/${process.env.SERVICE}/dist/config.js`); const port = configShape.PORT.parse(process.env.PORT); const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) }).catch(() => null); process.exit(res?.ok ? 0 : 1);"]

# exec: node runs as PID 1 and receives SIGTERM itself for a graceful shutdown.
CMD ["sh", "-c", "exec node \"services/${SERVICE}/dist/main.js\""]
