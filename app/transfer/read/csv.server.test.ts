import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { collect, refusal, tempFolder } from "./fixtures.test-support.ts";
import { openSheetSource } from "./open.server.ts";
import { SAMPLE_BYTES } from "./text-encoding.ts";

const file = tempFolder();

function write(name: string, content: Buffer | string): string {
  fs.writeFileSync(file(name), content);
  return file(name);
}

describe("csv", () => {
  it("reads GB18030 with CRLF as saved by Chinese Excel, every cell as text", async () => {
    const text =
      "姓名,身份证号,电话,编号\r\n张三,1.10102E+17,13800138000,0123\r\n䶮䶮,110102194708140000,,\r\n";
    const source = await openSheetSource(write("gbk.csv", iconv.encode(text, "gb18030")), "居民名单.csv");
    expect(source.format).toBe("csv");
    expect(source.encoding).toBe("gb18030");
    expect(source.sheets).toEqual([{ index: 0, name: "居民名单", rowEstimate: null }]);
    expect(await collect(source)).toEqual([
      { number: 1, cells: ["姓名", "身份证号", "电话", "编号"] },
      { number: 2, cells: ["张三", "1.10102E+17", "13800138000", "0123"] },
      { number: 3, cells: ["䶮䶮", "110102194708140000"] },
    ]);
    await source.close();
  });

  it("reads UTF-8 with a BOM and without one", async () => {
    const text = "社区,网格\n丰盛社区,第一网格\n";
    const withBom = await openSheetSource(write("bom.csv", `\uFEFF${text}`), "bom.csv");
    expect(withBom.encoding).toBe("utf-8");
    expect((await collect(withBom))[0]!.cells).toEqual(["社区", "网格"]);
    const plain = await openSheetSource(write("plain.csv", text), "plain.csv");
    expect(plain.encoding).toBe("utf-8");
    expect((await collect(plain))[1]!.cells).toEqual(["丰盛社区", "第一网格"]);
  });

  it("tells UTF-8 from GB18030 when the sample cuts a character, and decodes across chunks", async () => {
    // "丰" is three bytes in UTF-8; place one so that the 64 KB sample ends inside it.
    const head = `${"ab\n".repeat((SAMPLE_BYTES - 2 - 2) / 3)}c\n`;
    expect(Buffer.byteLength(head)).toBe(SAMPLE_BYTES - 2);
    const body = `${head}丰${"b".repeat(10)}\n${"居民,丰盛社区\n".repeat(50_000)}`;
    const source = await openSheetSource(write("cut.csv", body), "cut.csv");
    expect(source.encoding).toBe("utf-8");
    const rows = await collect(source);
    const cut = (SAMPLE_BYTES - 4) / 3 + 1;
    expect(rows[cut]!.cells).toEqual([`丰${"b".repeat(10)}`]);
    expect(rows.slice(cut + 1).every((r) => r.cells[1] === "丰盛社区")).toBe(true);
    expect(rows).toHaveLength(cut + 1 + 50_000);
  });

  it("numbers records, not lines, keeps quoted line breaks and blank lines", async () => {
    const text = '姓名,备注\n"张三","住址：\r\n丰盛胡同 1 号"\n\n李四,"说""好"""\r\n王五';
    const source = await openSheetSource(write("multi.csv", text), "multi.csv");
    expect(await collect(source)).toEqual([
      { number: 1, cells: ["姓名", "备注"] },
      { number: 2, cells: ["张三", "住址：\r\n丰盛胡同 1 号"] },
      { number: 3, cells: [] },
      { number: 4, cells: ["李四", '说"好"'] },
      { number: 5, cells: ["王五"] },
    ]);
  });

  it("reads tab-separated text: by extension, by its first line, and Excel's UTF-16 Unicode text", async () => {
    const byName = await openSheetSource(write("a.tsv", "姓名\t备注,逗号\n张三\t1,2\n"), "a.tsv");
    expect(byName.format).toBe("tsv");
    expect((await collect(byName))[1]!.cells).toEqual(["张三", "1,2"]);
    const byLine = await openSheetSource(write("b.txt", "姓名\t年龄\n张三\t30\n"), "b.txt");
    expect(byLine.format).toBe("tsv");
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("姓名\t电话\r\n张三\t010-1234\r\n", "utf16le"),
    ]);
    const unicode = await openSheetSource(write("c.txt", utf16), "c.txt");
    expect([unicode.format, unicode.encoding]).toEqual(["tsv", "utf-16le"]);
    expect((await collect(unicode))[1]!.cells).toEqual(["张三", "010-1234"]);
  });

  it("yields no rows for an empty file", async () => {
    const source = await openSheetSource(write("empty.csv", ""), "empty.csv");
    expect(await collect(source)).toEqual([]);
  });

  it("refuses more than 1,048,576 rows after yielding the rows before", async () => {
    const source = await openSheetSource(write("tall.csv", "1\n".repeat(1_048_577)), "tall.csv");
    let seen = 0;
    const message = await refusal(async () => {
      for await (const _ of source.rows(0)) seen++;
    });
    expect(message).toContain("表格超过 1,048,576 行");
    expect(seen).toBe(1_048_576);
  });

  it("refuses a 10 MB cell naming its row and column", async () => {
    const source = await openSheetSource(
      write("wide.csv", `a,b\nx,${"长".repeat(10 * 1024 ** 2)}\n`),
      "w.csv",
    );
    const message = await refusal(collect(source));
    expect(message).toContain("第 2 行 B 列的内容超过 32767 个字符");
  });

  it("refuses an unclosed quote and bytes invalid in the file's encoding", async () => {
    const quote = await openSheetSource(write("quote.csv", 'a,b\n1,"2\n3,4\n'), "q.csv");
    expect(await refusal(collect(quote))).toContain("第 2 行有一个没有闭合的引号");
    const mixed = Buffer.concat([
      Buffer.from(`姓名\n${"张三\n".repeat(20_000)}`),
      iconv.encode("李四\n", "gbk"),
    ]);
    const source = await openSheetSource(write("mixed.csv", mixed), "m.csv");
    expect(source.encoding).toBe("utf-8");
    expect(await refusal(collect(source))).toContain("无法识别的字符");
  });

  it("stops when the import is cancelled", async () => {
    const source = await openSheetSource(write("cancel.csv", "居民,1\n".repeat(100_000)), "c.csv");
    const controller = new AbortController();
    let seen = 0;
    await expect(async () => {
      for await (const _ of source.rows(0, controller.signal)) if (++seen === 3) controller.abort();
    }).rejects.toThrow(/abort/i);
    expect(seen).toBe(3);
    await source.close();
  });
});
