// Starts Linli: services (database migrated, demo loaded) + HTTP. Used by `linli serve` and by tests.
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import { stopRunningBackups } from "../app/backup/run.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { type Config, loadConfig } from "../app/core/config.server.ts";
import { startHousekeeping } from "../app/core/housekeeping.server.ts";
import type { Services } from "../app/core/services.server.ts";
import { startNoticeWorker } from "../app/notify/worker.server.ts";
import { PERSON_TABLE_KEY } from "../app/schema/builtin/person-table.ts";
import { markInterruptedJobs, stopRunningJobs } from "../app/transfer/jobs.server.ts";
import { createHttpApp } from "./http.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface RunningServer {
  services: Services;
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  options: {
    config?: Config;
    dev?: boolean;
    host?: string;
    /** Load the people replica at start (default: except under NODE_ENV=test, where it opens on first use). */
    warmReplica?: boolean;
  } = {},
): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const services = await createServices(config);
  // Jobs a stopped process left running are reported as interrupted, with their committed prefix.
  const interrupted = await markInterruptedJobs(services);
  if (interrupted)
    services.log.warn({ jobs: interrupted }, "import/export jobs were interrupted by a restart");
  // The query engine's replica of the people table loads in the background (from its snapshot when there
  // is one); the registry logs how long it took. Requests that need it meanwhile wait for it.
  if (options.warmReplica ?? config.env !== "test")
    services.analytics
      .replica(PERSON_TABLE_KEY)
      .catch((error) => services.log.error({ err: error }, "the people replica failed to load"));
  const http = options.dev ? await devApp(services) : prodApp(services);
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(config.port, options.host ?? "0.0.0.0", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  services.log.info({ url, database: services.database.describe }, "Linli is serving");
  const stopHousekeeping = startHousekeeping(services);
  // Mass notices: the queue is in the database, so any process may send; each message goes out once.
  const notices = services.config.noticeWorker ? startNoticeWorker(services) : null;
  return {
    services,
    server,
    url,
    async close() {
      stopHousekeeping();
      // The batches being sent finish and are recorded: nothing is left half-sent by a restart.
      await notices?.stop();
      await stopRunningJobs();
      // A backup under way stops and is marked interrupted (its partial file removed).
      await stopRunningBackups();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Writes the replicas' snapshots when they changed, before the database goes.
      await services.analytics.close();
      await services.database.close();
    },
  };
}

function prodApp(services: Services) {
  const serverEntry = path.join(ROOT, "build/server/index.js");
  if (!fs.existsSync(serverEntry)) {
    throw new Error("No build found: run `npm run build` first (npm start does it for you).");
  }
  const build = import(pathToFileURL(serverEntry).href) as Promise<ServerBuild>;
  return createHttpApp(services, {
    build: () => build,
    mode: "production",
    clientDir: path.join(ROOT, "build/client"),
  });
}

async function devApp(services: Services) {
  const vite = await import("vite");
  const devServer = await vite.createServer({ root: ROOT, server: { middlewareMode: true } });
  return createHttpApp(services, {
    build: () => devServer.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
    mode: "development",
    before: devServer.middlewares,
  });
}
