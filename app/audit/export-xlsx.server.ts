// The filtered system log as an .xlsx workbook for auditors: one row per event, the time as a real date
// cell (Beijing wall-clock time, so Excel filters and sorts by it), the event named in Chinese and
// English, the payload as JSON text. Written with ExcelJS's streaming writer, so 100,000 rows do not
// sit in memory as a workbook.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Caller, Services } from "../core/services.server.ts";
import { adminEn } from "../i18n/admin/en.ts";
import { adminZh } from "../i18n/admin/zh-CN.ts";
import { common } from "../i18n/common.ts";
import { exportRows } from "./query.server.ts";

const BEIJING = 8 * 3_600_000;

type Nested = { readonly [key: string]: string | Nested };
/** The label of a dotted event name ("record.updated") in one language; the name itself if unknown. */
export function eventLabel(event: string, lang: "zh-CN" | "en"): string {
  let node: string | Nested | undefined = (lang === "en" ? adminEn.events : adminZh.events) as Nested;
  for (const part of event.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : event;
}

const roleLabel = (role: string | null) =>
  role ? ((common["zh-CN"].roles as Record<string, string>)[role] ?? role) : "";

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: "编号 / No.", key: "id", width: 10 },
  { header: "时间 / Time", key: "at", width: 20 },
  { header: "事件 / Event", key: "zh", width: 18 },
  { header: "Event", key: "en", width: 24 },
  { header: "事件代码 / Code", key: "event", width: 22 },
  { header: "操作人 / Actor", key: "actor", width: 14 },
  { header: "角色 / Role", key: "role", width: 12 },
  { header: "IP", key: "ip", width: 16 },
  { header: "对象 / Target", key: "target", width: 22 },
  { header: "详情 / Details", key: "data", width: 80 },
];

export async function exportAuditXlsx(services: Services, caller: Caller, input: unknown): Promise<Buffer> {
  const rows = await exportRows(services, caller, input, "xlsx");
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet("系统日志", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const r of rows) {
    const row = sheet.addRow({
      id: r.id,
      // Excel has no time zones: the cell holds Beijing wall-clock time.
      at: new Date(r.at + BEIJING),
      zh: eventLabel(r.event, "zh-CN"),
      en: eventLabel(r.event, "en"),
      event: r.event,
      actor: r.actorName ?? "",
      role: roleLabel(r.actorRole),
      ip: r.ip ?? "",
      target: r.targetType ? `${r.targetType} ${r.targetId}` : "",
      data: JSON.stringify(r.data),
    });
    row.getCell("at").numFmt = "yyyy-mm-dd hh:mm:ss";
    row.commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
