// A field's value as the record page shows it: its display text (masked where sensitive), a photo as a
// thumbnail, attachments as links, a linked record as a link to find it.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LinkValue } from "../../schema/field-types/index.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import { fileUrl } from "./FileInput.tsx";
import type { FormField } from "./form-values.ts";
import { type ChoiceOption, optionOf } from "./options.ts";

export function FieldValue(props: {
  field: FormField;
  value: unknown;
  display: string;
  /** The options of the field's dictionary, for the colours staff gave them. */
  options?: readonly ChoiceOption[];
}) {
  const { t } = useTranslation();
  const { field, value, display } = props;
  if (value === null || value === undefined || display === "")
    return <span className="text-stone-400">—</span>;
  switch (fieldType(field.type).editor) {
    case "photo":
      return (
        <a href={fileUrl(String(value))} target="_blank" rel="noreferrer" className="inline-block">
          <img
            src={fileUrl(String(value), true)}
            alt={field.label}
            className="h-28 w-24 rounded object-cover"
          />
        </a>
      );
    case "files":
      return (
        <ul className="flex flex-col gap-1">
          {(value as string[]).map((id, i) => (
            <li key={id}>
              <a
                href={fileUrl(id)}
                target="_blank"
                rel="noreferrer"
                className="text-brand-700 hover:underline"
              >
                {t("records.files.attachment", { n: i + 1 })}
              </a>
            </li>
          ))}
        </ul>
      );
    case "link": {
      const link = value as LinkValue;
      // A system ID is no secret, so it may sit in the search URL.
      return (
        <Link
          to={`/admin/data/${encodeURIComponent(link.table)}?q=${encodeURIComponent(link.id)}`}
          className="font-mono text-brand-700 hover:underline"
        >
          {display}
        </Link>
      );
    }
    case "select":
    case "multiselect": {
      const codes = (Array.isArray(value) ? value : [value]).map(String);
      const chosen = codes.map((code) => optionOf(props.options, code) ?? { code, label: code });
      if (!chosen.some((o) => o.colour)) return <span className="break-words">{display}</span>;
      return (
        <span className="flex flex-wrap gap-1">
          {chosen.map((o) => (
            <span
              key={o.code}
              className="rounded px-1.5 py-0.5 text-xs font-medium"
              style={o.colour ? { color: o.colour, backgroundColor: `${o.colour}1a` } : undefined}
            >
              {o.label}
            </span>
          ))}
        </span>
      );
    }
    case "textarea":
      return <span className="whitespace-pre-wrap">{display}</span>;
    default:
      return <span className="break-words">{display}</span>;
  }
}
