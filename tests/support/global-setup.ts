// Builds the app once before tests that serve it over HTTP, unless a build newer than the sources exists.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.includes(".test.")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export default function setup() {
  // Set when only pure unit tests run and no test serves the app over HTTP.
  if (process.env.LINLI_SKIP_BUILD === "1") return;
  const entry = path.join(ROOT, "build/server/index.js");
  const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  if (built > newestMtime(path.join(ROOT, "app"))) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/@react-router/dev/bin.js"), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}
