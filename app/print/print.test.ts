// Template printing end to end on a real database: built-in templates and one designed from scratch
// printed for real records into PDFs that poppler reads back (text, page size, page count, embedded
// font subset, where each word sits), and the refusals staff meet: a removed field, a picture that is
// not one, an empty selection.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor, orgId } from "../../tests/support/factories.ts";
import { isAppError } from "../core/errors.ts";
import type { Caller } from "../core/services.server.ts";
import { uploadFile } from "../files/upload.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { createRecord } from "../people/records/write.server.ts";
import { addField, removeField } from "../schema/edit-fields.server.ts";
import { jobSettled } from "../transfer/jobs.server.ts";
import { textFitter } from "./fit.server.ts";
import { previewPdf, printJob, printPdfResponse, startPrint } from "./jobs.server.ts";
import { type PrintTemplateInput, printTemplateSchema, type TextElement } from "./template.ts";
import { createTemplate, exportTemplate, getTemplate, importTemplate } from "./templates.server.ts";

let t: TestServices;
let admin: Caller;
let fengsheng: Caller;
let dir: string;
let seq = 10;
const people: Record<string, number> = {};
const LONG_NAME = "阿依古丽·买买提艾力·库尔班江·木拉提别克";

async function person(name: string, values: Record<string, unknown> = {}, community = "丰盛社区") {
  const number = buildId("110102", "1980-01-01", `${String(seq++).padStart(2, "0")}1`).number;
  const record = await createRecord(t.services, admin, "people", {
    orgId: await orgId(t.services, "第一网格", community),
    values: { name, document: number, ...values },
  });
  people[name] = record.id;
  return record.id;
}

/** A real picture, as a phone would upload it. */
async function photo(colour: string) {
  const data = await sharp({ create: { width: 300, height: 400, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  const stored = await uploadFile(t.services, admin, { name: "photo.jpg", data }, "photo", {
    orgId: await orgId(t.services, "丰盛社区"),
  });
  return stored.id;
}

/** Prints and waits; returns the PDF's path. */
async function print(caller: Caller, template: string, ids: number[]) {
  const job = await startPrint(t.services, caller, { template, audience: { kind: "ids", ids } });
  await jobSettled(job.id);
  const done = await printJob(t.services, caller, job.id);
  expect(done.status, done.error ?? "").toBe("done");
  const response = await printPdfResponse(t.services, caller, job.id, "inline");
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const file = path.join(dir, `job-${job.id}.pdf`);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { file, job: done };
}

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
const pdfInfo = (file: string) => execFileSync("pdfinfo", [file], { encoding: "utf8" });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))?.[1]);
const pageSize = (file: string) => {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(file))!;
  return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
};

interface Word {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
/** Every word poppler finds, with its box in points. */
function words(file: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(
      line,
    );
    if (m) out.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
  }
  return out;
}

const PT = 72 / 25.4;

beforeAll(async () => {
  t = await createTestServices({ demoPeople: 0, demoResidents: false });
  admin = await callerFor(t.services, "admin");
  fengsheng = await callerFor(t.services, "fengsheng");
  dir = fs.mkdtempSync(path.join(t.config.dataDir, "pdfs-"));
  const red = await photo("#c03030");
  await person("张伟强", { photo: red, address: "丰盛社区金融街小区3号楼2单元501室" });
  await person("李秀英", { address: "丰盛社区太平桥大街18号院1号楼302室 100032" });
  await person(LONG_NAME, { photo: red });
  for (let i = 0; i < 7; i++) await person(`王${"一二三四五六七"[i]}`, { photo: await photo("#3060c0") });
  await person("赵静", {}, "二龙路社区");
});

afterAll(async () => {
  await t.cleanup();
});

