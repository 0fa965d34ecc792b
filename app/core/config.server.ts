// Configuration from the environment. Every variable is listed in the README's configuration table.
import path from "node:path";

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string;
  demo: boolean;
  /** Hex master key from LINLI_SECRET_KEY; when absent one is generated into the data dir. */
  secretKey: string | undefined;
  /** Minutes a staff session may sit idle before it ends. */
  staffIdleMinutes: number;
  /** Days a resident session lasts without use. */
  residentIdleDays: number;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  /** Days a deleted record stays restorable in the recycle bin. */
  recycleDays: number;
  /** How many generated people the demo street office starts with. */
  demoPeople: number;
  logLevel: string;
  env: "production" | "development" | "test";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.LINLI_DATA_DIR || "./data");
  return {
    port: intFrom(env.PORT, 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL || path.join(dataDir, "linli.db"),
    demo: env.LINLI_DEMO !== "0" && env.LINLI_DEMO !== "false",
    secretKey: env.LINLI_SECRET_KEY || undefined,
    staffIdleMinutes: intFrom(env.LINLI_STAFF_IDLE_MINUTES, 30),
    residentIdleDays: intFrom(env.LINLI_RESIDENT_IDLE_DAYS, 30),
    trustProxy: env.LINLI_TRUST_PROXY === "1" || env.LINLI_TRUST_PROXY === "true",
    recycleDays: intFrom(env.LINLI_RECYCLE_DAYS, 30),
    demoPeople: env.LINLI_DEMO_PEOPLE === "0" ? 0 : intFrom(env.LINLI_DEMO_PEOPLE, 2000),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === "test" ? "warn" : "info"),
    env: env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development",
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}
