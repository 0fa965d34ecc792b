// Record forms ↔ values: what each editor's inputs become for createRecord / updateRecord, and back.
import { describe, expect, it } from "vitest";
import { buildId } from "../../people/identity/id-fixtures.ts";
import { type FormField, type FormInput, formDefaults, formInput, formValues } from "./form-values.ts";
import { idHint } from "./id-hint.ts";

const field = (key: string, type: FormField["type"], extra: Partial<FormField> = {}): FormField => ({
  key,
  label: key,
  type,
  required: false,
  sensitive: false,
  hidden: false,
  options: {},
  ...extra,
});

const FIELDS: FormField[] = [
  field("name", "text", { required: true }),
  field("document", "document", { sensitive: true }),
  field("birthDate", "date"),
  field("age", "formula"),
  field("secret", "text", { hidden: true }),
  field("mobile", "mobile", { sensitive: true }),
  field("married", "boolean"),
  field("groups", "multichoice", { options: { dictionary: "special_groups" } }),
  field("address", "address"),
  field("photo", "photo"),
  field("files", "attachments"),
  field("head", "link", { options: { linkTable: "people" } }),
  field("seen", "datetime"),
  field("fee", "money"),
];

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return formInput(data.entries());
};

describe("formValues", () => {
  it("assembles a new record from the inputs, leaving blanks out", () => {
    const input = form([
      ["_csrf", "x"],
      ["intent", "create"],
      ["v.name", " 王秀英 "],
      ["v.document.type", "resident_id"],
      ["v.document.number", "110102195803071214"],
      ["v.birthDate", ""],
      ["v.mobile", ""],
      ["v.married.was", ""],
      ["v.groups", "1"],
      ["v.groups", "3"],
      ["v.address.estate", "金融街小区"],
      ["v.address.building", "3"],
      ["v.address.room", ""],
      ["v.photo", "abc123"],
      ["v.files", "f1"],
      ["v.files", "f2"],
      ["v.head", "RY-000001"],
      ["v.seen", "2026-05-01T14:30"],
      ["v.age", "99"],
      ["v.secret", "x"],
    ]);
    expect(formValues(FIELDS, input, "create")).toEqual({
      name: "王秀英",
      document: { type: "resident_id", number: "110102195803071214" },
      groups: ["1", "3"],
      address: { estate: "金融街小区", building: "3" },
      photo: "abc123",
      files: ["f1", "f2"],
      head: "RY-000001",
      seen: "2026-05-01T14:30",
    });
  });

  it("on update clears emptied fields but leaves empty sensitive inputs unchanged", () => {
    const input = form([
      ["v.name", "王秀英"],
      ["v.document.type", "resident_id"],
      ["v.document.number", ""],
      ["v.birthDate", ""],
      ["v.mobile", ""],
      ["v.married.was", "1"],
      ["v.address.text", ""],
      ["v.head", ""],
    ]);
    const values = formValues(FIELDS, input, "update");
    expect(values).toMatchObject({
      name: "王秀英",
      birthDate: "",
      married: false,
      groups: [],
      address: "",
      photo: "",
      files: [],
    });
    expect(values).not.toHaveProperty("document");
    expect(values).not.toHaveProperty("mobile");
    expect(values).not.toHaveProperty("age");
  });

  it("reads a ticked box as yes, and an unticked one as no only when it was ticked before", () => {
    const f = [field("married", "boolean")];
    expect(formValues(f, form([["v.married", "on"]]), "update")).toEqual({ married: true });
    expect(formValues(f, form([["v.married.was", ""]]), "update")).toEqual({});
    expect(formValues(f, form([["v.married.was", "0"]]), "update")).toEqual({});
    expect(formValues(f, form([["v.married.was", "1"]]), "update")).toEqual({ married: false });
    expect(formValues(f, form([["v.married.was", "1"]]), "create")).toEqual({});
  });
});

describe("formDefaults", () => {
  it("fills an edit form from a record and round-trips through formValues", () => {
    const values = {
      name: "王秀英",
      document: { type: "passport_cn", number: "E1*****78" },
      birthDate: "1958-03-07",
      mobile: "139****9000",
      married: true,
      groups: ["1"],
      address: { estate: "金融街小区", building: "3号楼" },
      photo: "abc",
      files: ["f1"],
      head: { table: "people", id: "RY-000001" },
      seen: "2026-05-01 14:30:00",
      fee: 123450,
      age: 68,
    };
    const defaults: FormInput = formDefaults(FIELDS, values, ["document", "mobile"]);
    expect(defaults).toMatchObject({
      "v.name": ["王秀英"],
      "v.document.type": ["passport_cn"],
      "v.birthDate": ["1958-03-07"],
      "v.married": ["on"],
      "v.married.was": ["1"],
      "v.groups": ["1"],
      "v.address.building": ["3号楼"],
      "v.head": ["RY-000001"],
      "v.seen": ["2026-05-01T14:30"],
      "v.fee": ["1234.50"],
    });
    expect(defaults).not.toHaveProperty("v.document.number");
    expect(defaults).not.toHaveProperty("v.mobile");
    expect(defaults).not.toHaveProperty("v.age");
    const again = formValues(FIELDS, defaults, "update");
    expect(again).toMatchObject({ name: "王秀英", married: true, head: "RY-000001", fee: "1234.50" });
    expect(again).not.toHaveProperty("document");
  });
});

describe("idHint", () => {
  const today = "2026-06-30";
  it("tells birth date, sex and age from an 18-digit ID number", () => {
    const id = buildId("110102", "1958-03-07", "121");
    expect(idHint("resident_id", id.number, today)).toEqual({
      ok: true,
      birthDate: "1958-03-07",
      sex: "male",
      age: 68,
    });
  });

  it("says nothing while typing, and names a wrong check digit once all 18 are in", () => {
    const id = buildId("110102", "1970-01-01", "233");
    expect(idHint("resident_id", id.number.slice(0, 12), today)).toBeNull();
    expect(idHint("resident_id", id.number.slice(0, 16), today)).toBeNull();
    const wrong = id.number.slice(0, 17) + (id.number.endsWith("1") ? "2" : "1");
    const hint = idHint("resident_id", wrong, today);
    expect(hint).toMatchObject({ ok: false, message: expect.stringMatching(/校验/) });
    expect(idHint("passport_cn", "E12345678", today)).toBeNull();
  });
});
