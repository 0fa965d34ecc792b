// Dictionaries 字典, managed centrally: the built-in ones are copied into the database on first start,
// after which staff add options, rename and recolour them, and merge duplicates. Records keep option
// codes, so a rename changes nothing in them and a merge leaves the old code as an alias of the new.
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { uniqueTransaction } from "../core/transaction.server.ts";
import { parseInput } from "../core/validate.ts";
import { type Dictionary, type DictionaryOption, PALETTE } from "./dictionaries/index.ts";
import { keyFromName } from "./keys.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface StoredDictionary extends Dictionary {
  id: number;
  builtin: boolean;
}

const COLOURS = Object.values(PALETTE) as string[];
const optionLabel = z
  .string({ error: "请填写选项名称 / Name the option" })
  .trim()
  .min(1, "请填写选项名称 / Name the option")
  .max(50, "选项名称最多 50 个字 / At most 50 characters");
const colour = z
  .string()
  .trim()
  .refine((v) => v === "" || COLOURS.includes(v), "请从色板中选择颜色 / Pick a colour from the palette")
  .optional();

export const createDictionarySchema = z.object({
  name: z.string({ error: "请填写字典名称 / Name the dictionary" }).trim().min(1).max(50),
  nameEn: z.string().trim().max(100).optional(),
  multiple: z.union([z.boolean(), z.enum(["on", ""])]).optional(),
});
export const addOptionSchema = z.object({
  label: optionLabel,
  colour,
  parent: z.string().trim().max(32).optional(),
});
export const updateOptionSchema = z.object({ label: optionLabel.optional(), colour });
const choose = (message: string) => z.string({ error: message }).trim().min(1, message);
export const mergeOptionsSchema = z.object({
  from: choose("请选择要合并的选项 / Choose the option to merge"),
  into: choose("请选择合并到的选项 / Choose the option to keep"),
});

function toDictionary(row: {
  id: number;
  key: string;
  name: string;
  name_en: string;
  standard: string | null;
  multiple: number;
  builtin: number;
  options: string;
}): StoredDictionary {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    nameEn: row.name_en,
    ...(row.standard ? { standard: row.standard } : {}),
    multiple: Number(row.multiple) === 1,
    builtin: Number(row.builtin) === 1,
    options: JSON.parse(row.options) as DictionaryOption[],
  };
}

const COLUMNS = ["id", "key", "name", "name_en", "standard", "multiple", "builtin", "options"] as const;

/** Every dictionary as staff edited it, by key: what parsing and formatting records look options up in. */
export async function loadDictionaries(db: Executor): Promise<Map<string, StoredDictionary>> {
  const rows = await db.selectFrom("dictionaries").select(COLUMNS).orderBy("id").execute();
  return new Map(rows.map((r) => [r.key, toDictionary(r)]));
}

export async function listDictionaries(services: Services, caller: Caller): Promise<StoredDictionary[]> {
  await authorize(services, caller, "schema.read");
  return [...(await loadDictionaries(services.db)).values()];
}

async function findDictionary(db: Executor, key: string): Promise<StoredDictionary> {
  const row = await db.selectFrom("dictionaries").select(COLUMNS).where("key", "=", key).executeTakeFirst();
  if (!row) throw notFound("没有这个字典 / No such dictionary");
  return toDictionary(row);
}

export async function getDictionary(
  services: Services,
  caller: Caller,
  key: string,
): Promise<StoredDictionary> {
  await authorize(services, caller, "schema.read");
  return findDictionary(services.db, key);
}

