// The benchmark's spreadsheet: N generated people as an office keeps them — 20 columns with the headers
// offices use, a title row above the header, dates as date cells, ID numbers and phones as text — as
// .xlsx (ExcelJS streaming writer) or as UTF-8 CSV with BOM. Reused when a file of that size exists.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { type GeneratedPerson, generatePeople } from "../app/demo/people/generate.ts";
import { DEMO_COMMUNITIES } from "../app/demo/seed.server.ts";

export const OFFICE_COLUMNS: readonly [string, (p: GeneratedPerson) => string | Date | number | null][] = [
  ["姓名", (p) => p.name],
  ["性别", (p) => p.sex],
  ["出生日期", (p) => new Date(`${p.birthDate}T00:00:00Z`)],
  ["身份证号", (p) => p.documentNumber],
  ["联系电话", (p) => p.mobile],
  ["所属社区", (p) => p.community],
  ["家庭住址", (p) => p.address],
  ["民族", (p) => p.ethnicity],
  ["政治面貌", (p) => p.politicalStatus],
  ["文化程度", (p) => p.education],
  ["婚姻状况", (p) => p.maritalStatus],
  ["户籍类型", (p) => p.residenceType],
  ["户籍地址", (p) => p.registeredAddress],
  ["住房性质", (p) => p.housingType],
  ["住房面积(㎡)", (p) => p.floorArea],
  ["户号", (p) => p.householdNo],
  ["与户主关系", (p) => p.relationToHead],
  ["特殊人群", (p) => p.specialGroups.join("、")],
  ["就业状况", (p) => p.employmentStatus],
  ["工作单位", (p) => p.workUnit],
];

function people(count: number, seed: string) {
  // Resident ID numbers only: the sheet is one of residents, as the office's own would be.
  return generatePeople({
    seed,
    count: Math.ceil(count * 1.1),
    today: "2026-11-01",
    communities: DEMO_COMMUNITIES.map((name) => ({ name, grids: [] })),
  });
}

function* residents(count: number, seed: string): Generator<GeneratedPerson> {
  let n = 0;
  for (const p of people(count, seed)) {
    if (p.documentType !== "居民身份证") continue;
    yield p;
    if (++n >= count) return;
  }
}

export async function officeSheet(dir: string, count: number, format: "xlsx" | "csv"): Promise<string> {
  const file = path.join(dir, `office-${count}.${format}`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  if (format === "xlsx") await writeXlsx(partial, count);
  else await writeCsv(partial, count);
  fs.renameSync(partial, file);
  return file;
}

async function writeXlsx(file: string, count: number) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("居民信息");
  sheet.addRow(["金融街街道居民信息登记表"]).commit();
  sheet.addRow(OFFICE_COLUMNS.map(([h]) => h)).commit();
  for (const p of residents(count, "bench-sheet")) {
    const row = sheet.addRow(OFFICE_COLUMNS.map(([, get]) => get(p)));
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function writeCsv(file: string, count: number) {
  const out = fs.createWriteStream(file);
  const quote = (v: unknown) => {
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? "" : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  out.write("\uFEFF");
  out.write(`${OFFICE_COLUMNS.map(([h]) => h).join(",")}\r\n`);
  for (const p of residents(count, "bench-sheet"))
    if (!out.write(`${OFFICE_COLUMNS.map(([, get]) => quote(get(p))).join(",")}\r\n`))
      await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error) => (e ? reject(e) : resolve())));
}