describe("the built-in chest badge", () => {
  it("prints 8 badges an A4 page with the merged Chinese names, the long name kept inside its label", async () => {
    const ids = ["张伟强", "李秀英", LONG_NAME, ...[..."一二三四五六七"].map((c) => `王${c}`)].map(
      (n) => people[n],
    );
    const { file, job } = await print(fengsheng, "builtin:badge", ids);
    expect(job.result).toMatchObject({ records: 10, pages: 2 });
    expect(pageCount(file)).toBe(2);
    expect(pageSize(file)).toEqual([595, 842]);
    const text = pdfText(file);
    for (const name of ["张伟强", "李秀英", "王一", "王七"]) expect(text).toContain(name);
    expect(text).toContain("丰盛社区");
    expect(text).toContain("志愿者");

    // The badge grid: 2 × 4 labels of 90 × 63.75 mm from a 12 mm margin with 6 mm gaps; the long name
    // (third label: first column, second row) shrinks or is cut, never crossing into its neighbour.
    const template = (await getTemplate(t.services, fengsheng, "builtin:badge")).template;
    const nameBox = template.elements.find((e) => e.name === "姓名")! as TextElement;
    const labelLeft = 12 * PT;
    const labelRight = (12 + 90) * PT;
    const rowTop = (12 + 63.75 + 6) * PT;
    const longWords = words(file).filter(
      (w) =>
        w.page === 1 &&
        w.yMin > rowTop + nameBox.y * PT - 2 &&
        w.yMax < rowTop + (nameBox.y + nameBox.height) * PT + 2,
    );
    const inNameBox = longWords.filter((w) => w.xMin < labelRight && /阿|依|古|丽|…|买/.test(w.text));
    expect(inNameBox.length).toBeGreaterThan(0);
    for (const w of inNameBox) {
      expect(w.xMin).toBeGreaterThanOrEqual(labelLeft + nameBox.x * PT - 1);
      expect(w.xMax).toBeLessThanOrEqual(labelLeft + (nameBox.x + nameBox.width) * PT + 1);
    }

    // The font is the app's own, embedded as a subset: the file stays small.
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSansSC\S*\s.*yes\s+yes/);
    expect(fs.statSync(file).size).toBeLessThan(600_000);
  });

  it("fits an over-long name by shrinking, then cuts it with … at half the size", () => {
    const fit = textFitter();
    const box = printTemplateSchema.shape.elements.element.parse({
      type: "text",
      x: 0,
      y: 0,
      width: 49,
      height: 12,
      text: "",
      fontSize: 22,
    }) as TextElement;
    expect(fit(box, "王一")).toMatchObject({ fontSize: 22, lines: ["王一"], cut: false });
    const shrunk = fit(box, "欧阳娜娜娜娜娜娜");
    expect(shrunk.fontSize).toBeLessThan(22);
    expect(shrunk.lines).toEqual(["欧阳娜娜娜娜娜娜"]);
    const cut = fit(box, LONG_NAME.repeat(3));
    expect(cut.cut).toBe(true);
    expect(cut.fontSize).toBe(11);
    expect(cut.lines.at(-1)).toMatch(/…$/);
  });

  it("draws an empty photo frame for a person without a photo", async () => {
    const { file } = await print(fengsheng, "builtin:badge", [people.李秀英]);
    expect(pdfText(file)).toContain("照片");
    const withPhoto = await print(fengsheng, "builtin:badge", [people.张伟强]);
    expect(pdfText(withPhoto.file)).not.toContain("照片");
  });
});

describe("the other built-in templates", () => {
  it("prints a DL envelope with the postcode in its boxes and the recipient's address", async () => {
    const { file } = await print(fengsheng, "builtin:envelope", [people.李秀英, people.张伟强]);
    expect(pageCount(file)).toBe(2);
    expect(pageSize(file)).toEqual([624, 312]);
    const text = pdfText(file);
    expect(text).toMatch(/李秀英\s+收/);
    expect(text).toContain("太平桥大街18号院");
    // Records print in the order they were registered: 张伟强 first, whose address holds no postcode
    // (the template's default), then 李秀英, whose address ends with one.
    const digits = words(file)
      .filter((w) => w.yMin < 20 * PT && /^\d$/.test(w.text))
      .map((w) => `${w.page}:${w.text}`);
    expect(
      digits
        .filter((d) => d.startsWith("1:"))
        .map((d) => d.slice(2))
        .join(""),
    ).toBe("100033");
    expect(
      digits
        .filter((d) => d.startsWith("2:"))
        .map((d) => d.slice(2))
        .join(""),
    ).toBe("100032");
  });

  it("prints every built-in template for a person", async () => {
    for (const ref of [
      "address-labels",
      "thank-you-letter",
      "certificate",
      "tent-card",
      "birthday-card",
      "spring-card",
    ]) {
      const { file } = await print(fengsheng, `builtin:${ref}`, [people.张伟强]);
      expect(pageCount(file), ref).toBe(1);
      expect(pdfText(file).replace(/\s/g, ""), ref).toMatch(/张/);
    }
  });
});

