// Writing a notice's content (the compose page, a new rule): subject, text and SMS text with the merge
// fields a click puts where the cursor was, and an optional template: picking one fills the content (its
// HTML layout kept until dropped) and names any field it uses that the table lacks.
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { smsLength } from "../../notify/content.ts";
import { SelectBox, TextArea } from "../channels/controls.tsx";

export type ContentKey = "subject" | "text" | "sms";
export type ContentValue = Record<ContentKey, string> & { html: string };

export interface TemplateChoice {
  key: string;
  name: string;
  needs: string[];
  content: { subject: string; text: string; html?: string; sms?: string };
}

export const emptyContent: ContentValue = { subject: "", text: "", sms: "", html: "" };

export function ContentEditor(props: {
  idPrefix: string;
  value: ContentValue;
  onChange(value: ContentValue): void;
  mergeFields: readonly string[];
  templates: readonly TemplateChoice[];
  template: string;
  /** A template chosen (its content is already applied). */
  onTemplate(key: string, template: TemplateChoice | undefined): void;
  /** Labels of the three parts and the SMS hint, for the page's wording. */
  label(part: ContentKey | "smsHint"): string;
  error(field: string): string | undefined;
  /** Show the SMS text's length as typed (the merge tags unfilled). */
  countSms?: boolean;
}) {
  const { t } = useTranslation();
  const { value } = props;
  const focused = useRef<ContentKey>("text");
  const refs = {
    subject: useRef<HTMLTextAreaElement>(null),
    text: useRef<HTMLTextAreaElement>(null),
    sms: useRef<HTMLTextAreaElement>(null),
  };
  const chosen = props.templates.find((tpl) => tpl.key === props.template);
  const lacking = chosen ? chosen.needs.filter((n) => !props.mergeFields.includes(n)) : [];

  function applyTemplate(key: string) {
    const tpl = props.templates.find((x) => x.key === key);
    if (tpl)
      props.onChange({
        subject: tpl.content.subject,
        text: tpl.content.text,
        sms: tpl.content.sms ?? "",
        html: tpl.content.html ?? "",
      });
    props.onTemplate(key, tpl);
  }

  /** Puts {{name}} where the cursor is in the part last focused. */
  function insertField(name: string) {
    const key = focused.current;
    const el = refs[key].current;
    const tag = `{{${name}}}`;
    const text = value[key];
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    props.onChange({ ...value, [key]: text.slice(0, start) + tag + text.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + tag.length, start + tag.length);
    });
  }

  const sms = smsLength(value.sms || value.text);
  const area = (key: ContentKey, rows: number, hint?: string) => (
    <TextArea
      id={`${props.idPrefix}-${key}`}
      label={props.label(key)}
      name={key}
      rows={rows}
      value={value[key]}
      onChange={(v) => props.onChange({ ...value, [key]: v })}
      onFocus={() => {
        focused.current = key;
      }}
      textareaRef={refs[key]}
      required={key === "text"}
      hint={hint}
      error={props.error(`content.${key}`)}
    />
  );

  return (
    <div className="flex flex-col gap-4">
      <input type="hidden" name="html" value={value.html} />
      {props.templates.length > 0 ? (
        <SelectBox
          id={`${props.idPrefix}-template`}
          label={t("notices.compose.template")}
          name="template"
          value={props.template}
          onChange={applyTemplate}
          hint={
            lacking.length > 0
              ? t("notices.compose.templateNeeds", { fields: lacking.join("、") })
              : t("notices.compose.templateHint")
          }
          options={[
            { value: "", label: t("notices.compose.noTemplate") },
            ...props.templates.map((tpl) => ({ value: tpl.key, label: tpl.name })),
          ]}
        />
      ) : null}
      <div className="rounded-md border border-stone-200 bg-stone-50 p-3">
        <p className="text-xs text-stone-600">{t("notices.compose.mergeHint")}</p>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {props.mergeFields.map((name) => (
            <button
              key={name}
              type="button"
              onClick={() => insertField(name)}
              className="min-h-9 rounded border border-stone-300 bg-white px-2 py-1 font-mono text-xs text-stone-700 hover:bg-brand-50"
            >
              {`{{${name}}}`}
            </button>
          ))}
        </div>
      </div>
      {area("subject", 1)}
      {area("text", 8)}
      {area(
        "sms",
        3,
        props.countSms
          ? `${props.label("smsHint")} ${t("notices.compose.smsLength", { chars: sms.chars, segments: sms.segments })}`
          : props.label("smsHint"),
      )}
      {value.html ? (
        <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
          <span>{t("notices.compose.htmlKept")}</span>
          <button
            type="button"
            onClick={() => props.onChange({ ...value, html: "" })}
            className="min-h-11 text-brand-700 underline"
          >
            {t("notices.compose.htmlDrop")}
          </button>
        </div>
      ) : null}
      {props.error("content.html") ? (
        <p className="text-sm text-red-600">{props.error("content.html")}</p>
      ) : null}
    </div>
  );
}
