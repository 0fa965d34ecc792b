// The built-in dictionaries 字典 every installation starts with, by stable key.
import {
  EMPLOYMENT_STATUS,
  HOUSING_TYPE,
  MEDICAL_INSURANCE,
  PERSON_CATEGORY,
  RELIGION,
  RESIDENCE_TYPE,
  SPECIAL_GROUPS,
} from "./community.ts";
import { DOCUMENT_TYPE } from "./documents.ts";
import { ETHNICITY } from "./ethnicity.ts";
import {
  EDUCATION,
  HEALTH,
  MARITAL_STATUS,
  POLITICAL_STATUS,
  RELATION_TO_HEAD,
  SEX,
} from "./national-standards.ts";
import type { Dictionary } from "./types.ts";

export { matchOption, normaliseOptionText } from "./match.ts";
export type { Dictionary, DictionaryOption } from "./types.ts";
export { PALETTE } from "./types.ts";

export const BUILT_IN_DICTIONARIES = {
  sex: SEX,
  ethnicity: ETHNICITY,
  political_status: POLITICAL_STATUS,
  education: EDUCATION,
  marital_status: MARITAL_STATUS,
  residence_type: RESIDENCE_TYPE,
  special_groups: SPECIAL_GROUPS,
  document_type: DOCUMENT_TYPE,
  relation_to_head: RELATION_TO_HEAD,
  person_category: PERSON_CATEGORY,
  housing_type: HOUSING_TYPE,
  employment_status: EMPLOYMENT_STATUS,
  health: HEALTH,
  religion: RELIGION,
  medical_insurance: MEDICAL_INSURANCE,
} as const satisfies Record<string, Dictionary>;

export type BuiltInDictionaryKey = keyof typeof BUILT_IN_DICTIONARIES;

/** In the order the staff console lists them. */
export const BUILT_IN_DICTIONARY_LIST: readonly Dictionary[] = Object.values(BUILT_IN_DICTIONARIES);
