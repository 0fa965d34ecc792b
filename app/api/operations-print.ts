// Registry entries for template printing 模板打印 (app/print/): templates (built-in ones listed, an
// office's own designed, imported, copied, exported), print jobs that make one PDF in the background,
// and the designer's preview. Spread into OPERATIONS.
import { z } from "zod";
import { previewInputSchema, printInputSchema } from "../print/jobs.server.ts";
import { printTemplateSchema } from "../print/template.ts";
import type { ApiOperation, Text } from "./operations.ts";
import { jobSchema } from "./presenters-transfer.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

const summarySchema = z.object({
  ref: z.string().describe("内置模板为 builtin:名称，其余为编号 / builtin:key, or the stored id"),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  builtin: z.boolean(),
  editable: z.boolean(),
  owner: z.string().nullable().describe("所属单位 / The owning office"),
  updatedAt: z.number().int().nullable(),
});

const detailSchema = summarySchema
  .extend({ template: printTemplateSchema })
  .meta({ id: "PrintTemplate", description: "打印模板 / A print template" });

const example = {
  name: "活动胸卡",
  category: "badge",
  paper: { size: "A4", orientation: "portrait" },
  margins: { top: 12, right: 12, bottom: 12, left: 12 },
  grid: { columns: 2, rows: 4, gapX: 6, gapY: 6, cutMarks: true },
  elements: [
    { type: "photo", name: "照片", x: 6, y: 8, width: 27, height: 36 },
    {
      type: "text",
      name: "姓名",
      x: 37,
      y: 10,
      width: 49,
      height: 12,
      text: "{{姓名}}",
      fontSize: 22,
      fontWeight: 700,
    },
    { type: "text", name: "社区", x: 37, y: 26, width: 49, height: 6, text: "{{所属组织}}", fontSize: 10 },
    { type: "qr", name: "二维码", x: 66, y: 38, width: 20, height: 20, text: "{{系统编号}}" },
  ],
};

const templateErrors = [400, 401, 403, 404] as const;

export const PRINT_OPERATIONS = [
  {
    operationId: "listPrintTemplates",
    method: "GET",
    path: "/print-templates",
    tag: "print",
    summary: ok(
      "可用的打印模板：本单位及上下级的，以及内置模板",
      "Print templates: your office's, those above and below, the built-in ones",
    ),
    access: "print.run",
    success: { status: 200, description: ok("模板列表", "The templates"), schema: z.array(summarySchema) },
    errors: [401, 403],
  },
  {
    operationId: "createPrintTemplate",
    method: "POST",
    path: "/print-templates",
    tag: "print",
    summary: ok(
      "新建打印模板（引用不存在的字段、图片不是图片时 400）",
      "Create a print template (400 for a field the table lacks or a picture that is none)",
    ),
    access: "print.design",
    body: { schema: printTemplateSchema, required: true, example },
    success: { status: 201, description: ok("已建的模板", "The template"), schema: detailSchema },
    errors: templateErrors,
  },
  {
    operationId: "importPrintTemplate",
    method: "POST",
    path: "/print-templates/import",
    tag: "print",
    summary: ok(
      "导入模板文件（其他单位导出的 .json）",
      "Import a template file (a .json another office exported)",
    ),
    access: "print.design",
    body: { schema: printTemplateSchema, required: true, example },
    success: { status: 201, description: ok("导入的模板", "The imported template"), schema: detailSchema },
    errors: templateErrors,
  },
  {
    operationId: "copyPrintTemplate",
    method: "POST",
    path: "/print-templates/copy",
    tag: "print",
    summary: ok(
      "复制一个模板（含内置模板）为本单位的模板",
      "Copy a template (a built-in one too) as your office's own",
    ),
    access: "print.design",
    body: {
      schema: z.object({ ref: z.string().max(40) }),
      required: true,
      example: { ref: "builtin:badge" },
    },
    success: { status: 201, description: ok("副本", "The copy"), schema: detailSchema },
    errors: templateErrors,
  },
  {
    operationId: "getPrintTemplate",
    method: "GET",
    path: "/print-templates/{id}",
    tag: "print",
    summary: ok("一个模板", "One template"),
    access: "print.run",
    success: { status: 200, description: ok("模板", "The template"), schema: detailSchema },
    errors: templateErrors,
  },
  {
    operationId: "updatePrintTemplate",
    method: "PATCH",
    path: "/print-templates/{id}",
    tag: "print",
    summary: ok("保存模板（整个模板）", "Save a template (the whole of it)"),
    access: "print.design",
    body: { schema: printTemplateSchema, required: true, example },
    success: { status: 200, description: ok("模板", "The template"), schema: detailSchema },
    errors: templateErrors,
  },
  {
    operationId: "deletePrintTemplate",
    method: "DELETE",
    path: "/print-templates/{id}",
    tag: "print",
    summary: ok("删除本单位的模板", "Delete one of your office's templates"),
    access: "print.design",
    success: { status: 204, description: ok("已删除", "Deleted") },
    errors: templateErrors,
  },
  {
    operationId: "exportPrintTemplate",
    method: "GET",
    path: "/print-templates/{id}/file",
    tag: "print",
    summary: ok(
      "导出模板文件（.json，可在其他单位导入）",
      "The template as a file (.json, for another office to import)",
    ),
    access: "print.run",
    success: {
      status: 200,
      description: ok("模板文件", "The template file"),
      contentType: "application/json",
    },
    errors: templateErrors,
  },
  {
    operationId: "startPrint",
    method: "POST",
    path: "/prints",
    tag: "print",
    summary: ok(
      "打印：按模板为所选记录在后台生成一个 PDF（进度见 /jobs/{id}，可取消）",
      "Print: one PDF of a template for the chosen records, made in the background (progress at /jobs/{id})",
    ),
    access: "print.run",
    body: {
      schema: printInputSchema,
      required: true,
      example: { template: "builtin:badge", audience: { kind: "view", view: 1 } },
    },
    success: { status: 201, description: ok("打印任务", "The print job"), schema: jobSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "getPrintPdf",
    method: "GET",
    path: "/prints/{id}/pdf",
    tag: "print",
    summary: ok(
      "打印任务生成的 PDF（?download=1 作为附件下载）",
      "The print job's PDF (?download=1 as an attachment)",
    ),
    access: "print.run",
    query: z.object({ download: z.enum(["0", "1"]).optional() }),
    queryHelp: { download: ok("1：下载而不是在浏览器中打开", "1: download rather than open in the browser") },
    success: { status: 200, description: ok("PDF 文件", "The PDF"), contentType: "application/pdf" },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "previewPrint",
    method: "POST",
    path: "/prints/preview",
    tag: "print",
    summary: ok(
      "设计预览：用某条记录填充（未保存的）模板，返回一张标签或整页的 PDF",
      "Designer preview: a (possibly unsaved) template filled with one record, as a PDF of one label or a sheet",
    ),
    access: "print.run",
    body: { schema: previewInputSchema, required: true, example: { ref: "builtin:badge", fullSheet: true } },
    success: { status: 200, description: ok("PDF 文件", "The PDF"), contentType: "application/pdf" },
    errors: [400, 401, 403, 404],
  },
] as const satisfies readonly ApiOperation[];
