// The palette of colour marks 颜色标记: each colour of a table with the meaning staff gave it (e.g. #f97316 =
// 重点关注). Seeded lazily on first use; a colour records carry cannot be removed or recoloured.
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { isUniqueViolation } from "../../db/dialect.ts";
import type { DB } from "../../db/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { uniqueTransaction } from "../core/transaction.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** At most this many colours in a palette (a view filters by up to 20 colours). */
export const PALETTE_MAX = 20;

export const colour = z
  .string({ error: "颜色写成 #RRGGBB / Colour as #RRGGBB" })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "颜色写成 #RRGGBB / Colour as #RRGGBB")
  .transform((c) => c.toLowerCase())
  .describe("颜色 #RRGGBB / Colour as #RRGGBB");
const meaning = z
  .string({ error: "请写明颜色的含义 / Say what the colour means" })
  .trim()
  .min(1, "请写明颜色的含义 / Say what the colour means")
  .max(60, "含义最多 60 个字 / At most 60 characters")
  .describe("颜色的含义，如“重点关注” / What the colour means, e.g. 重点关注");
const position = z.number().int().min(0).max(1000).describe("在色板中的位置 / Place in the palette");

export const addColourSchema = z.object({ colour, meaning, position: position.optional() });
export const updateColourSchema = z.object({
  colour: colour.optional(),
  meaning: meaning.optional(),
  position: position.optional(),
});

export interface PaletteColour {
  id: number;
  tableId: number;
  colour: string;
  meaning: string;
  position: number;
}

// ── The palette ────────────────────────────────────────────────────────────────────────────────────

const PEOPLE_PALETTE = [
  { colour: "#ef4444", meaning: "需要帮扶" },
  { colour: "#f97316", meaning: "重点关注" },
  { colour: "#eab308", meaning: "待核实" },
  { colour: "#22c55e", meaning: "已走访" },
  { colour: "#3b82f6", meaning: "已联系" },
  { colour: "#6b7280", meaning: "已迁出" },
];
const GENERIC_PALETTE = [
  { colour: "#f97316", meaning: "重点关注" },
  { colour: "#eab308", meaning: "待核实" },
  { colour: "#22c55e", meaning: "已处理" },
];

/** The colours a table starts with: the people table's own, a short general one for the rest. */
export const defaultPalette = (table: Pick<TableDef, "key">) =>
  table.key === "people" ? PEOPLE_PALETTE : GENERIC_PALETTE;

/**
 * A table gets its default palette the first time anyone reads or writes it. A settings row remembers
 * that it did, so a palette staff emptied on purpose stays empty; two first readers race harmlessly.
 */
