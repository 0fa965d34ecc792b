// Which field each spreadsheet column fills. Office sheets name the same thing many ways (身份证号 /
// 证件号码 / 公民身份号码, 联系电话 / 手机 / 手机号码, "姓 名" with a space), so headers are compared
// after folding width, spaces and brackets, against each field's label and the synonyms below.
import { normaliseOptionText } from "../../schema/dictionaries/match.ts";
import type { CellValue } from "../read/source.ts";

/** What a column fills: a field, the record's org, the system ID or the exported version; null: nothing. */
export type ColumnTarget =
  | { kind: "field"; key: string }
  | { kind: "org" }
  | { kind: "systemId" }
  | { kind: "version" };

export interface ColumnMapping {
  /** 0-based column in the sheet. */
  column: number;
  /** The header text as the sheet has it. */
  header: string;
  target: ColumnTarget | null;
}

/** The parts of a field the mapping reads. */
export interface MappableField {
  key: string;
  label: string;
  /** Computed or system fields nobody types: an exported 年龄 column is left alone on re-import. */
  readOnly: boolean;
}

/** Headers offices use for the built-in person fields (by field key), beyond the labels themselves. */
const FIELD_SYNONYMS: Record<string, readonly string[]> = {
  name: ["姓名", "名字", "居民姓名", "人员姓名", "户主姓名"],
  document: [
    "身份证号",
    "身份证号码",
    "身份证",
    "公民身份号码",
    "公民身份证号",
    "证件号",
    "证件号码",
    "证件编号",
    "居民身份证号",
  ],
  sex: ["性别"],
  birthDate: ["出生日期", "出生年月", "出生年月日", "出生时间", "生日"],
  mobile: ["手机", "手机号", "手机号码", "联系电话", "联系方式", "电话", "移动电话", "电话号码"],
  ethnicity: ["民族", "族别"],
  nativePlace: ["籍贯"],
  politicalStatus: ["政治面貌"],
  education: ["文化程度", "学历"],
  maritalStatus: ["婚姻状况", "婚姻"],
  landline: ["固定电话", "座机", "家庭电话"],
  email: ["电子邮箱", "邮箱", "email", "e-mail"],
  residenceType: ["户籍类型", "户口性质", "户籍性质"],
  registeredAddress: ["户籍地址", "户籍地", "户籍所在地", "户口所在地"],
  address: ["现住址", "家庭住址", "住址", "居住地址", "现居住地址", "地址"],
  householdNo: ["户号"],
  relationToHead: ["与户主关系"],
  specialGroups: ["特殊人群", "特殊群体", "重点人群"],
  employmentStatus: ["就业状况", "就业情况"],
  workUnit: ["工作单位", "单位"],
  emergencyContact: ["紧急联系人"],
  emergencyPhone: ["紧急联系电话", "紧急联系人电话"],
  notes: ["备注", "说明"],
};

const ORG_HEADERS = ["所属社区", "所属组织", "社区", "社区名称", "所在社区", "所属网格", "网格", "所属单位"];
const SYSTEM_ID_HEADERS = ["系统编号", "系统id", "编号(系统)"];
export const VERSION_HEADER = "数据版本";
const VERSION_HEADERS = [VERSION_HEADER, "版本"];

/** Header text folded the way offices vary it: width, spaces, case, a bracketed unit such as (㎡). */
export function foldHeader(text: string): string {
  return normaliseOptionText(text)
    .replace(/[（(][^）)]*[）)]$/u, "")
    .replace(/[*:：]/g, "");
}

export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function headerIndex(fields: readonly MappableField[]): Map<string, ColumnTarget | null> {
  const index = new Map<string, ColumnTarget | null>();
  const put = (text: string, target: ColumnTarget | null) => {
    const key = foldHeader(text);
    if (key && !index.has(key)) index.set(key, target);
  };
  // Labels first: a table's own label beats a synonym of another field.
  for (const f of fields) put(f.label, f.readOnly ? null : { kind: "field", key: f.key });
  for (const h of SYSTEM_ID_HEADERS) put(h, { kind: "systemId" });
  for (const h of VERSION_HEADERS) put(h, { kind: "version" });
  for (const f of fields)
    for (const s of FIELD_SYNONYMS[f.key] ?? []) put(s, f.readOnly ? null : { kind: "field", key: f.key });
  for (const h of ORG_HEADERS) put(h, { kind: "org" });
  return index;
}

/** Each column's target by its header; a target already taken by an earlier column is not reused. */
export function mapColumns(
  headerCells: readonly CellValue[],
  fields: readonly MappableField[],
): ColumnMapping[] {
  const index = headerIndex(fields);
  const taken = new Set<string>();
  return headerCells.map((cell, column) => {
    const header = cellText(cell);
    const found = index.get(foldHeader(header)) ?? null;
    const id = found ? targetId(found) : "";
    if (!found || taken.has(id)) return { column, header, target: null };
    taken.add(id);
    return { column, header, target: found };
  });
}

export const targetId = (t: ColumnTarget) => (t.kind === "field" ? `field:${t.key}` : t.kind);

/** How many of a row's cells read as headers of this table: the header row is the best-scoring one. */
function headerScore(cells: readonly CellValue[], index: Map<string, ColumnTarget | null>): number {
  // Distinct fields: a line of form text repeating one word ("说明 说明") is not a header.
  const named = new Set<string>();
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const target = index.get(foldHeader(cell));
    if (target) named.add(targetId(target));
  }
  return named.size;
}

/**
 * The header row among the first rows of a sheet, under titles, form text and merged cells: the row
 * with the most cells that name fields (at least two, or one for a one-column sheet). Null: none.
 */
export function findHeaderRow(
  rows: readonly { number: number; cells: readonly CellValue[] }[],
  fields: readonly MappableField[],
): number | null {
  const index = headerIndex(fields);
  let best: { number: number; score: number } | null = null;
  for (const row of rows) {
    const score = headerScore(row.cells, index);
    const filled = row.cells.filter((c) => cellText(c) !== "").length;
    const needed = filled === 1 ? 1 : 2;
    if (score >= needed && (!best || score > best.score)) best = { number: row.number, score };
  }
  return best?.number ?? null;
}
