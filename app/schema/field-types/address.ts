// 地址: 社区 / 小区 / 楼 / 单元 / 室 plus free text (SPEC §A1), the levels the address tree filters by.
// A typed address such as "金融街小区3号楼2单元501室" or "金融街小区3-2-501" is taken apart.
import { cleanText } from "../../people/normalise/text.ts";
import { isBlank, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export interface AddressValue {
  community?: string;
  estate?: string;
  building?: string;
  unit?: string;
  room?: string;
  text?: string;
}

const PARTS = ["community", "estate", "building", "unit", "room", "text"] as const;
const NUM = "[0-9A-Za-z一二三四五六七八九十甲乙丙丁东西南北]+";
const COMMUNITY = /^(.+?社区)/;
const ESTATE = /^(.+?(?:小区|家园|花园|公寓|新村|大院|号院))/;
const SHORTHAND = /^(\d+)-(\d+)-(\d+[A-Za-z]?)(?:室|号)?(?=\s|$)/;
const BUILDING = new RegExp(`^(${NUM}(?:号楼|栋|幢|座|楼))`);
const UNIT = new RegExp(`^(${NUM}单元)`);
const ROOM = /^(\d+[A-Za-z]?)(室|号|房)?(?=\s|$)/;

// Full-width digits, letters and hyphens only: the rest of an address is prose and keeps its punctuation.
const halfWidthAlnum = (text: string) =>
  text.replace(/[０-９Ａ-Ｚａ-ｚ－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Bare numbers typed into the structured form get their usual word: 3 → 3号楼, 2 → 2单元, 501 → 501室. */
const SUFFIX: Partial<Record<(typeof PARTS)[number], string>> = {
  building: "号楼",
  unit: "单元",
  room: "室",
};

function fromText(input: string): AddressValue {
  let rest = cleanText(halfWidthAlnum(input));
  const value: AddressValue = {};
  const take = (pattern: RegExp) => {
    const m = pattern.exec(rest);
    if (m) rest = rest.slice(m[0].length).trim();
    return m;
  };
  value.community = take(COMMUNITY)?.[1];
  value.estate = take(ESTATE)?.[1];
  const short = take(SHORTHAND);
  if (short)
    Object.assign(value, { building: `${short[1]}号楼`, unit: `${short[2]}单元`, room: `${short[3]}室` });
  else {
    value.building = take(BUILDING)?.[1];
    value.unit = take(UNIT)?.[1];
    const room = value.building || value.unit ? take(ROOM) : null;
    if (room) value.room = `${room[1]}${room[2] ?? "室"}`;
  }
  value.text = rest;
  return tidy(value);
}

/** Drops blank parts; null when nothing is left. */
function tidy(value: AddressValue): AddressValue {
  const out: AddressValue = {};
  for (const part of PARTS) {
    const text = value[part] === undefined ? "" : cleanText(halfWidthAlnum(value[part]));
    if (text === "") continue;
    const suffix = SUFFIX[part];
    out[part] = suffix && /^\d+[A-Za-z]?$/.test(text) ? text + suffix : text;
  }
  return out;
}

function fromObject(raw: object): AddressValue | null {
  const value: AddressValue = {};
  for (const [key, part] of Object.entries(raw)) {
    if (!(PARTS as readonly string[]).includes(key) || part === null || part === undefined) continue;
    if (typeof part !== "string" && typeof part !== "number") return null;
    value[key as (typeof PARTS)[number]] = String(part);
  }
  return tidy(value);
}

export const addressType: FieldTypeDefinition<AddressValue> = {
  type: "address",
  labelKey: "fieldTypes.address",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const value =
      typeof raw === "string"
        ? fromText(raw)
        : typeof raw === "object" && !Array.isArray(raw)
          ? fromObject(raw!)
          : null;
    if (value === null) return wrongKind(field, "地址", "an address");
    return Object.keys(value).length === 0 ? nothing() : { ok: true, value };
  },
  format(value) {
    if (value === null) return "";
    const { community = "", estate = "", building = "", unit = "", room = "", text } = value;
    const structured = community + estate + building + unit + room;
    return [structured, text].filter(Boolean).join(" ");
  },
  operators: ["contains", "not_contains", "starts_with", "empty", "not_empty"],
  storage: "json",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "address",
};
