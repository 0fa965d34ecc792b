// Person records end to end through the domain, on a real database (SQLite, or MariaDB in CI):
// ID intelligence, uniqueness, versions, scoping, encryption at rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../../tests/support/db.ts";
import { auditEvents, callerFor, orgId } from "../../../tests/support/factories.ts";
import type { Caller } from "../../core/services.server.ts";
import { addField, updateField } from "../../schema/edit-fields.server.ts";
import { buildId } from "../identity/id-fixtures.ts";
import { recordHistory, tableAsOf } from "./history.server.ts";
import { getRecord, listRecords, revealValue } from "./read.server.ts";
import { resealPending } from "./reseal.server.ts";
import { createRecord, updateRecord } from "./write.server.ts";

const ageToday = (birth: string) => {
  const now = new Date();
  const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
  const before = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (before ? 1 : 0);
};

describe("person records", () => {
  let t: TestServices;
  let fengsheng: Caller;
  let erlonglu: Caller;
  beforeAll(async () => {
    t = await createTestServices();
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
  });
  afterAll(() => t.cleanup());

  it("fills birth date, sex and age from the ID number alone", async () => {
    const id = buildId("110102", "1958-03-07", "121");
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "王 秀 英", document: id.number },
    });
    expect(person.systemId).toMatch(/^RY-\d{6}$/);
    expect(person.values.name).toBe("王秀英");
    expect(person.values.birthDate).toBe("1958-03-07");
    expect(person.display.sex).toBe("男");
    expect(person.values.age).toBe(ageToday("1958-03-07"));
    expect(person.orgName).toBe("丰盛社区");
    // Masked in every view.
    expect(person.display.document).toBe(`110102********${id.number.slice(-4)}`);
    expect(JSON.stringify(person)).not.toContain(id.number);
  });

  it("accepts a lowercase x and upgrades a 15-digit number", async () => {
    const withX = buildId("110105", "1949-12-31", "002");
    expect(withX.number.endsWith("X")).toBe(true);
    const a = await createRecord(t.services, fengsheng, "people", {
      values: { name: "赵小兰", document: withX.number.toLowerCase() },
    });
    expect(a.values.birthDate).toBe("1949-12-31");
    const fifteen = "110102580307123";
    const b = await createRecord(t.services, fengsheng, "people", {
      values: { name: "钱大成", document: fifteen },
    });
    expect(b.values.birthDate).toBe("1958-03-07");
    const revealed = await revealValue(t.services, fengsheng, b.id, "document");
    expect(revealed.text).toHaveLength(18);
    expect(revealed.text).toMatch(/^11010219580307123[0-9X]$/);
  });

  it("refuses a wrong check digit, naming the field", async () => {
    const id = buildId("110102", "1970-01-01", "233");
    const wrong = id.number.slice(0, 17) + (id.number.endsWith("1") ? "2" : "1");
    await expect(
      createRecord(t.services, fengsheng, "people", { values: { name: "孙一", document: wrong } }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fields: { document: expect.stringMatching(/证件号码.*校验/) },
    });
  });

  it("refuses a birth date that contradicts the ID, naming both dates", async () => {
    const id = buildId("110102", "1980-05-20", "345");
    const refusal = createRecord(t.services, fengsheng, "people", {
      values: { name: "周二", document: id.number, birthDate: "1980-05-21" },
    });
    await expect(refusal).rejects.toMatchObject({ kind: "invalid" });
    const error = (await refusal.catch((e) => e)) as { fields: Record<string, string> };
    expect(error.fields.birthDate).toContain("1980-05-21");
    expect(error.fields.birthDate).toContain("1980-05-20");
    const count = await t.services.db
      .selectFrom("records")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("unique_key", "is not", null)
      .executeTakeFirstOrThrow();
    const again = await createRecord(t.services, fengsheng, "people", {
      values: { name: "周二", document: id.number, birthDate: "1980-05-20", sex: "女" },
    }).catch((e) => e);
    expect(again.fields.sex).toMatch(/性别 女.*男/);
    const after = await t.services.db
      .selectFrom("records")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("unique_key", "is not", null)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(count.n));
  });

  it("refuses the same person twice, and names the record only inside the caller's scope", async () => {
    const id = buildId("110102", "1990-10-10", "456");
    const first = await createRecord(t.services, fengsheng, "people", {
      values: { name: "吴三", document: id.number },
    });
    await expect(
      createRecord(t.services, fengsheng, "people", { values: { name: "吴三", document: id.number } }),
    ).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining(first.systemId) });
    const elsewhere = await createRecord(t.services, erlonglu, "people", {
      values: { name: "吴三", document: id.number },
    }).catch((e) => e);
    expect(elsewhere.kind).toBe("conflict");
    expect(elsewhere.message).toContain("其他社区");
    expect(elsewhere.message).not.toContain(first.systemId);
  });

  it("lets only one of several simultaneous registrations of a person through", async () => {
    const id = buildId("110102", "1971-11-11", "246");
    const outcomes = await Promise.allSettled(
      ["甲", "乙", "丙"].map((n) =>
        createRecord(t.services, fengsheng, "people", { values: { name: `同时${n}`, document: id.number } }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected"))
      expect((o as PromiseRejectedResult).reason).toMatchObject({ kind: "conflict" });
  });

  it("keeps every change as a version and answers as of a past moment", async () => {
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "郑四", document: buildId("110102", "1966-06-06", "567").number, nativePlace: "河北" },
    });
    const before = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    const changed = await updateRecord(t.services, fengsheng, person.id, {
      version: person.version,
      values: { nativePlace: "山东", mobile: "+86 139-0013-9000" },
    });
    expect(changed.version).toBe(2);
    expect(changed.display.mobile).toBe("139****9000");
    const { entries } = await recordHistory(t.services, fengsheng, person.id);
    expect(entries[0]).toMatchObject({ version: 2, kind: "update", by: "李秀梅" });
    expect(entries[0]!.changes).toContainEqual(
      expect.objectContaining({ label: "籍贯", old: "河北", new: "山东" }),
    );
    expect(entries[0]!.changes).toContainEqual(
      expect.objectContaining({ label: "手机号码", old: "", new: "139****9000", masked: true }),
    );
    const then = await tableAsOf(t.services, fengsheng, "people", before);
    expect(then.find((r) => r.id === person.id)?.values.nativePlace).toBe("河北");
    expect(then.find((r) => r.id === person.id)?.values.mobile).toBeUndefined();
    // A save from a form opened before the change is refused, not silently merged.
    await expect(
      updateRecord(t.services, fengsheng, person.id, { version: 1, values: { nativePlace: "天津" } }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });

  it("finds a person by a whole phone or ID number through the blind index", async () => {
    const id = buildId("110102", "1975-07-07", "678");
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "冯五", document: id.number, mobile: "13700137777" },
    });
    const byPhone = await listRecords(t.services, fengsheng, "people", { q: "137 0013 7777" });
    expect(byPhone.rows.map((r) => r.id)).toEqual([person.id]);
    const byId = await listRecords(t.services, fengsheng, "people", { q: id.number });
    expect(byId.rows.map((r) => r.id)).toEqual([person.id]);
    const byName = await listRecords(t.services, fengsheng, "people", { q: "冯五" });
    expect(byName.rows.map((r) => r.id)).toContain(person.id);
  });

  it("never shows or changes another community's people", async () => {
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "陈六", document: buildId("110102", "1985-08-08", "789").number },
    });
    await expect(getRecord(t.services, erlonglu, person.id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      updateRecord(t.services, erlonglu, person.id, { values: { nativePlace: "x" } }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    const theirs = await listRecords(t.services, erlonglu, "people", { pageSize: 200 });
    expect(theirs.rows.some((r) => r.orgName === "丰盛社区")).toBe(false);
    await expect(
      createRecord(t.services, erlonglu, "people", {
        orgId: await orgId(t.services, "丰盛社区"),
        values: { name: "越界" },
      }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    expect((await auditEvents(t.services, "access.denied")).length).toBeGreaterThan(0);
  });

  it("keeps ID and phone numbers out of the database in plain text", async () => {
    const id = buildId("110102", "1962-02-02", "890");
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "褚七", document: id.number, mobile: "13512345678" },
    });
    await updateRecord(t.services, fengsheng, person.id, { values: { emergencyPhone: "13698765432" } });
    const dump = JSON.stringify([
      await t.services.db.selectFrom("records").selectAll().execute(),
      await t.services.db.selectFrom("record_versions").selectAll().execute(),
      await t.services.db.selectFrom("record_lookup").selectAll().execute(),
      await t.services.db.selectFrom("audit_log").selectAll().execute(),
    ]);
    for (const secret of [
      id.number,
      id.number.slice(6, 14) + id.number.slice(14),
      "13512345678",
      "13698765432",
    ])
      expect(dump).not.toContain(secret);
    expect(dump).toContain("褚七");
  });

  it("reveals a masked value only with the permission, and logs it", async () => {
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "卫八", mobile: "15011112222" },
    });
    const before = (await auditEvents(t.services, "record.revealed")).length;
    expect((await revealValue(t.services, fengsheng, person.id, "mobile")).text).toBe("15011112222");
    expect((await auditEvents(t.services, "record.revealed")).length).toBe(before + 1);
    const qiye = await callerFor(t.services, "qiye");
    await expect(revealValue(t.services, qiye, person.id, "mobile")).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("lets an editor save while someone else adds a field", async () => {
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "蒋九" },
    });
    const admin = await callerFor(t.services, "admin");
    const field = await addField(t.services, admin, "people", { label: "志愿者服务时长", type: "decimal" });
    const saved = await updateRecord(t.services, fengsheng, person.id, {
      version: person.version,
      values: { occupation: "教师" },
    });
    expect(saved.display.occupation).toBe("教师");
    const withHours = await updateRecord(t.services, fengsheng, person.id, {
      version: saved.version,
      values: { [field.key]: "12.5" },
    });
    expect(withHours.values[field.key]).toBe(12.5);
  });

  it("seals the stored values of a field staff newly mark sensitive", async () => {
    const field = await addField(t.services, fengsheng, "people", { label: "既往病史", type: "text" });
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "沈十四", [field.key]: "高血压病史十年" },
    });
    await updateRecord(t.services, fengsheng, person.id, { values: { [field.key]: "高血压病史十一年" } });
    const stored = async () =>
      JSON.stringify([
        await t.services.db.selectFrom("records").select("data").execute(),
        await t.services.db.selectFrom("record_versions").select("changes").execute(),
      ]);
    expect(await stored()).toContain("高血压病史十年");
    await updateField(t.services, fengsheng, field.id, { sensitive: "on" });
    await resealPending(t.services);
    const after = await stored();
    expect(after).not.toContain("高血压病史十年");
    expect(after).not.toContain("高血压病史十一年");
    const view = await getRecord(t.services, fengsheng, person.id);
    expect(view.masked).toContain(field.key);
    expect((await revealValue(t.services, fengsheng, person.id, field.key)).text).toBe("高血压病史十一年");
  });
});
