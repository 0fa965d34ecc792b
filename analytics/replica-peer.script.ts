// A second app process for the multi-process test (multi-process.test.ts): its own services and its own
// people replica on the database named in LINLI_PEER_DATABASE_URL, driven by JSON lines on stdin.
//   {"op":"create","name":…,"mobile":…}  saves a person here         → {"id":…,"systemId":…}
//   {"op":"read","id":…}                  the record in this replica → {"found":…,"mobile":…,"colour":…}
// Prints {"ready":true} once the replica is loaded and following. Run with `node --import tsx`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Caller } from "../app/core/services.server.ts";
import { createRecord } from "../app/people/records/write.server.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-peer-"));
const services = await createServices({
  ...loadConfig({ NODE_ENV: "test" }),
  dataDir,
  databaseUrl: process.env.LINLI_PEER_DATABASE_URL!,
  secretKey: process.env.LINLI_PEER_SECRET_KEY!,
  demo: false,
  logLevel: "silent",
});
const actor = await loadActorByUsername(services.db, "fengsheng");
const caller: Caller = { actor: actor!, ip: null, via: "cli" };
await services.analytics.replica("people");
const say = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
say({ ready: true });

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const message = JSON.parse(line) as { op: string; id?: number; name?: string; mobile?: string };
  try {
    if (message.op === "create") {
      const saved = await createRecord(services, caller, "people", {
        values: { name: message.name, mobile: message.mobile },
      });
      say({ id: saved.id, systemId: saved.systemId });
    } else if (message.op === "read") {
      const current = await services.analytics.replica("people");
      const rows = (
        await current.connection.runAndReadAll(
          `SELECT r.mobile, m.colour FROM records r LEFT JOIN marks m ON m.record_id = r.id WHERE r.id = $id`,
          { id: message.id! },
        )
      ).getRowObjectsJS();
      say({ found: rows.length > 0, mobile: rows[0]?.mobile ?? null, colour: rows[0]?.colour ?? null });
    }
  } catch (error) {
    say({ error: (error as Error).message });
  }
}
await services.analytics.close();
await services.database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
