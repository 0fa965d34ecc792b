// Uploads and downloads over HTTP as the record forms use them: multipart POST /admin/files with the
// CSRF token, GET /admin/files/:id (and ?thumb=1) with safe headers, scope enforced per community.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return form;
}

describe("file upload and download over HTTP", () => {
  let server: TestServer;
  let fengsheng: Client;
  let photo: { id: string; size: number };
  let pdf: { id: string };

  const upload = (client: Client, form: FormData, headers: Record<string, string> = {}) =>
    client.request("/admin/files", {
      method: "POST",
      body: form,
      headers: { accept: "application/json", "sec-fetch-site": "same-origin", ...headers },
    });

  beforeAll(async () => {
    server = await startTestServer();
    fengsheng = new Client(server.url);
    await fengsheng.login("fengsheng");
    expect(fengsheng.csrf).not.toBe("");
  });
  afterAll(() => server.stop());

  it("uploads a photo as multipart with the CSRF field and answers 201 JSON", async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#16a085" } })
      .png()
      .toBuffer();
    const response = await upload(
      fengsheng,
      multipart(
        { kind: "photo", _csrf: fengsheng.csrf },
        { name: "门牌 01.png", type: "image/png", data: png },
      ),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      name: "门牌 01.png",
      mime: "image/png",
      hasThumb: true,
      width: 800,
      height: 600,
    });
    expect(body.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{23}$/);
    photo = body;
  });

  it("uploads a document with the X-CSRF-Token header and gives it back byte for byte", async () => {
    const response = await upload(
      fengsheng,
      multipart({ kind: "file" }, { name: "低保 申请(2).pdf", type: "application/pdf", data: PDF }),
      { "x-csrf-token": fengsheng.csrf },
    );
    expect(response.status).toBe(201);
    pdf = await response.json();
    expect(pdf).toMatchObject({ mime: "application/pdf", size: PDF.length, hasThumb: false });

    const back = await fengsheng.request(`/admin/files/${pdf.id}`);
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("application/pdf");
    expect(back.headers.get("x-content-type-options")).toBe("nosniff");
    expect(back.headers.get("cache-control")).toMatch(/^private/);
    expect(back.headers.get("content-disposition")).toBe(
      `inline; filename="__ __(2).pdf"; filename*=UTF-8''${encodeURIComponent("低保 申请")}%282%29.pdf`,
    );
    expect(Buffer.from(await back.arrayBuffer()).equals(PDF)).toBe(true);

    const etag = back.headers.get("etag")!;
    const again = await fengsheng.request(`/admin/files/${pdf.id}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("serves the photo and its WebP thumbnail", async () => {
    const original = await fengsheng.request(`/admin/files/${photo.id}`);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("content-disposition")).toMatch(/^inline; /);
    const bytes = Buffer.from(await original.arrayBuffer());
    expect(bytes.length).toBe(photo.size);
    expect((await sharp(bytes).metadata()).width).toBe(800);

    const thumb = await fengsheng.request(`/admin/files/${photo.id}?thumb=1`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBeLessThanOrEqual(240);

    const none = await fengsheng.request(`/admin/files/${pdf.id}?thumb=1`);
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe("not_found");
  });

  it("downloads text as an attachment", async () => {
    const response = await upload(
      fengsheng,
      multipart(
        { kind: "file", _csrf: fengsheng.csrf },
        { name: "名单.txt", type: "text/plain", data: Buffer.from("张三\n") },
      ),
    );
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const back = await fengsheng.request(`/admin/files/${id}`);
    expect(back.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(back.headers.get("content-disposition")).toMatch(
      /^attachment; filename="__.txt"; filename\*=UTF-8''/,
    );
  });

  it("refuses a disguised file with a 400 JSON error and a form without the token with 403", async () => {
    const fake = await upload(
      fengsheng,
      multipart(
        { kind: "photo", _csrf: fengsheng.csrf },
        { name: "photo.jpg", type: "image/jpeg", data: Buffer.from("<html><script>alert(1)</script>") },
      ),
    );
    expect(fake.status).toBe(400);
    const body = await fake.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toMatch(/^照片须为 JPG、PNG 或 WebP 图片/);
    expect(body.error.fields.file).toBeDefined();

    const missing = await upload(fengsheng, multipart({ kind: "photo", _csrf: fengsheng.csrf }));
    expect(missing.status).toBe(400);

    const noToken = await upload(
      fengsheng,
      multipart({ kind: "file" }, { name: "a.pdf", type: "application/pdf", data: PDF }),
    );
    expect(noToken.status).toBe(403);
  });

  it("refuses another community's staff and sends strangers to sign in", async () => {
    const erlonglu = new Client(server.url);
    await erlonglu.login("erlonglu");
    const denied = await erlonglu.request(`/admin/files/${photo.id}`);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe("forbidden");
    expect((await erlonglu.request(`/admin/files/${photo.id}?thumb=1`)).status).toBe(403);

    const stranger = await new Client(server.url).request(`/admin/files/${photo.id}`);
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get("location")).toMatch(/^\/login\?next=/);
  });
});
