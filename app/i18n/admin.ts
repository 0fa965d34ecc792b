// Strings of the staff console (管理后台), read as t("admin.…").
// Audit event labels are nested by their dotted name, so t(`admin.events.${event}`) finds them.
import { adminEn } from "./admin/en.ts";
import { adminZh } from "./admin/zh-CN.ts";

export const admin = { "zh-CN": adminZh, en: adminEn };
