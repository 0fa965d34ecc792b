// What a resident linked to a record may do with each field (SPEC §A8, self-service updates): see it
// on their profile, or also propose a new value for staff to review. Staff set both flags per field;
// they live in the field's options. Pure: the table design page and the server read the same rules.
import { invalid } from "../core/errors.ts";
import { type FieldTypeId, fieldType } from "./field-types/registry.ts";
import type { FieldOptions } from "./field-types/types.ts";

export type ResidentAccess = "none" | "visible" | "editable";

/**
 * The most a resident may be given of a field of this type. A link names another person's record and
 * attachments are staff's documents (neither has a resident view); computed values and the identity
 * document can be shown but not proposed (a new ID number is a matter for the office counter, and it
 * decides who the record is).
 */
export function residentCeiling(type: FieldTypeId): ResidentAccess {
  if (type === "link" || type === "attachments") return "none";
  if (type === "document" || fieldType(type).readOnly) return "visible";
  return "editable";
}

/** What the field's flags give a resident (hidden fields are shown to nobody outside the console). */
export function residentAccess(field: {
  type: FieldTypeId;
  hidden?: boolean;
  options: FieldOptions;
}): ResidentAccess {
  if (field.hidden) return "none";
  const ceiling = residentCeiling(field.type);
  if (ceiling === "none") return "none";
  if (field.options.residentEditable && ceiling === "editable") return "editable";
  return field.options.residentVisible || field.options.residentEditable ? "visible" : "none";
}

export interface ResidentFlagInput {
  residentVisible?: boolean;
  residentEditable?: boolean;
}

/**
 * The field's options with the resident flags changed as asked. Turning "editable" on also makes the
 * field visible, turning "visible" off also ends "editable"; asking for both "editable" and "not
 * visible", or for more than the type allows, is a 400 naming the flag.
 */
export function withResidentFlags(
  type: FieldTypeId,
  options: FieldOptions,
  input: ResidentFlagInput,
): FieldOptions {
  let visible = input.residentVisible ?? options.residentVisible === true;
  let editable = input.residentEditable ?? options.residentEditable === true;
  if (input.residentEditable === true && input.residentVisible === undefined) visible = true;
  if (input.residentVisible === false && input.residentEditable === undefined) editable = false;
  if (editable && !visible)
    throw invalid("居民可修改的字段必须对居民可见 / A field residents may edit must be visible to them", {
      residentEditable: "请同时设为居民可见 / Make it visible to residents too",
    });
  const ceiling = residentCeiling(type);
  if (editable && ceiling !== "editable")
    throw invalid(
      "这类字段不能由居民修改（计算值、证件号码、关联记录和附件须由工作人员维护） / " +
        "Residents cannot edit this kind of field (computed values, ID numbers, links and attachments are kept by staff)",
      { residentEditable: "这类字段不能由居民修改 / Not editable by residents" },
    );
  if (visible && ceiling === "none")
    throw invalid("关联记录和附件不向居民显示 / Links and attachments are not shown to residents", {
      residentVisible: "这类字段不能向居民显示 / Cannot be shown to residents",
    });
  // Unchanged flags leave the options as they are (key order too), so nothing looks changed.
  if (visible === (options.residentVisible === true) && editable === (options.residentEditable === true))
    return options;
  const { residentVisible: _v, residentEditable: _e, ...rest } = options;
  return {
    ...rest,
    ...(visible ? { residentVisible: true } : {}),
    ...(editable ? { residentEditable: true } : {}),
  };
}
