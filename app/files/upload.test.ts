// Uploads end to end through the domain on a real database (SQLite, or MariaDB in CI) and the real
// local file store: pictures made upright and stripped, documents checked by content, scope on read.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor, orgId } from "../../tests/support/factories.ts";
import { isAppError } from "../core/errors.ts";
import type { Caller } from "../core/services.server.ts";
import { readFile } from "./read.server.ts";
import { MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES, uploadFile } from "./upload.server.ts";

/** A 300×100 JPEG whose EXIF says "rotate 90°" and which carries a GPS position and camera make. */
async function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 100, channels: 3, background: "#c0392b" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "Secret-Serial-42" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "39/1 54/1 27/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "116/1 23/1 0/1",
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: "#2e86de" } })
    .png()
    .toBuffer();

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
async function appError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("file uploads", () => {
  let t: TestServices;
  let fengsheng: Caller;
  let erlonglu: Caller;
  let admin: Caller;
  const countFiles = async () =>
    Number(
      (
        await t.services.db
          .selectFrom("files")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestServices();
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
    admin = await callerFor(t.services, "admin");
  });
  afterAll(() => t.cleanup());

  it("turns a camera photo upright, strips its metadata and makes a WebP thumbnail", async () => {
    const original = await cameraJpeg();
    expect((await sharp(original).metadata()).orientation).toBe(6);
    expect(original.includes(Buffer.from("Secret-Serial-42"))).toBe(true);
    // The GPS IFD pointer (tag 0x8825) is there before upload, in either byte order.
    const exif = (await sharp(original).metadata()).exif!;
    expect(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const up = await uploadFile(
      t.services,
      fengsheng,
      { name: "C:\\fakepath\\门牌 照片.jpeg", type: "image/jpeg", data: original },
      "photo",
    );
    expect(up).toMatchObject({
      name: "门牌 照片.jpg",
      mime: "image/jpeg",
      hasThumb: true,
      width: 100,
      height: 300,
    });
    expect(up.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{23}$/);

    const stored = await readFile(t.services, fengsheng, up.id);
    expect(stored.mime).toBe("image/jpeg");
    expect(stored.data.length).toBe(up.size);
    const meta = await sharp(stored.data).metadata();
    expect([meta.width, meta.height]).toEqual([100, 300]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(stored.data.includes(Buffer.from("Secret-Serial-42"))).toBe(false);
    expect(stored.data.includes(Buffer.from("TestCam"))).toBe(false);

    const thumb = await readFile(t.services, fengsheng, up.id, "thumb");
    expect(thumb.mime).toBe("image/webp");
    const thumbMeta = await sharp(thumb.data).metadata();
    expect(thumbMeta.format).toBe("webp");
    expect(thumbMeta.width).toBeLessThanOrEqual(240);
    expect(thumbMeta.height).toBeGreaterThan(thumbMeta.width);

    const row = await t.services.db
      .selectFrom("files")
      .selectAll()
      .where("id", "=", up.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      org_path: fengsheng.actor.orgPath,
      name: "门牌 照片.jpg",
      mime: "image/jpeg",
    });
    expect(Number(row.created_by)).toBe(fengsheng.actor.id);
    expect(Number(row.has_thumb)).toBe(1);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);

    const audit = (await auditEvents(t.services, "file.uploaded")).find((r) => r.target_id === up.id);
    expect(audit).toBeDefined();
    expect(audit!.actor_name).toBe("fengsheng");
    expect(audit!.org_path).toBe(fengsheng.actor.orgPath);
    expect(JSON.parse(audit!.data)).toEqual({
      file: up.id,
      name: "门牌 照片.jpg",
      size: up.size,
      mime: "image/jpeg",
    });
  });

  it("scales a large picture's thumbnail to 240 px and renames a PNG sent as .jpg", async () => {
    const up = await uploadFile(
      t.services,
      fengsheng,
      { name: "scan.jpg", data: await png(1200, 600) },
      "photo",
    );
    expect(up).toMatchObject({
      name: "scan.png",
      mime: "image/png",
      width: 1200,
      height: 600,
      hasThumb: true,
    });
    const thumb = await sharp((await readFile(t.services, fengsheng, up.id, "thumb")).data).metadata();
    expect([thumb.width, thumb.height]).toEqual([240, 120]);
  });

  it("stores HEIF-family pictures (AVIF here) as JPEG, which every browser shows", async () => {
    const avif = await sharp({ create: { width: 64, height: 32, channels: 3, background: "#888" } })
      .avif()
      .toBuffer();
    const up = await uploadFile(t.services, fengsheng, { name: "IMG_0001.avif", data: avif }, "photo");
    expect(up).toMatchObject({ name: "IMG_0001.jpg", mime: "image/jpeg", width: 64, height: 32 });
  });

  it("refuses a text file disguised as a picture, as photo and as document, leaving nothing behind", async () => {
    const before = await countFiles();
    const fake = { name: "photo.jpg", type: "image/jpeg", data: Buffer.from("<script>alert(1)</script>") };
    const asPhoto = await appError(uploadFile(t.services, fengsheng, fake, "photo"));
    expect(asPhoto.status).toBe(400);
    expect(asPhoto.message).toMatch(/^照片须为 JPG、PNG 或 WebP 图片 \/ /);
    expect(asPhoto.fields?.file).toBeDefined();
    const asDocument = await appError(uploadFile(t.services, fengsheng, fake, "file"));
    expect(asDocument.status).toBe(400);
    expect(asDocument.message).toMatch(/扩展名 \.jpg 不符/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>');
    expect(
      (await appError(uploadFile(t.services, fengsheng, { name: "a.svg", data: svg }, "photo"))).status,
    ).toBe(400);
    expect(await countFiles()).toBe(before);
  });

  it("refuses files over the size limits and empty ones", async () => {
    const bigPhoto = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff);
    const photo = await appError(
      uploadFile(t.services, fengsheng, { name: "big.jpg", data: bigPhoto }, "photo"),
    );
    expect(photo.status).toBe(400);
    expect(photo.message).toMatch(/照片不能超过 10 MB/);
    const bigDoc = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    const doc = await appError(uploadFile(t.services, fengsheng, { name: "big.pdf", data: bigDoc }, "file"));
    expect(doc.message).toMatch(/文件不能超过 20 MB/);
    const empty = await appError(
      uploadFile(t.services, fengsheng, { name: "a.pdf", data: Buffer.alloc(0) }, "file"),
    );
    expect(empty.message).toMatch(/文件是空的/);
  });

  it("stores documents byte for byte when their content matches an allowed type", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const up = await uploadFile(t.services, fengsheng, { name: "低保申请.pdf", data: pdf }, "file");
    expect(up).toMatchObject({ name: "低保申请.pdf", mime: "application/pdf", hasThumb: false, width: null });
    const back = await readFile(t.services, fengsheng, up.id);
    expect(back.data.equals(pdf)).toBe(true);
    expect((await appError(readFile(t.services, fengsheng, up.id, "thumb"))).status).toBe(404);

    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a]);
    const txt = await uploadFile(t.services, fengsheng, { name: "名单.txt", data: gbk }, "file");
    expect(txt.mime).toBe("text/plain; charset=gb18030");

    const image = await uploadFile(
      t.services,
      fengsheng,
      { name: "证明.png", data: await png(50, 50) },
      "file",
    );
    expect(image).toMatchObject({ mime: "image/png", hasThumb: true, width: 50 });

    const exe = Buffer.from("MZ\x90\x00\x03\x00\x00\x00");
    expect(
      (await appError(uploadFile(t.services, fengsheng, { name: "a.exe", data: exe }, "file"))).message,
    ).toMatch(/仅支持 PDF/);
    expect(
      (await appError(uploadFile(t.services, fengsheng, { name: "a.pdf", data: exe }, "file"))).message,
    ).toMatch(/扩展名 \.pdf 不符/);
    expect(
      (await appError(uploadFile(t.services, fengsheng, { name: "a.docx", data: pdf }, "file"))).status,
    ).toBe(400);
  });

  it("lets only callers whose scope holds the file read it", async () => {
    const up = await uploadFile(t.services, fengsheng, { name: "a.png", data: await png(20, 20) }, "photo");
    const denied = await appError(readFile(t.services, erlonglu, up.id));
    expect(denied.status).toBe(403);
    const log = (await auditEvents(t.services, "access.denied")).at(-1)!;
    expect(log.actor_name).toBe("erlonglu");
    expect(log.target_id).toBe(up.id);
    expect((await appError(readFile(t.services, erlonglu, up.id, "thumb"))).status).toBe(403);
    // The street office above both communities may read it.
    expect((await readFile(t.services, admin, up.id)).mime).toBe("image/png");
    expect((await appError(readFile(t.services, fengsheng, "NoSuchFile123"))).status).toBe(404);
    expect((await appError(readFile(t.services, fengsheng, "../../etc/passwd"))).status).toBe(404);
  });

  it("refuses roles without record.write, and uploads into a community from above", async () => {
    const auditor = await callerFor(t.services, "auditor");
    const pic = { name: "a.png", data: await png(20, 20) };
    expect((await appError(uploadFile(t.services, auditor, pic, "photo"))).status).toBe(403);
    const bad = await appError(uploadFile(t.services, fengsheng, pic, "video" as "photo"));
    expect(bad.fields?.kind).toBeDefined();

    const fengshengId = await orgId(t.services, "丰盛社区");
    const up = await uploadFile(t.services, admin, pic, "photo", { orgId: fengshengId });
    expect((await readFile(t.services, fengsheng, up.id)).mime).toBe("image/png");
    const erlongluId = await orgId(t.services, "二龙路社区");
    expect(
      (await appError(uploadFile(t.services, fengsheng, pic, "photo", { orgId: erlongluId }))).status,
    ).toBe(403);
  });

  it("removes the stored bytes when the database refuses the row", async () => {
    const put = vi.spyOn(t.services.files, "put");
    const transaction = vi.spyOn(t.services.db, "transaction").mockImplementation(() => {
      throw new Error("database down");
    });
    const before = await countFiles();
    let calls: unknown[][];
    try {
      await expect(
        uploadFile(t.services, fengsheng, { name: "a.png", data: await png(20, 20) }, "photo"),
      ).rejects.toThrow("database down");
    } finally {
      calls = [...put.mock.calls];
      transaction.mockRestore();
      put.mockRestore();
    }
    expect(calls.map((c) => c[1])).toEqual(["original", "thumb"]);
    const id = calls[0]![0] as string;
    expect(await t.services.files.get(id, "original")).toBeNull();
    expect(await t.services.files.get(id, "thumb")).toBeNull();
    expect(await countFiles()).toBe(before);
  });
});
