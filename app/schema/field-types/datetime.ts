// 日期时间: a moment in Beijing time, kept as "YYYY-MM-DD HH:mm:ss" (street offices all work on China
// time, and a wall-clock value sorts, compares and exports as people read it).

import { formatChinaDateTime } from "../../people/normalise/calendar.ts";
import { parseOfficeDate } from "../../people/normalise/office-date.ts";
import { cleanText } from "../../people/normalise/text.ts";
import { toHalfWidth } from "../../people/normalise/width.ts";
import { fail, isBlank, labelled, nothing, wrongKind } from "./problems.ts";
import type { FieldConfig, FieldTypeDefinition, ParseResult } from "./types.ts";

const DAY_SECONDS = 86_400;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WITH_TIME = /^(.*?)(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?$/;
const pad = (n: number) => String(n).padStart(2, "0");

function onDay(field: FieldConfig, day: unknown, seconds: number, date1904?: boolean): ParseResult<string> {
  const found = parseOfficeDate(day as string | number, { date1904 });
  if (!found.ok) return labelled(field, found);
  if (found.precision === "month")
    return fail(field, "date-format", "应写到日，如 2026-05-01 14:30", "needs a day, like 2026-05-01 14:30");
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return { ok: true, value: `${found.date} ${time}` };
}

function fromText(field: FieldConfig, raw: string): ParseResult<string> {
  const text = cleanText(toHalfWidth(raw));
  if (WITH_ZONE.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return { ok: true, value: formatChinaDateTime(instant) };
    return fail(field, "date-invalid", `${text} 不是有效的日期时间`, `${text} is not a real date and time`);
  }
  const m = WITH_TIME.exec(text);
  if (!m) return onDay(field, text, 0);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59)
    return fail(field, "time-invalid", `时间 ${m[2]}:${m[3]} 无效`, `${m[2]}:${m[3]} is not a time of day`);
  return onDay(field, m[1], h * 3600 + min * 60 + s);
}

export const datetimeType: FieldTypeDefinition<string> = {
  type: "datetime",
  labelKey: "fieldTypes.datetime",
  parse(raw, field, ctx = {}) {
    if (isBlank(raw)) return nothing();
    if (typeof raw === "string") return fromText(field, raw);
    if (typeof raw === "number") {
      // An Excel serial: whole days plus the time of day as a fraction, in the sheet's wall-clock time.
      const total = Math.round(raw * DAY_SECONDS);
      return onDay(field, Math.floor(total / DAY_SECONDS), total % DAY_SECONDS, ctx.date1904);
    }
    if (raw instanceof Date) {
      if (Number.isNaN(raw.getTime())) return wrongKind(field, "日期时间", "a date and time");
      if (ctx.source !== "spreadsheet") return { ok: true, value: formatChinaDateTime(raw) };
      return { ok: true, value: raw.toISOString().slice(0, 19).replace("T", " ") };
    }
    return wrongKind(field, "日期时间", "a date and time");
  },
  format: (value) => (value === null ? "" : value.endsWith(":00") ? value.slice(0, 16) : value),
  operators: ["before", "after", "between", "last_n_days", "next_n_days", "empty", "not_empty"],
  storage: "datetime",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "datetime",
};
