// The record pages of the staff console as a browser without JavaScript meets them: a person created
// from a name and an ID number, the ID rules' refusals, edits in the history, the recycle bin, scope,
// and no full ID number on the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idCheckCharacter } from "../app/people/identity/check-digit.ts";
import { ageOn, todayInChina } from "../app/people/normalise/calendar.ts";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

/** A valid 18-character ID number: Xicheng district, the birth date, a sequence (odd last digit: male). */
const idNumber = (birthDate: string, sequence: string) => {
  const first17 = `110102${birthDate.replaceAll("-", "")}${sequence}`;
  return first17 + idCheckCharacter(first17);
};

/** The same number with a check character that does not fit. */
const wrongCheck = (number: string) => number.slice(0, 17) + (number.endsWith("1") ? "2" : "1");

/** The page's text without markup and scripts (the hydration data repeats what the HTML shows). */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const person = (name: string, number: string, more: Record<string, string> = {}) => ({
  "v.name": name,
  "v.document.type": "resident_id",
  "v.document.number": number,
  ...more,
});

describe("record pages", () => {
  let server: TestServer;
  let fengsheng: Client;

  beforeAll(async () => {
    server = await startTestServer();
    fengsheng = new Client(server.url);
    await fengsheng.login("fengsheng");
  });
  afterAll(() => server.stop());

  async function create(fields: Record<string, string>): Promise<Response> {
    await fengsheng.page("/admin/data/people/new");
    return fengsheng.form("/admin/data/people/new", fields);
  }

  /** Creates a person and answers the record page's path. */
  async function created(name: string, number: string): Promise<string> {
    const response = await create(person(name, number));
    expect(response.status).toBe(302);
    return response.headers.get("location")!;
  }

  it("creates a person from a name and an ID number, and shows what the number says", async () => {
    const number = idNumber("1958-03-07", "121");
    const response = await create(person("王秀英", number));
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/admin\/records\/\d+$/);

    const page = await fengsheng.page(location);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toMatch(/RY-\d{6}/);
    expect(text).toMatch(/出生日期 1958-03-07/);
    expect(text).toMatch(/性别 男/);
    expect(text).toContain(`年龄 ${ageOn("1958-03-07", todayInChina())}`);
    expect(text).toContain(`110102********${number.slice(-4)}`);
    expect(page.html).not.toContain(number);
  });

  it("refuses a wrong check digit, naming the field and the problem", async () => {
    const response = await create(person("孙一", wrongCheck(idNumber("1970-01-01", "233"))));
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toMatch(/「证件号码」[^「]*校验位错误/);
  });

  it("refuses a birth date that contradicts the ID number, naming both dates", async () => {
    const number = idNumber("1980-05-20", "345");
    const response = await create(person("周二", number, { "v.birthDate": "1980-05-21" }));
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toMatch(/「出生日期」[^「]*1980-05-21[^「]*1980-05-20/);
  });

  it("refuses the same person twice with a conflict naming the record", async () => {
    const number = idNumber("1990-10-10", "456");
    const first = await created("吴三", number);
    const firstPage = await fengsheng.page(first);
    const systemId = /RY-\d{6}/.exec(textOf(firstPage.html))![0];
    const again = await create(person("吴三", number));
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain(systemId);
  });

  it("saves an edit, refuses a stale one, and shows the change in the history", async () => {
    const location = await created("郑四", idNumber("1966-06-06", "567"));
    const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
    let page = await fengsheng.page(location);
    const first = await fengsheng.form(location, {
      intent: "update",
      version: versionOf(page.html),
      "v.name": "郑四",
      "v.nativePlace": "河北",
    });
    expect(first.status).toBe(200);
    page = await fengsheng.page(location);
    const seen = versionOf(page.html);
    const second = await fengsheng.form(location, {
      intent: "update",
      version: seen,
      "v.name": "郑四",
      "v.nativePlace": "山东",
    });
    expect(second.status).toBe(200);
    expect(textOf(await second.text())).toContain("已保存");
    // Someone saved after the version this editor started from.
    const stale = await fengsheng.form(location, {
      intent: "update",
      version: seen,
      "v.name": "郑四",
      "v.nativePlace": "天津",
    });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("此记录刚被其他人修改过");

    const history = await fengsheng.page(`${location}/history`);
    expect(history.status).toBe(200);
    const text = textOf(history.html);
    expect(text).toMatch(/第 3 版 修改 李秀梅/);
    expect(text).toMatch(/籍贯 河北 → 改为 山东/);
    expect(text).toMatch(/第 1 版 新建/);
    expect(text).not.toContain("天津");
  });

  it("edits one value inline, leaving every other value as it was", async () => {
    const location = await created("卫六", idNumber("1977-03-03", "135"));
    const page = await fengsheng.page(location);
    const version = /name="version" value="(\d+)"/.exec(page.html)![1]!;
    expect(page.html).toContain('value="updateField"');
    const saved = await fengsheng.form(location, {
      intent: "updateField",
      field: "occupation",
      version,
      "v.occupation": "社区医生",
    });
    expect(saved.status).toBe(200);
    const text = textOf((await fengsheng.page(location)).html);
    expect(text).toContain("社区医生");
    expect(text).toContain("卫六");
    expect(text).toContain("1977-03-03");
    const refused = await fengsheng.form(location, {
      intent: "updateField",
      field: "email",
      "v.email": "不是邮箱",
    });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("电子邮箱");
  });

  it("moves a record to the recycle bin and restores it from there", async () => {
    const location = await created("冯五", idNumber("1975-07-07", "678"));
    const id = location.split("/").pop()!;
    const systemId = /RY-\d{6}/.exec(textOf((await fengsheng.page(location)).html))![0];

    await fengsheng.page("/admin/data/people");
    const deleted = await fengsheng.form("/admin/data/people", { intent: "delete", ids: id });
    expect(deleted.status).toBe(200);
    expect(textOf(await deleted.text())).toContain("已将 1 条记录移入回收站");
    expect(textOf((await fengsheng.page(location)).html)).toContain("在回收站中");

    const bin = await fengsheng.page("/admin/recycle");
    expect(bin.status).toBe(200);
    expect(textOf(bin.html)).toContain(systemId);
    expect(textOf(bin.html)).toMatch(/保留 \d+ 天/);
    const restored = await fengsheng.form("/admin/recycle?table=people", { intent: "restore", ids: id });
    expect(restored.status).toBe(200);
    expect(textOf(await restored.text())).toContain("已恢复 1 条记录");
    expect(textOf((await fengsheng.page(location)).html)).not.toContain("在回收站中");
    expect(textOf((await fengsheng.page("/admin/recycle")).html)).not.toContain(systemId);
  });

  it("does not let another community's admin open the record", async () => {
    const location = await created("陈六", idNumber("1985-08-08", "789"));
    const erlonglu = new Client(server.url);
    await erlonglu.login("erlonglu");
    expect((await erlonglu.page(location)).status).toBe(403);
  });

  it("never shows a full ID number on the list, not even when searching by one", async () => {
    const numbers = [idNumber("1950-01-02", "111"), idNumber("1960-02-03", "222")];
    for (const [i, number] of numbers.entries()) await created(`列表${i}`, number);
    const list = await fengsheng.page("/admin/data/people");
    expect(list.status).toBe(200);
    for (const number of numbers) {
      expect(list.html).not.toContain(number);
      expect(textOf(list.html)).toContain(`110102********${number.slice(-4)}`);
    }
    // A whole number is searched by POST, so it never stands in a URL; the answer is masked too.
    const found = await fengsheng.form("/admin/data/people", { intent: "search", q: numbers[0]! });
    expect(found.status).toBe(200);
    const text = textOf(await found.text());
    expect(text).toContain("列表0");
    expect(text).not.toContain("列表1");
    expect(text).not.toContain(numbers[0]!.slice(6, 14));
  });
});
