// Registry entries for backups 数据备份 (app/backup/): the list of runs with their status, and starting one
// now in the background. Street admins only (backup.manage). Spread into OPERATIONS.
import { z } from "zod";
import type { ApiOperation, Text } from "./operations.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });
const time = z.number().int().describe("毫秒时间戳 / Epoch milliseconds");

export const backupSchema = z
  .object({
    id: z.number().int(),
    status: z
      .enum(["running", "done", "failed", "interrupted", "removed"])
      .describe(
        "只有 done 是完整、已校验、可恢复的备份 / Only done is a complete, verified, restorable backup",
      ),
    via: z.enum(["schedule", "console", "cli"]),
    file: z.string(),
    location: z.string().describe("备份文件在服务器上的路径 / Where the file is on the server"),
    size: z.number().int().nullable(),
    sha256: z.string().nullable().describe("整个文件的 SHA-256，用于核对异地副本 / Of the whole file"),
    rows: z.number().int().nullable(),
    files: z.number().int().nullable(),
    phase: z.string().nullable(),
    progress: z.number().int().min(0).max(100),
    error: z.string().nullable(),
    host: z.string(),
    startedBy: z.string().nullable(),
    createdAt: time,
    finishedAt: time.nullable(),
  })
  .meta({ id: "Backup", description: "一次备份 / One backup run" });

export const backupListSchema = z
  .object({
    items: z.array(backupSchema),
    settings: z.object({
      daily: z.string().nullable().describe("每天几点（北京时间），null 为未开启 / Daily at (Beijing time)"),
      keep: z.union([z.object({ count: z.number().int() }), z.object({ days: z.number().int() })]),
      directory: z.string(),
    }),
  })
  .meta({ id: "BackupList", description: "备份列表与设置 / Backups and their settings" });

export const BACKUP_OPERATIONS = [
  {
    operationId: "listBackups",
    method: "GET",
    path: "/backups",
    tag: "backups",
    summary: ok("备份列表（最近 50 次）及定时与保留设置", "The last 50 backups, the schedule and retention"),
    access: "backup.manage",
    success: { status: 200, description: ok("备份列表", "The backups"), schema: backupListSchema },
    errors: [401, 403],
  },
  {
    operationId: "createBackup",
    method: "POST",
    path: "/backups",
    tag: "backups",
    summary: ok(
      "立即备份：在后台备份数据库与上传的文件，进度见列表",
      "Back up now: the database and uploaded files, in the background; the list shows its progress",
    ),
    access: "backup.manage",
    success: {
      status: 201,
      description: ok("已开始的备份（status 为 running）", "The backup just started (status running)"),
      schema: backupSchema,
    },
    errors: [401, 403, 409],
  },
] as const satisfies readonly ApiOperation[];
