// Merge fields of a mass notice: which names a table offers, each recipient's values for them, and the
// content checked once and compiled, so queueing 100,000 recipients renders without parsing again.
// Pure: the values come as the presenter shows them, so sensitive fields arrive (and stay) masked.
import Mustache, { type TemplateSpans } from "mustache";
import type { OutgoingMessage } from "../../emails/channels/types.ts";
import { invalid } from "../core/errors.ts";
import { maskText } from "../people/crypto/mask.ts";
import type { FieldDef, TableDef } from "../schema/tables.server.ts";
import { type CampaignContent, type ContentPart, contentParts, parseTemplate, spanNames } from "./content.ts";

/** Names every table offers besides its fields' labels (a field of the same label wins). */
export const DERIVED_NAMES = ["称呼", "社区", "网格", "所属组织", "今天", "系统编号"] as const;

/** The merge-field names of a table: its fields' labels, then the derived names. */
export function mergeFieldNames(table: TableDef): string[] {
  return [...new Set([...table.fields.map((f) => f.label), ...DERIVED_NAMES])];
}

// ---- Values -------------------------------------------------------------------------------------------

const COMPOUND_SURNAMES = new Set(
  (
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 南宫 西门 轩辕 " +
    "呼延 钟离 赫连 独孤 澹台 公冶 太史 申屠 闻人 濮阳 淳于 单于 万俟 百里 东郭 左丘"
  ).split(" "),
);
const HAN_NAME = /^\p{Script=Han}+$/u;
const TITLES: Record<string, string> = { 男: "先生", 女: "女士" };

/**
 * How a notice addresses a person: 张伟/男 → 张先生, 欧阳娜娜/女 → 欧阳女士. Names that are not all Han
 * characters (阿依古丽·买买提, John Smith) have no surname to pick, so they keep the whole name with the
 * title; an unknown sex gives the whole name alone.
 */
export function salutation(name: string, sex: string): string {
  const title = TITLES[sex.trim()];
  const full = name.trim();
  if (!title || !full) return full;
  if (!HAN_NAME.test(full)) return `${full}${title}`;
  const chars = [...full];
  const compound = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(""));
  return `${chars.slice(0, compound ? 2 : 1).join("")}${title}`;
}

/** "2026-12-07" → "2026年12月7日", the way a notice dates itself. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}

function nameField(table: TableDef): FieldDef | undefined {
  return (
    table.fields.find((f) => f.key === "name" || f.label === "姓名") ??
    table.fields.find((f) => f.options.personName)
  );
}

function sexField(table: TableDef): FieldDef | undefined {
  return table.fields.find((f) => f.options.dictionary === "sex" || f.label === "性别");
}

/**
 * A sensitive field's text as a notice may carry it. The presenter masks it already; a value that shows
 * no mask at all came from a revealed view, and a notice never carries a full ID or phone number.
 */
function shown(field: FieldDef, text: string): string {
  return field.sensitive && text && !text.includes("*") ? maskText(text) : text;
}

export interface MergeInput {
  table: TableDef;
  systemId: string;
  /** Field key → text as shown (RecordView.display), sensitive values masked. */
  display: Record<string, string>;
  /** The record's org as shown: 丰盛社区 / 第二网格. */
  orgName: string;
  communityName: string;
  gridName: string | null;
  /** YYYY-MM-DD, in China. */
  today: string;
}

/** One recipient's merge values: field label → text as shown, and the derived names. */
export function mergeValues(input: MergeInput): Record<string, string> {
  const { table, display } = input;
  const text = (field: FieldDef | undefined) => (field ? (display[field.key] ?? "") : "");
  const values: Record<string, string> = {
    称呼: salutation(text(nameField(table)), text(sexField(table))),
    社区: input.communityName,
    网格: input.gridName ?? "",
    所属组织: input.orgName,
    今天: chineseDate(input.today),
    系统编号: input.systemId,
  };
  for (const field of table.fields) values[field.label] = shown(field, text(field));
  return values;
}

// ---- Checking and rendering ----------------------------------------------------------------------------

type Values = Record<string, string>;
/** A compiled template: values and the current section's value ({{.}}) → text. */
type Compiled = (values: Values, dot: string) => string;
type Escape = (text: string) => string;

const raw: Escape = (text) => text;

const lookup = (values: Values, name: string, dot: string) =>
  name === "." ? dot : Object.hasOwn(values, name) ? values[name] : "";

// Values are flat strings, so the walk is ours rather than mustache's: no dotted-path lookups (a label
// may contain "."), no lambdas, and in HTML {{{x}}} / {{&x}} are escaped too — record values come from
// residents' self-service as well and never reach an email as markup.
function compile(spans: TemplateSpans, encode: Escape): Compiled {
  const pieces: Compiled[] = [];
  for (const span of spans) {
    const [type, name] = span;
    if (type === "text") pieces.push(() => name);
    else if (type === "name" || type === "&") pieces.push((v, dot) => encode(lookup(v, name, dot)));
    else if (type === "#") {
      const inner = compile(span[4] as TemplateSpans, encode);
      pieces.push((v, dot) => {
        const value = lookup(v, name, dot);
        return value ? inner(v, value) : "";
      });
    } else if (type === "^") {
      const inner = compile(span[4] as TemplateSpans, encode);
      pieces.push((v, dot) => (lookup(v, name, dot) ? "" : inner(v, dot)));
    }
    // Comments ({{! }}) and delimiter changes ({{= =}}) render nothing.
  }
  return (values, dot) => {
    let out = "";
    for (const piece of pieces) out += piece(values, dot);
    return out;
  };
}

