// 证件类型: the documents SPEC §A1 validates. Codes are the public-security "common document" codes
// (GA/T 2000.156) where that table has one; the 港澳台居民居住证 (introduced 2018) has none there, so it
// gets a code of ours that cannot clash with the numeric ones.
import type { Dictionary } from "./types.ts";

export const DOCUMENT_TYPE: Dictionary = {
  key: "document_type",
  name: "证件类型",
  nameEn: "Identity document",
  standard: "GA/T 2000.156",
  options: [
    { code: "111", label: "居民身份证", synonyms: ["身份证", "二代身份证", "中华人民共和国居民身份证"] },
    {
      code: "516",
      label: "港澳居民来往内地通行证",
      synonyms: ["回乡证", "港澳通行证", "港澳居民往来内地通行证", "港澳同胞回乡证"],
    },
    {
      code: "511",
      label: "台湾居民来往大陆通行证",
      synonyms: ["台胞证", "台湾居民往来大陆通行证"],
    },
    {
      code: "HMT-RP",
      label: "港澳台居民居住证",
      synonyms: ["港澳居民居住证", "台湾居民居住证", "居住证（港澳台）"],
    },
    {
      code: "553",
      label: "外国人永久居留身份证",
      synonyms: ["外国人永久居留证", "永居证", "中国绿卡"],
    },
    { code: "414", label: "护照", synonyms: ["普通护照", "外国护照", "中国护照"] },
  ],
};
