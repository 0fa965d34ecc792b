// Field types of SPEC §A1: parse, format, filter operators, storage and editor per type.
export type { AddressValue } from "./address.ts";
export { FIELD_PROBLEM_CODES, type FieldProblemCode } from "./codes.ts";
export type { DocumentValue } from "./document.ts";
export { FILE_ID, isFileId } from "./files.ts";
export type { FormulaValue } from "./formula.ts";
export { fieldTypes } from "./i18n.ts";
export type { LinkValue } from "./link.ts";
export {
  isOperatorId,
  OPERATORS,
  type OperandKind,
  type OperatorId,
  type OperatorSpec,
} from "./operators.ts";
export {
  FIELD_TYPE_IDS,
  FIELD_TYPES,
  type FieldTypeId,
  type FieldValue,
  fieldType,
  isFieldTypeId,
} from "./registry.ts";
export type * from "./types.ts";
