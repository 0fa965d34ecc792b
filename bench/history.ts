// The benchmark's record history: about five version rows per person, so statistics as of a past date
// are measured on the history a street office builds up over a few years. The people arrive over three
// years (their create versions are spread from three to one year ago), then each gets four changes of
// everyday fields — 政治面貌, 特殊人群, 婚姻状况, 文化程度, 住房面积, 备注 — at times spread over the last
// year, and one in fifty is deleted (one in four of those restored). Written straight into
// record_versions in large batches: the engine reads only what those rows say.
import { sql } from "kysely";
import type { Services } from "../app/core/services.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";

const DAY = 86_400_000;
const EXTRA_PER_PERSON = 4;
const BATCH = 2_000;

/** Adds the history when the people have only their create versions; returns how many rows it wrote. */
export async function ensureHistory(services: Services, log?: (line: string) => void): Promise<number> {
  const table = await loadTable(services.db, "people");
  const counts = await services.db
    .selectFrom("record_versions")
    .select((eb) => [eb.fn.countAll<number>().as("n")])
    .where("table_id", "=", table.id)
    .executeTakeFirstOrThrow();
  const people = await services.db
    .selectFrom("records")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("table_id", "=", table.id)
    .executeTakeFirstOrThrow();
  if (Number(counts.n) >= Number(people.n) * 3) {
    await alignCreatedAt(services, table.id);
    return 0;
  }

  const now = Date.now();
  const first = now - 3 * 365 * DAY;
  const spread = 2 * 365 * DAY;
  const createdAt = (id: number) => first + ((id * 7919) % spread);
  const start = performance.now();
  // One statement for every create version; the same arithmetic as createdAt().
  await sql`UPDATE record_versions SET at = ${first} + ((record_id * 7919) % ${spread})
             WHERE table_id = ${table.id} AND kind = 'create'`.execute(services.db);
  let written = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await services.db
        .selectFrom("records")
        .select("id")
        .where("table_id", "=", table.id)
        .where("id", ">", after)
        .orderBy("id")
        .limit(BATCH)
        .execute()
    ).map((r) => Number(r.id));
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    const rows = ids.flatMap((id) => versionsOf(id, table.id, createdAt(id), now));
    await services.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto("record_versions")
          .values(rows.slice(i, i + 500))
          .execute();
    });
    written += rows.length;
    if (written % 400_000 < rows.length) log?.(`  history: ${written.toLocaleString("en")} version rows`);
  }
  await alignCreatedAt(services, table.id);
  log?.(
    `  history: ${written.toLocaleString("en")} version rows in ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
  return written;
}

/** Each record's created_at is its create version's time, as a real save writes them (the store's as-of reads it). */
async function alignCreatedAt(services: Services, tableId: number): Promise<void> {
  const first = await services.db
    .selectFrom("records")
    .innerJoin("record_versions", (join) =>
      join.onRef("record_versions.record_id", "=", "records.id").on("record_versions.kind", "=", "create"),
    )
    .select(["records.created_at", "record_versions.at"])
    .where("records.table_id", "=", tableId)
    .orderBy("records.id")
    .limit(1)
    .executeTakeFirst();
  if (!first || Number(first.created_at) === Number(first.at)) return;
  await sql`UPDATE records SET created_at = (SELECT v.at FROM record_versions v
              WHERE v.record_id = records.id AND v.kind = 'create')
             WHERE table_id = ${tableId}`.execute(services.db);
}

const POLITICAL = ["01", "03", "12", "13"];
const SPECIAL = [[], ["01"], ["02"], ["04"], ["01", "03"], ["05"]];
const MARITAL = ["10", "20", "30", "40"];
const EDUCATION = ["10", "20", "30", "60", "70", "80"];

function versionsOf(id: number, tableId: number, created: number, now: number) {
  const out = [];
  const yearAgo = now - 365 * DAY;
  const pick = <T>(list: readonly T[], salt: number) => list[(id * 31 + salt * 17) % list.length]!;
  for (let k = 1; k <= EXTRA_PER_PERSON; k++) {
    const at = Math.max(created + DAY, yearAgo + ((id * 104_729 + k * 7_919_000) % (365 * DAY)));
    const changes = [
      [{ field: "politicalStatus", old: pick(POLITICAL, k), new: pick(POLITICAL, k + 1) }],
      [{ field: "specialGroups", old: pick(SPECIAL, k), new: pick(SPECIAL, k + 1) }],
      [
        { field: "maritalStatus", old: pick(MARITAL, k), new: pick(MARITAL, k + 1) },
        { field: "education", old: pick(EDUCATION, k), new: pick(EDUCATION, k + 1) },
      ],
      [
        { field: "floorArea", old: 40 + ((id + k) % 80), new: 41 + ((id + k) % 80) },
        { field: "notes", old: null, new: `第${k}次走访` },
      ],
    ][k - 1]!;
    out.push({
      record_id: id,
      table_id: tableId,
      version: k + 1,
      kind: "update" as const,
      changes: JSON.stringify(changes),
      user_id: null,
      at,
    });
  }
  // A few leave (deleted) and some of them come back; the records themselves stay as they are, so the
  // store and the history disagree for those — the engine's figures are what is measured here.
  if (id % 50 === 0) {
    const at = now - ((id * 13) % (300 * DAY));
    out.push({
      record_id: id,
      table_id: tableId,
      version: 6,
      kind: "delete" as const,
      changes: "[]",
      user_id: null,
      at,
    });
    if (id % 200 === 0)
      out.push({
        record_id: id,
        table_id: tableId,
        version: 7,
        kind: "restore" as const,
        changes: "[]",
        user_id: null,
        at: at + DAY,
      });
  }
  return out;
}
