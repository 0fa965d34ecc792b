// Running the `linli` command as an operator would, in a child process against a test's database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Config } from "../../app/core/config.server.ts";

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, "../../bin/linli.js");

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** `linli …args` on the database and keys of `config`; never throws, the exit code says how it went. */
export function linliCommand(config: Config) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LINLI_DATA_DIR: config.dataDir,
    DATABASE_URL: config.databaseUrl,
    LINLI_SECRET_KEY: config.secretKey,
    LOG_LEVEL: "silent",
  };
  return async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, out: err.stdout, err: err.stderr };
    }
  };
}
