// Pure checks: recognising documents by their bytes, cleaning names, quoting them in headers.
import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition, MAX_NAME, withExtension } from "./names.ts";
import { contentMatches, extensionOf, looksLikeImage, textCharset } from "./sniff.ts";

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const zip = (...entries: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entries.join("\0"))]);

describe("content sniffing", () => {
  it("recognises PDF, Office containers and pictures by their bytes", () => {
    expect(contentMatches("pdf", Buffer.from("%PDF-1.7\n…"))).toBe(true);
    expect(contentMatches("pdf", Buffer.from("MZ\x90\0 not a pdf"))).toBe(false);
    expect(contentMatches("docx", zip("[Content_Types].xml", "word/document.xml"))).toBe(true);
    expect(contentMatches("xlsx", zip("[Content_Types].xml", "word/document.xml"))).toBe(false);
    expect(contentMatches("xlsx", zip("xl/workbook.xml"))).toBe(true);
    expect(contentMatches("docx", zip("word/document.xml", "word/vbaProject.bin"))).toBe(false);
    const doc = Buffer.concat([OLE2, Buffer.alloc(100), Buffer.from("WordDocument", "utf16le")]);
    const xls = Buffer.concat([OLE2, Buffer.alloc(100), Buffer.from("Workbook", "utf16le")]);
    expect(contentMatches("doc", doc)).toBe(true);
    expect(contentMatches("xls", doc)).toBe(false);
    expect(contentMatches("xls", xls)).toBe(true);
    expect(contentMatches("docx", doc)).toBe(false);
    const encrypted = Buffer.concat([OLE2, Buffer.alloc(100), Buffer.from("EncryptedPackage", "utf16le")]);
    expect(contentMatches("xlsx", encrypted)).toBe(true);
    expect(looksLikeImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(looksLikeImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe(true);
    expect(looksLikeImage(Buffer.from("\0\0\0\x18ftypheic"))).toBe(true);
    expect(looksLikeImage(Buffer.from("<svg xmlns="))).toBe(false);
  });

  it("tells text from binary and finds its character set", () => {
    expect(textCharset(Buffer.from("居民名单\r\n张三\t李四\n"))).toBe("utf-8");
    expect(textCharset(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]))).toBe("gb18030"); // 张三 in GBK
    expect(textCharset(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("张三", "utf16le")]))).toBe(
      "utf-16le",
    );
    expect(textCharset(Buffer.from("MZ\x90\0\x03\0"))).toBeNull();
    expect(contentMatches("txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      false,
    );
  });

  it("reads extensions case-insensitively and ignores leading dots", () => {
    expect(extensionOf("报表.XLSX")).toBe("xlsx");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("README")).toBe("");
  });
});

describe("file names", () => {
  it("keeps only the last path segment and drops control and direction characters", () => {
    expect(cleanFileName("C:\\fakepath\\证件照.jpg", "x")).toBe("证件照.jpg");
    expect(cleanFileName("../../etc/passwd", "x")).toBe("passwd");
    expect(cleanFileName("a\u0000b\r\nc.pdf", "x")).toBe("abc.pdf");
    expect(cleanFileName("invoice\u202Egpj.exe", "x")).toBe("invoicegpj.exe");
    expect(cleanFileName("  ..hidden.txt  ", "x")).toBe("hidden.txt");
    expect(cleanFileName("/", "文件")).toBe("文件");
    expect(cleanFileName("a\ud800b.txt", "x")).toBe("ab.txt");
  });

  it("caps long names and keeps the extension", () => {
    const long = `${"长".repeat(300)}.docx`;
    const clean = cleanFileName(long, "x");
    expect([...clean]).toHaveLength(MAX_NAME);
    expect(clean.endsWith(".docx")).toBe(true);
    expect(withExtension("photo.heic", "jpg")).toBe("photo.jpg");
    expect(withExtension("photo", "png")).toBe("photo.png");
  });

  it("quotes names for Content-Disposition with an RFC 5987 form", () => {
    expect(contentDisposition("attachment", '户籍 "表" (1).xlsx')).toBe(
      `attachment; filename="__ ___ (1).xlsx"; filename*=UTF-8''%E6%88%B7%E7%B1%8D%20%22%E8%A1%A8%22%20%281%29.xlsx`,
    );
    expect(contentDisposition("inline", "a.pdf")).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });
});
