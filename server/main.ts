// Starts Linli: services (database migrated, demo loaded) + HTTP. Used by `linli serve` and by tests.
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import { createServices } from "../app/core/boot.server.ts";
import { type Config, loadConfig } from "../app/core/config.server.ts";
import { startHousekeeping } from "../app/core/housekeeping.server.ts";
import type { Services } from "../app/core/services.server.ts";
import { createHttpApp } from "./http.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface RunningServer {
  services: Services;
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  options: { config?: Config; dev?: boolean; host?: string } = {},
): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const services = await createServices(config);
  const http = options.dev ? await devApp(services) : prodApp(services);
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(config.port, options.host ?? "0.0.0.0", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  services.log.info({ url, database: services.database.describe }, "Linli is serving");
  const stopHousekeeping = startHousekeeping(services);
  return {
    services,
    server,
    url,
    async close() {
      stopHousekeeping();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
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