export async function ensurePalette(services: Services, table: TableDef): Promise<void> {
  const key = `palette.seeded.${table.id}`;
  const seeded = await services.db
    .selectFrom("settings")
    .select("key")
    .where("key", "=", key)
    .executeTakeFirst();
  if (seeded) return;
  try {
    await services.db.transaction().execute(async (trx) => {
      await trx.insertInto("settings").values({ key, value: "1" }).execute();
      const existing = await trx
        .selectFrom("colour_marks")
        .select("id")
        .where("table_id", "=", table.id)
        .executeTakeFirst();
      if (existing) return;
      await trx
        .insertInto("colour_marks")
        .values(defaultPalette(table).map((c, i) => ({ table_id: table.id, ...c, position: i })))
        .execute();
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

export async function paletteOf(db: Executor, tableId: number): Promise<PaletteColour[]> {
  const rows = await db
    .selectFrom("colour_marks")
    .selectAll()
    .where("table_id", "=", tableId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map(toColour);
}

const toColour = (r: {
  id: number;
  table_id: number;
  colour: string;
  meaning: string;
  position: number;
}) => ({
  id: Number(r.id),
  tableId: Number(r.table_id),
  colour: r.colour,
  meaning: r.meaning,
  position: Number(r.position),
});

export async function listColours(
  services: Services,
  caller: Caller,
  tableKey: string | number,
): Promise<{ table: TableDef; colours: PaletteColour[] }> {
  await authorize(services, caller, "record.read");
  const table = await loadTable(services.db, tableKey);
  await ensurePalette(services, table);
  return { table, colours: await paletteOf(services.db, table.id) };
}

const colourTaken = (c: string) => `色板中已有颜色 ${c} / The palette has ${c} already`;

export async function addColour(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  input: unknown,
): Promise<PaletteColour> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(addColourSchema, input);
  const table = await loadTable(services.db, tableKey);
  await ensurePalette(services, table);
  const id = await uniqueTransaction(services, colourTaken(data.colour), async (trx) => {
    const palette = await paletteOf(trx, table.id);
    if (palette.some((c) => c.colour === data.colour))
      throw conflict(colourTaken(data.colour), { colour: "颜色已在色板中 / Already in the palette" });
    if (palette.length >= PALETTE_MAX)
      throw invalid(`色板最多 ${PALETTE_MAX} 种颜色 / A palette holds at most ${PALETTE_MAX} colours`);
    const result = await trx
      .insertInto("colour_marks")
      .values({
        table_id: table.id,
        colour: data.colour,
        meaning: data.meaning,
        position: data.position ?? Math.max(-1, ...palette.map((c) => c.position)) + 1,
      })
      .executeTakeFirstOrThrow();
    const id = Number(result.insertId);
    await recordAudit(trx, services.dialect, {
      event: "mark.colour_added",
      data: { table: table.key, colour: data.colour, meaning: data.meaning },
      caller,
      target: { type: "colour", id },
    });
    return id;
  });
  return colourById(services.db, id);
}

async function colourById(db: Executor, id: number): Promise<PaletteColour> {
  const row = await db.selectFrom("colour_marks").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("色板中没有这种颜色 / No such palette colour");
  return toColour(row);
}

export async function updateColour(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<PaletteColour> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(updateColourSchema, input);
  const before = await colourById(services.db, id);
  const table = await loadTable(services.db, before.tableId);
  const after = {
    colour: data.colour ?? before.colour,
    meaning: data.meaning ?? before.meaning,
    position: data.position ?? before.position,
  };
  if (
    after.colour === before.colour &&
    after.meaning === before.meaning &&
    after.position === before.position
  )
    return before;
  await uniqueTransaction(services, colourTaken(after.colour), async (trx) => {
    if (after.colour !== before.colour) {
      const clash = await trx
        .selectFrom("colour_marks")
        .select("id")
        .where("table_id", "=", before.tableId)
        .where("colour", "=", after.colour)
        .executeTakeFirst();
      if (clash)
        throw conflict(colourTaken(after.colour), { colour: "颜色已在色板中 / Already in the palette" });
      await refuseInUse(trx, before, "换色 / change");
    }
    await trx.updateTable("colour_marks").set(after).where("id", "=", id).execute();
    await recordAudit(trx, services.dialect, {
      event: "mark.colour_updated",
      data: {
        table: table.key,
        before: { colour: before.colour, meaning: before.meaning },
        after: { colour: after.colour, meaning: after.meaning },
      },
      caller,
      target: { type: "colour", id },
    });
  });
  return colourById(services.db, id);
}

export async function deleteColour(services: Services, caller: Caller, id: number): Promise<void> {
  await authorize(services, caller, "schema.write");
  const before = await colourById(services.db, id);
  const table = await loadTable(services.db, before.tableId);
  await services.db.transaction().execute(async (trx) => {
    await refuseInUse(trx, before, "删除 / remove");
    await trx.deleteFrom("colour_marks").where("id", "=", id).execute();
    await recordAudit(trx, services.dialect, {
      event: "mark.colour_removed",
      data: { table: table.key, colour: before.colour, meaning: before.meaning },
      caller,
      target: { type: "colour", id },
    });
  });
}

/** A colour records carry (their newest mark) cannot be removed or changed: they would lose its meaning. */
async function refuseInUse(trx: Executor, c: PaletteColour, what: string): Promise<void> {
  const row = await trx
    .selectFrom("record_marks as m")
    .innerJoin("records as r", "r.id", "m.record_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("m.table_id", "=", c.tableId)
    .where("m.colour", "=", c.colour)
    .where(({ eb, selectFrom }) =>
      eb(
        "m.id",
        "=",
        selectFrom("record_marks as m2")
          .select((e) => e.fn.max("m2.id").as("latest"))
          .whereRef("m2.record_id", "=", "m.record_id"),
      ),
    )
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  if (n > 0) {
    const [zh, en] = what.split(" / ");
    throw conflict(
      `有 ${n} 条记录标着 ${c.colour}（${c.meaning}），请先清除或改标这些记录再${zh} / ` +
        `${n} records are marked ${c.colour} (${c.meaning}); clear or re-mark them before you ${en} it`,
    );
  }
}
