// System-log rows as a table: China time, readable event names, before → after details.
import { useTranslation } from "react-i18next";
import type { AuditEntryView } from "../../audit/query.server.ts";
import { formatDateTime } from "../format.ts";
import { cell as baseCell, DataTable } from "./Page.tsx";

// Log rows can be several lines tall (details): keep every cell at the top.
const cell = baseCell.replace("align-middle", "align-top");

export type AuditRowView = AuditEntryView;

const ALARMING = new Set(["auth.login_failed", "auth.locked", "access.denied"]);

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

function useValueText() {
  const { t } = useTranslation();
  return (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "object") return JSON.stringify(value);
    const s = String(value);
    if (key === "role") return t(`roles.${s}`, { defaultValue: s });
    if (key === "kind") return t(`orgKinds.${s}`, { defaultValue: s });
    if (key === "status") return t(`admin.accounts.${s}`, { defaultValue: s });
    if (key === "method") return t(`admin.methods.${s}`, { defaultValue: s });
    if (key === "reason") return t(`admin.reasons.${s}`, { defaultValue: s });
    if (key === "action") return t(`admin.actions.${s}`, { defaultValue: s });
    return s;
  };
}

/** The event's payload, compact: changed fields as before → after, otherwise key: value pairs. */
export function AuditDetails({ data }: { data: unknown }) {
  const { t } = useTranslation();
  const text = useValueText();
  if (!isDict(data)) return <span className="text-stone-400">—</span>;
  const label = (key: string) => t(`admin.fields.${key}`, { defaultValue: key });
  let lines: { key: string; label: string; value: string }[];
  if (isDict(data.before) && isDict(data.after)) {
    const before = data.before;
    const after = data.after;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    lines = keys.map((k) => ({
      key: k,
      label: label(k),
      value: `${text(k, before[k])} → ${text(k, after[k])}`,
    }));
  } else if (Array.isArray(data.changes)) {
    // A record edit: each field old → new; a sensitive field only says that it changed.
    const rest = Object.entries(data).filter(([k]) => k !== "changes" && k !== "fields");
    lines = [
      ...rest.map(([k, v]) => ({ key: k, label: label(k), value: text(k, v) })),
      ...data.changes.filter(isDict).map((c) => ({
        key: `change.${String(c.field)}`,
        label: String(c.label ?? c.field),
        value: c.sensitive ? t("admin.audit.sensitiveChanged") : `${text("", c.old)} → ${text("", c.new)}`,
      })),
    ];
  } else {
    const flat = isDict(data.after) ? data.after : data;
    lines = Object.entries(flat).map(([k, v]) => ({ key: k, label: label(k), value: text(k, v) }));
  }
  if (lines.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <ul className="flex max-w-md min-w-56 flex-col gap-0.5 text-xs whitespace-normal">
      {lines.map((l) => (
        <li key={l.key} className="break-words">
          <span className="text-stone-500">{l.label}：</span>
          {l.value}
        </li>
      ))}
    </ul>
  );
}

export function AuditTable({ entries }: { entries: AuditRowView[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("admin.titles.audit")}
      head={[
        t("admin.audit.time"),
        t("admin.audit.event"),
        t("admin.audit.actor"),
        t("admin.audit.role"),
        t("admin.audit.ip"),
        t("admin.audit.target"),
        t("admin.audit.details"),
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id} className="hover:bg-stone-50">
          <td className={`${cell} text-stone-600 tabular-nums`}>{formatDateTime(e.at)}</td>
          <td className={`${cell} ${ALARMING.has(e.event) ? "font-medium text-red-700" : ""}`}>
            {t(`admin.events.${e.event}`, { defaultValue: e.event })}
          </td>
          <td className={cell}>
            {e.actorName ?? <span className="text-stone-400">{t("admin.audit.anonymous")}</span>}
          </td>
          <td className={cell}>
            {e.actorRole ? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }) : "—"}
          </td>
          <td className={`${cell} tabular-nums`}>{e.ip ?? "—"}</td>
          <td className={cell}>
            {e.targetType
              ? `${t(`admin.targets.${e.targetType}`, { defaultValue: e.targetType })} #${e.targetId}`
              : "—"}
          </td>
          <td className="px-3 py-2.5 align-top sm:px-4">
            <AuditDetails data={e.data} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
