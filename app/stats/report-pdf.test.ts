// The PDF read back with poppler (pdftotext, pdfinfo, pdffonts; Debian's poppler-utils, installed by .ci/run).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breakChinese } from "./pdf-font.server.ts";
import { EMPTY_PIVOT, GROUPS, PIVOT, widePivot } from "./report-fixture.test-support.ts";
import { renderReportPdf } from "./report-pdf.server.tsx";
import type { PivotResult } from "./results.ts";

let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-report-pdf-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(result: PivotResult, lang: "zh-CN" | "en" = "zh-CN") {
  const buffer = await renderReportPdf(result, lang);
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, buffer);
  const run = (tool: string, ...args: string[]) =>
    execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  return {
    size: buffer.length,
    // Without -layout, pdftotext reads each cell on its own; with it, a row's cells on one line.
    text: run("pdftotext", "-layout").replace(/\n$/, ""),
    info: run("pdfinfo"),
    fonts: run("pdffonts"),
  };
}
const pages = (info: string) => Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);

describe("report as PDF", () => {
  it("holds the title, the as-of line, every label and the numbers, in Chinese", async () => {
    const { text } = await render(PIVOT);
    for (const word of [
      "各社区特殊人群统计",
      "截至 2026-06-30",
      "社区",
      "网格",
      "丰盛社区",
      "二龙路社区",
      "第二网格",
    ])
      expect(text).toContain(word);
    for (const group of GROUPS) expect(text).toContain(group);
    expect(text).toMatch(/人数\s+平均年龄/);
    expect(text).toMatch(/丰盛社区\s+第一网格\s+1,234\s+61\.46\s+87\s+55\.50\s+0\s+–\s+1,290\s+60\.12/);
    expect(text).toMatch(/丰盛社区\s+小计\s+1,576/);
    expect(text).toMatch(/合计\s+2,084\s+63\.05.*2,278\s+61\.95/);
    expect(text.replace(/\s+/g, "")).toContain("第1页/共1页");
  });

  it("is A4, small (the font is subset) and embeds Noto Sans SC", async () => {
    const { size, info, fonts } = await render(PIVOT);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(size).toBeLessThan(200_000);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/NotoSansSC-Bold/);
  });

  it("prints rare name characters", async () => {
    const rare: PivotResult = {
      ...PIVOT,
      rows: [
        {
          ...PIVOT.rows[0]!,
          path: [
            { code: "1", label: "王𫖮" },
            { code: "2", label: "刘䶮" },
          ],
        },
      ],
    };
    const { text } = await render(rare);
    expect(text).toContain("王𫖮");
    expect(text).toContain("刘䶮");
  });

  it("splits a table too wide for one page into parts, with a note, losing no column", async () => {
    const { text, info } = await render(widePivot(40));
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect(pages(info)).toBeGreaterThan(1);
    expect(text).toMatch(/列数较多，表格按列分为 \d 部分打印/);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`楼栋${i}号`);
    expect(text).toContain("99,999");
    // Every part has the row labels.
    expect(text.match(/丰盛社区/g)?.length).toBe(pages(info));
  });

  it("repeats the header on every page of a long table", async () => {
    const long = { ...PIVOT, rows: Array.from({ length: 40 }, () => PIVOT.rows.slice(0, 5)).flat() };
    const { text, info } = await render(long);
    const n = pages(info);
    expect(n).toBeGreaterThan(2);
    expect(text.match(/低保户/g)?.length).toBe(n);
    expect(text.replace(/\s+/g, "")).toContain(`第${n}页/共${n}页`);
  });

  it("says so when nothing matched, and speaks English when asked", async () => {
    expect((await render(EMPTY_PIVOT)).text).toContain("没有符合条件的记录");
    const en = (await render(PIVOT, "en")).text;
    expect(en).toContain("As of 2026-06-30");
    expect(en).toMatch(/Subtotal/);
    expect(en).toMatch(/Page 1 of 1/);
  });

  it("lets Chinese break after any character without a hyphen, keeping Latin words whole", () => {
    expect(breakChinese("第一网格ABC")).toEqual(["第", "", "一", "", "网", "", "格", "", "ABC"]);
    expect(breakChinese("1,234")).toEqual(["1,234"]);
  });
});
