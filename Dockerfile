# story-bot in a container: built with the development tools, run by plain node with production
# dependencies only. Installs use `npm ci`, as CI does (.ci/run); `npm test` is CI's job, not the image's.
#   docker compose up -d        (compose.yaml: .env, the state volume, /healthz on 127.0.0.1:8080)

# better-sqlite3 downloads a prebuilt binary, or compiles one where none fits: keep a toolchain.
FROM node:20-slim AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

# TypeScript -> dist/ (npm run build type-checks too).
FROM toolchain AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Production dependencies only: no TypeScript, tsx, test or lint tools in the image.
FROM toolchain AS production-dependencies
RUN npm ci --omit=dev

FROM node:20-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    STATE_DIR=/app/state \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The story's data, owned by the bot's user so that /reload file: can replace a file.
COPY --chown=node:node data ./data
RUN mkdir -p /app/state && chown node:node /app/state
# The question log (SQLite) outlives the container.
VOLUME ["/app/state"]
# node:20-slim's unprivileged user.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 (no npm, no shell): SIGTERM from `docker stop` reaches the bot, which finishes its
# replies, closes the gateway and the question log, and exits 0 within 5 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
