// Tables, fields and dictionaries changed while records exist: metadata only, records intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../tests/support/factories.ts";
import type { Caller } from "../core/services.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { getRecord, subRowsOf } from "../people/records/read.server.ts";
import { createRecord } from "../people/records/write.server.ts";
import { addOption, getDictionary, mergeOptions, updateOption } from "./dictionaries.server.ts";
import { addField, moveField, removeField, restoreField, updateField } from "./edit-fields.server.ts";
import { createTable } from "./edit-tables.server.ts";
import { loadTable } from "./tables.server.ts";

describe("tables, fields and dictionaries", () => {
  let t: TestServices;
  let fengsheng: Caller;
  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 40 });
    fengsheng = await callerFor(t.services, "fengsheng");
  });
  afterAll(() => t.cleanup());

  const snapshot = () =>
    t.services.db
      .selectFrom("records")
      .select(["id", "data", "version", "updated_at"])
      .orderBy("id")
      .execute();

  it("installs the person table with the fields offices use", async () => {
    const people = await loadTable(t.services.db, "people");
    const labels = people.fields.map((f) => f.label);
    for (const label of [
      "姓名",
      "证件号码",
      "性别",
      "出生日期",
      "年龄",
      "民族",
      "政治面貌",
      "手机号码",
      "现住址",
      "特殊人群",
    ])
      expect(labels).toContain(label);
    expect(people.fields.filter((f) => f.sensitive).map((f) => f.key)).toEqual(
      expect.arrayContaining(["document", "mobile", "emergencyPhone"]),
    );
  });

  it("adds, renames, hides, moves, removes and restores a field without touching a record", async () => {
    const before = await snapshot();
    expect(before.length).toBe(40);
    const field = await addField(t.services, fengsheng, "people", {
      label: "志愿者服务时长",
      type: "decimal",
    });
    expect(field.key).toBe("zyzfwsc");
    const renamed = await updateField(t.services, fengsheng, field.id, {
      label: "志愿服务时长（小时）",
      hidden: "on",
    });
    expect(renamed).toMatchObject({ label: "志愿服务时长（小时）", hidden: true });
    const order = async () => (await loadTable(t.services.db, "people")).fields.map((f) => f.id);
    const at = (await order()).indexOf(field.id);
    await moveField(t.services, fengsheng, field.id, { direction: "up" });
    expect((await order()).indexOf(field.id)).toBe(at - 1);
    await removeField(t.services, fengsheng, field.id);
    expect(await order()).not.toContain(field.id);
    await restoreField(t.services, fengsheng, field.id);
    expect(await order()).toContain(field.id);
    expect(await snapshot()).toEqual(before);
    const events = (await auditEvents(t.services, "schema.field_updated")).map((e) => JSON.parse(e.data));
    expect(events.at(-1).changes.label).toEqual({ before: "志愿者服务时长", after: "志愿服务时长（小时）" });
  });

  it("keeps formulas working when a field they read is renamed, and refuses removing it", async () => {
    const people = await loadTable(t.services.db, "people");
    const birth = people.fields.find((f) => f.key === "birthDate")!;
    await updateField(t.services, fengsheng, birth.id, { label: "出生年月日" });
    const age = (await loadTable(t.services.db, "people")).fields.find((f) => f.key === "age")!;
    expect(age.options.formula).toBe("AGE([出生年月日])");
    await expect(removeField(t.services, fengsheng, birth.id)).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("年龄"),
    });
    const someone = await createRecord(t.services, fengsheng, "people", {
      values: { name: "秦十三", document: buildId("110102", "1950-01-15", "333").number },
    });
    expect((await getRecord(t.services, fengsheng, someone.id)).values.age).toEqual(expect.any(Number));
    await updateField(t.services, fengsheng, birth.id, { label: "出生日期" });
  });

  it("refuses bad field definitions with a message naming the problem", async () => {
    await expect(
      addField(t.services, fengsheng, "people", { label: "姓名", type: "text" }),
    ).rejects.toMatchObject({
      fields: { label: expect.any(String) },
    });
    await expect(
      addField(t.services, fengsheng, "people", { label: "到期", type: "formula", formula: "[出生日期] + " }),
    ).rejects.toMatchObject({ fields: { formula: expect.stringMatching(/第 \d+ 个字符/) } });
    await expect(
      addField(t.services, fengsheng, "people", { label: "爱好", type: "choice" }),
    ).rejects.toMatchObject({
      fields: { dictionary: expect.any(String) },
    });
    const name = (await loadTable(t.services.db, "people")).fields.find((f) => f.key === "name")!;
    await expect(removeField(t.services, fengsheng, name.id)).rejects.toMatchObject({ kind: "invalid" });
    const qiye = await callerFor(t.services, "qiye");
    await expect(addField(t.services, qiye, "people", { label: "备用", type: "text" })).rejects.toMatchObject(
      {
        kind: "forbidden",
      },
    );
  });

  it("adds a sub-table whose rows hang under a person", async () => {
    const visits = await createTable(t.services, fengsheng, { name: "走访记录", parent: "people" });
    expect(visits).toMatchObject({ kind: "sub", key: "zfjl", idPrefix: "ZFJL" });
    await addField(t.services, fengsheng, visits.key, { label: "走访日期", type: "date", required: "on" });
    await addField(t.services, fengsheng, visits.key, { label: "走访情况", type: "longtext" });
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "沈十", document: buildId("110102", "1944-04-04", "111").number },
    });
    await expect(
      createRecord(t.services, fengsheng, visits.key, { values: { 走访日期: "2026-11-01" } }),
    ).rejects.toMatchObject({ fields: { parentId: expect.any(String) } });
    const row = await createRecord(t.services, fengsheng, visits.key, {
      parentId: person.id,
      values: { zfrq: "2026年11月1日", zfqk: "老人身体健康，独居" },
    });
    expect(row.systemId).toMatch(/^ZFJL-000001$/);
    expect(row.orgName).toBe("丰盛社区");
    const [sub] = await subRowsOf(t.services, fengsheng, person.id, [
      await loadTable(t.services.db, visits.key),
    ]);
    expect(sub!.rows.map((r) => r.display.zfrq)).toEqual(["2026-11-01"]);
  });

  it("renames and merges dictionary options without breaking records", async () => {
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "韩十一", health: "一般", specialGroups: "独居老人" },
    });
    const health = await getDictionary(t.services, fengsheng, "health");
    const fair = health.options.find((o) => o.label === "一般")!;
    const healthy = health.options.find((o) => o.label === "健康")!;
    await updateOption(t.services, fengsheng, "health", fair.code, { label: "尚可", colour: "#16a34a" });
    expect((await getRecord(t.services, fengsheng, person.id)).display.health).toBe("尚可");
    await mergeOptions(t.services, fengsheng, "health", { from: fair.code, into: healthy.code });
    const merged = await getDictionary(t.services, fengsheng, "health");
    expect(merged.options.find((o) => o.code === fair.code)).toBeUndefined();
    expect((await getRecord(t.services, fengsheng, person.id)).display.health).toBe("健康");
    // The old names still import, now as the kept option.
    for (const old of ["一般", "尚可"]) {
      const later = await createRecord(t.services, fengsheng, "people", {
        values: { name: "杨十二", health: old },
      });
      expect(later.values.health).toBe(healthy.code);
    }
    const added = await addOption(t.services, fengsheng, "special_groups", {
      label: "社区志愿者骨干",
      colour: "#9333ea",
    });
    expect(added.options.at(-1)).toMatchObject({ label: "社区志愿者骨干", colour: "#9333ea" });
    await expect(
      addOption(t.services, fengsheng, "special_groups", { label: "社区志愿者骨干" }),
    ).rejects.toMatchObject({
      kind: "conflict",
    });
  });
});