describe("a template designed from scratch", () => {
  const certificate: PrintTemplateInput = {
    name: "敬老志愿者证书",
    category: "certificate",
    paper: { size: "A5", orientation: "landscape" },
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    defaults: { 颁发单位: "丰盛社区居委会" },
    elements: [
      { type: "rect", x: 6, y: 6, width: 198, height: 136, strokeWidth: 2, color: "#b45309", double: true },
      {
        type: "text",
        name: "标题",
        x: 20,
        y: 20,
        width: 170,
        height: 20,
        text: "敬老志愿者",
        fontSize: 30,
        align: "center",
      },
      {
        type: "text",
        name: "正文",
        x: 20,
        y: 50,
        width: 170,
        height: 40,
        text: "{{姓名}}同志：感谢您在{{社区}}的敬老服务。",
      },
      {
        type: "text",
        name: "落款",
        x: 100,
        y: 110,
        width: 90,
        height: 10,
        text: "{{颁发单位}}",
        align: "right",
      },
      { type: "qr", x: 20, y: 100, width: 25, height: 25, text: "{{系统编号}}" },
      { type: "barcode", x: 50, y: 105, width: 40, height: 15, text: "{{系统编号}}" },
    ],
  };

  it("saves, previews with a chosen record, prints, and travels as a file to another office", async () => {
    const saved = await createTemplate(t.services, fengsheng, certificate);
    expect(saved.editable).toBe(true);
    const preview = await previewPdf(t.services, fengsheng, { ref: saved.ref, recordId: people.李秀英 });
    const previewFile = path.join(dir, "preview.pdf");
    fs.writeFileSync(previewFile, preview);
    expect(pdfText(previewFile)).toContain("李秀英同志");

    const { file } = await print(fengsheng, saved.ref, [people.张伟强, people.李秀英]);
    expect(pageSize(file)).toEqual([595, 420]);
    const text = pdfText(file);
    expect(text).toContain("张伟强同志：感谢您在丰盛社区的敬老服务。");
    expect(text).toContain("丰盛社区居委会");

    const exported = await exportTemplate(t.services, fengsheng, saved.ref);
    expect(exported.name).toBe("敬老志愿者证书.json");
    const imported = await importTemplate(t.services, admin, exported.body);
    expect(imported.template).toEqual(saved.template);
    expect(imported.ref).not.toBe(saved.ref);
  });

  it("is not seen by another community, and the auditor finds every print job", async () => {
    const saved = await createTemplate(t.services, fengsheng, { ...certificate, name: "丰盛专用" });
    const erlong = await callerFor(t.services, "erlonglu");
    await expect(getTemplate(t.services, erlong, saved.ref)).rejects.toMatchObject({ status: 404 });
    // The street office above sees it (and may change it).
    expect((await getTemplate(t.services, admin, saved.ref)).editable).toBe(true);
    // Out of scope: 丰盛 cannot print 二龙路's people; nobody in the selection is an empty selection.
    await expect(
      startPrint(t.services, fengsheng, {
        template: saved.ref,
        audience: { kind: "ids", ids: [people.赵静] },
      }),
    ).rejects.toMatchObject({ status: 400 });
    const jobs = await auditEvents(t.services, "print.job_created");
    expect(jobs.length).toBeGreaterThanOrEqual(5);
    const first = JSON.parse(jobs[0].data as string);
    expect(first).toMatchObject({ template: "builtin:badge", records: 10 });
  });
});

describe("bad input", () => {
  const base: PrintTemplateInput = {
    name: "测试",
    paper: { size: "A4" },
    elements: [
      { type: "text", name: "职业", x: 10, y: 10, width: 50, height: 10, text: "{{职业}} {{座右铭}}" },
    ],
  };

  const message = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (isAppError(e)) return { status: e.status, message: e.message, fields: e.fields };
      throw e;
    }
    throw new Error("expected a refusal");
  };

  it("refuses a field the table does not have, naming it", async () => {
    const refused = await message(createTemplate(t.services, fengsheng, base));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain("{{座右铭}}");
    expect(refused.fields?.["elements.0.text"]).toContain("不是字段");
  });

  it("refuses to print a saved template once a field it names is removed", async () => {
    const field = await addField(t.services, admin, "people", { label: "座右铭", type: "text" });
    const saved = await createTemplate(t.services, fengsheng, base);
    await removeField(t.services, admin, field.id);
    const refused = await message(
      startPrint(t.services, fengsheng, {
        template: saved.ref,
        audience: { kind: "ids", ids: [people.张伟强] },
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toContain("{{座右铭}}");
  });

  it("refuses a picture that is not a picture", async () => {
    const fake = `data:image/png;base64,${Buffer.from("这不是图片，只是一段文字").toString("base64")}`;
    const refused = await message(
      createTemplate(t.services, fengsheng, {
        ...base,
        elements: [{ type: "image", name: "徽标", x: 0, y: 0, width: 20, height: 20, src: fake }],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toContain("不是 PNG 或 JPEG 图片");
  });

  it("refuses an empty selection and a file that is no template", async () => {
    const empty = await message(
      startPrint(t.services, fengsheng, { template: "builtin:badge", audience: { kind: "ids", ids: [] } }),
    );
    expect(empty.status).toBe(400);
    expect(empty.message).toMatch(/至少选择一人|没有可打印/);
    const junk = await message(importTemplate(t.services, fengsheng, "PK\u0003\u0004 not json"));
    expect(junk.status).toBe(400);
    expect(junk.message).toContain("不是打印模板文件");
  });
});
