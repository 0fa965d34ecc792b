// A field's value as the record page shows it: its display text (masked where sensitive), a photo as a
// thumbnail, attachments as links, a linked record as a link to find it.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LinkValue } from "../../schema/field-types/index.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import { fileUrl } from "./FileInput.tsx";
import type { FormField } from "./form-values.ts";

export function FieldValue(props: { field: FormField; value: unknown; display: string }) {
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
    case "textarea":
      return <span className="whitespace-pre-wrap">{display}</span>;
    default:
      return <span className="break-words">{display}</span>;
  }
}