export async function createDictionary(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<StoredDictionary> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(createDictionarySchema, input);
  const taken =
    "刚刚有人新建了同名的字典，请刷新后再试 / A dictionary of that name was just created; reload and try again";
  const key = await uniqueTransaction(services, taken, async (trx) => {
    const existing = await trx.selectFrom("dictionaries").select(["key", "name"]).execute();
    if (existing.some((d) => d.name === data.name))
      throw conflict(`已有名为“${data.name}”的字典 / A dictionary named "${data.name}" exists`, {
        name: "名称已被使用 / Name taken",
      });
    const key = keyFromName(data.name, new Set(existing.map((d) => d.key)), "d");
    const now = Date.now();
    await trx
      .insertInto("dictionaries")
      .values({
        key,
        name: data.name,
        name_en: data.nameEn || data.name,
        standard: null,
        multiple: data.multiple === true || data.multiple === "on" ? 1 : 0,
        builtin: 0,
        options: "[]",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, services.dialect, {
      event: "dictionary.created",
      data: { dictionary: key, name: data.name },
      caller,
      target: { type: "dictionary", id: key },
    });
    return key;
  });
  return findDictionary(services.db, key);
}

/** Run `change` on the dictionary's options inside a transaction and store the result. */
async function changeOptions(
  services: Services,
  key: string,
  change: (dictionary: StoredDictionary, trx: Transaction<DB>) => Promise<DictionaryOption[]>,
): Promise<StoredDictionary> {
  await services.db.transaction().execute(async (trx) => {
    const dictionary = await findDictionary(trx, key);
    const options = await change(dictionary, trx);
    await trx
      .updateTable("dictionaries")
      .set({ options: JSON.stringify(options), updated_at: Date.now() })
      .where("id", "=", dictionary.id)
      .execute();
  });
  return findDictionary(services.db, key);
}

const sameLabel = (options: readonly DictionaryOption[], label: string, except?: string) =>
  options.some((o) => o.label === label && o.code !== except);

/** A code no option has had: one more than the largest numeric code, so codes never get reused. */
function nextCode(options: readonly DictionaryOption[]): string {
  const used = options.flatMap((o) => [o.code, ...(o.aliases ?? [])]);
  const numbers = used.map(Number).filter(Number.isSafeInteger);
  return String(Math.max(0, ...numbers) + 1);
}

export async function addOption(services: Services, caller: Caller, key: string, input: unknown) {
  await authorize(services, caller, "schema.write");
  const data = parseInput(addOptionSchema, input);
  return changeOptions(services, key, async (dictionary, trx) => {
    if (sameLabel(dictionary.options, data.label))
      throw conflict(`已有选项“${data.label}” / Option "${data.label}" exists`, { label: "已存在 / Exists" });
    if (data.parent && !dictionary.options.some((o) => o.code === data.parent && !o.parent))
      throw invalid("上级选项不存在 / No such parent option", { parent: "不存在 / Not found" });
    const option: DictionaryOption = {
      code: nextCode(dictionary.options),
      label: data.label,
      ...(data.colour ? { colour: data.colour } : {}),
      ...(data.parent ? { parent: data.parent } : {}),
    };
    await recordAudit(trx, services.dialect, {
      event: "dictionary.option_added",
      data: { dictionary: key, code: option.code, label: option.label },
      caller,
      target: { type: "dictionary", id: key },
    });
    return [...dictionary.options, option];
  });
}

export async function updateOption(
  services: Services,
  caller: Caller,
  key: string,
  code: string,
  input: unknown,
) {
  await authorize(services, caller, "schema.write");
  const data = parseInput(updateOptionSchema, input);
  return changeOptions(services, key, async (dictionary, trx) => {
    const option = dictionary.options.find((o) => o.code === code);
    if (!option) throw notFound("没有这个选项 / No such option");
    const label = data.label ?? option.label;
    if (sameLabel(dictionary.options, label, code))
      throw conflict(`已有选项“${label}” / Option "${label}" exists`, { label: "已存在 / Exists" });
    const updated: DictionaryOption = { ...option, label };
    // The old name stays a synonym, so spreadsheets that still say it keep importing.
    if (label !== option.label)
      updated.synonyms = [...new Set([...(option.synonyms ?? []), option.label])].filter((s) => s !== label);
    if (data.colour !== undefined) {
      if (data.colour === "") delete updated.colour;
      else updated.colour = data.colour;
    }
    await recordAudit(trx, services.dialect, {
      event: "dictionary.option_updated",
      data: {
        dictionary: key,
        code,
        before: { code, label: option.label, colour: option.colour ?? null },
        after: { code, label: updated.label, colour: updated.colour ?? null },
      },
      caller,
      target: { type: "dictionary", id: key },
    });
    return dictionary.options.map((o) => (o.code === code ? updated : o));
  });
}

/** Merge option `from` into `into`: `from` disappears from choices, records holding it read as `into`. */
export async function mergeOptions(services: Services, caller: Caller, key: string, input: unknown) {
  await authorize(services, caller, "schema.write");
  const data = parseInput(mergeOptionsSchema, input);
  if (data.from === data.into)
    throw invalid("不能把选项合并到它自己 / Cannot merge an option into itself", {
      into: "请另选 / Choose another",
    });
  return changeOptions(services, key, async (dictionary, trx) => {
    const from = dictionary.options.find((o) => o.code === data.from);
    const into = dictionary.options.find((o) => o.code === data.into);
    if (!from || !into) throw notFound("没有这个选项 / No such option");
    const merged: DictionaryOption = {
      ...into,
      synonyms: [...new Set([...(into.synonyms ?? []), from.label, ...(from.synonyms ?? [])])],
      aliases: [...new Set([...(into.aliases ?? []), from.code, ...(from.aliases ?? [])])],
    };
    await recordAudit(trx, services.dialect, {
      event: "dictionary.options_merged",
      data: {
        dictionary: key,
        from: { code: from.code, label: from.label },
        into: { code: into.code, label: into.label },
      },
      caller,
      target: { type: "dictionary", id: key },
    });
    return dictionary.options
      .filter((o) => o.code !== from.code)
      .map((o) => (o.code === into.code ? merged : o.parent === from.code ? { ...o, parent: into.code } : o));
  });
}