interface Problem {
  zh: string;
  en: string;
}

/** What is wrong with a part mustache cannot parse, in words staff can act on. */
function parseProblem(part: ContentPart, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const section = /^(Unclosed|Unopened) section "(.*)" at/.exec(message);
  if (section?.[1] === "Unclosed")
    return {
      zh: `${part.zh}中的 {{#${section[2]}}} 缺少对应的 {{/${section[2]}}}`,
      en: `{{#${section[2]}}} in ${part.en} has no matching {{/${section[2]}}}`,
    };
  if (section)
    return {
      zh: `${part.zh}中的 {{/${section[2]}}} 前面没有对应的 {{#${section[2]}}}`,
      en: `{{/${section[2]}}} in ${part.en} closes no section`,
    };
  if (message.startsWith("Unclosed tag")) {
    const open = part.source.lastIndexOf("{{");
    const snippet = [...part.source.slice(open)].slice(0, 12).join("");
    return open < 0
      ? { zh: `${part.zh}中有没有闭合的标签`, en: `${part.en} has an unclosed tag` }
      : {
          zh: `${part.zh}中的“${snippet}”缺少结尾的 }}`,
          en: `"${snippet}" in ${part.en} lacks its closing }}`,
        };
  }
  return { zh: `${part.zh}无法解析：${message}`, en: `${part.en} does not parse: ${message}` };
}

function partials(spans: TemplateSpans, into: string[] = []): string[] {
  for (const span of spans) {
    if (span[0] === ">") into.push(span[1]);
    if ((span[0] === "#" || span[0] === "^") && Array.isArray(span[4])) partials(span[4], into);
  }
  return into;
}

/** The part compiled, or what is wrong with it. */
function checkPart(part: ContentPart, known: ReadonlySet<string>): TemplateSpans | Problem {
  let spans: TemplateSpans;
  try {
    spans = parseTemplate(part.source);
  } catch (error) {
    return parseProblem(part, error);
  }
  const [partial] = partials(spans);
  if (partial !== undefined)
    return {
      zh: `${part.zh}中的 {{>${partial}}} 不受支持，请直接写出内容`,
      en: `{{>${partial}}} in ${part.en} is not supported (no partials): write the text out`,
    };
  const unknown = [...spanNames(spans)].filter((name) => !known.has(name)).map((name) => `{{${name}}}`);
  if (unknown.length === 0) return spans;
  const one = unknown.length === 1;
  return {
    zh: `${part.zh}中的 ${unknown.join("、")} 不是字段`,
    en: `${unknown.join(", ")} in ${part.en} ${one ? "is not a field" : "are not fields"}`,
  };
}

/** A merge text compiled on its own (a print template's text box), or what is wrong with it. */
export function prepareText(
  part: ContentPart,
  names: Iterable<string>,
): { ok: true; render: (values: Values) => string } | { ok: false; zh: string; en: string } {
  const checked = checkPart(part, new Set(names));
  if (!Array.isArray(checked)) return { ok: false, ...checked };
  const compiled = compile(checked, raw);
  return { ok: true, render: (values) => compiled(values, "") };
}

export type RenderedContent = Pick<OutgoingMessage, "subject" | "text" | "html" | "smsParams"> & {
  /** The SMS text: the content's own, else its text. */
  sms: string;
};

export interface PreparedContent {
  render(values: Values): RenderedContent;
}

/**
 * Checks every part against the merge-field names and compiles it; throws `invalid` naming each unknown
 * field or broken tag (under "content.<part>") before anything is queued.
 */
export function prepareContent(content: CampaignContent, names: readonly string[]): PreparedContent {
  const known = new Set(names);
  const compiled = new Map<string, Compiled>();
  const problems: Problem[] = [];
  const fields: Record<string, string> = {};
  for (const part of contentParts(content)) {
    const checked = checkPart(part, known);
    if (Array.isArray(checked))
      compiled.set(part.key, compile(checked, part.key === "html" ? Mustache.escape : raw));
    else {
      problems.push(checked);
      fields[`content.${part.key}`] = `${checked.zh} / ${checked.en}`;
    }
  }
  if (problems.length > 0)
    throw invalid(
      `${problems.map((p) => p.zh).join("；")} / ${problems.map((p) => p.en).join("; ")}`,
      fields,
    );
  const part = (key: string) => compiled.get(key);
  const subject = part("subject")!;
  const text = part("text")!;
  const html = part("html");
  const sms = part("sms");
  const params = Object.keys(content.smsParams ?? {}).map(
    (name) => [name, part(`smsParams.${name}`)!] as const,
  );
  return {
    render(values) {
      const body = text(values, "");
      const rendered: RenderedContent = {
        subject: subject(values, ""),
        text: body,
        html: html ? html(values, "") : null,
        sms: sms ? sms(values, "") : body,
      };
      if (params.length > 0)
        rendered.smsParams = Object.fromEntries(params.map(([name, render]) => [name, render(values, "")]));
      return rendered;
    },
  };
}
