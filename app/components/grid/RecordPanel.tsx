// The side panel a grid row opens: the record's photo, every field, its sub-table rows and its latest
// changes, with a link to the full record page (where values are revealed and forms edit). It slides
// in over the right of the page (the whole width on a phone); Esc or 关闭 puts focus back in the grid.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMinute, localMessage } from "../format.ts";
import { FieldValue } from "../records/FieldValue.tsx";
import { RecordDetails } from "../records/RecordDetails.tsx";
import { RecordRows } from "../records/RecordRows.tsx";
import { useRoot } from "../useRoot.ts";
import { ApiError, apiJson, isAbort } from "./api.ts";
import type { RecordPanelData } from "./panel.server.ts";

export function RecordPanel(props: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const titleId = useId();
  const [data, setData] = useState<RecordPanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const { onClose } = props;

  useEffect(() => {
    const controller = new AbortController();
    setData(null);
    setError(null);
    apiJson<RecordPanelData>(`/admin/records/${props.id}/panel`, { signal: controller.signal }).then(
      setData,
      (e) => {
        if (!isAbort(e)) setError(e instanceof ApiError ? localMessage(e.message, lang) : String(e));
      },
    );
    return () => controller.abort();
  }, [props.id, lang]);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const record = data?.record;
  const photoField = data?.fields.find((f) => f.type === "photo" && record?.values[f.key]);
  const name = record
    ? record.display.name || (data?.fields[0] ? record.display[data.fields[0].key] : "")
    : "";
  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="fixed inset-y-0 right-0 z-40 flex w-full flex-col border-l border-stone-200 bg-white shadow-2xl sm:w-[30rem]"
    >
      <header className="flex items-center gap-2 border-b border-stone-200 px-4 py-3">
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-base font-semibold">
          {record ? (
            <>
              <span className="font-mono">{record.systemId}</span> {name}
            </>
          ) : (
            t("grid.panel.loading")
          )}
        </h2>
        {record ? (
          <Link
            to={`/admin/records/${record.id}`}
            className="rounded-md px-2 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
          >
            {t("grid.panel.open")}
          </Link>
        ) : null}
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          className="min-h-9 rounded-md border border-stone-300 px-3 text-sm hover:bg-stone-100"
        >
          {t("grid.panel.close")}
        </button>
      </header>
      <div className="flex-1 overflow-y-auto px-4 py-3">
        {error ? <p className="text-sm text-red-700">{error}</p> : null}
        {!data && !error ? (
          <p className="text-sm text-stone-500" aria-live="polite">
            {t("grid.panel.loading")}
          </p>
        ) : null}
        {data && record ? (
          <div className="flex flex-col gap-5">
            <p className="text-xs text-stone-500">
              {[
                record.orgName,
                t("records.record.version", { version: record.version }),
                t("records.record.updatedAt", { date: formatMinute(record.updatedAt) }),
              ].join(" · ")}
            </p>
            {photoField ? (
              <FieldValue
                field={photoField}
                value={record.values[photoField.key]}
                display={record.display[photoField.key] ?? ""}
              />
            ) : null}
            <section>
              <h3 className="mb-1 text-sm font-semibold">{t("grid.panel.fields")}</h3>
              <RecordDetails
                fields={data.fields}
                values={record.values}
                display={record.display}
                masked={record.masked}
                canReveal={false}
                dictionaries={data.dictionaries}
              />
            </section>
            {data.subs.map((s) => (
              <section key={s.table.key}>
                <h3 className="mb-1 text-sm font-semibold">
                  {s.table.name}（{s.rows.length}）
                </h3>
                {s.rows.length === 0 ? (
                  <p className="text-sm text-stone-500">{t("records.record.noSubRows")}</p>
                ) : (
                  <RecordRows rows={s.rows} columns={s.columns} caption={s.table.name} showOrg={false} />
                )}
              </section>
            ))}
            <section>
              <h3 className="mb-1 flex items-baseline gap-2 text-sm font-semibold">
                {t("grid.panel.history")}
                <Link
                  to={`/admin/records/${record.id}/history`}
                  className="text-xs font-normal text-brand-700 hover:underline"
                >
                  {t("grid.panel.allHistory", { count: data.historyCount })}
                </Link>
              </h3>
              <ol className="flex flex-col gap-2 text-sm">
                {data.history.map((entry) => (
                  <li key={entry.version} className="rounded-md bg-stone-50 px-3 py-2">
                    <div className="flex flex-wrap gap-x-2 text-xs text-stone-500">
                      <span className="font-medium text-stone-700">
                        {t(`records.history.kinds.${entry.kind}`)}
                      </span>
                      <span>{entry.by ?? t("records.history.system")}</span>
                      <time dateTime={new Date(entry.at).toISOString()}>{formatMinute(entry.at)}</time>
                    </div>
                    {entry.changes.length > 0 ? (
                      <ul className="mt-1 flex flex-col gap-0.5">
                        {entry.changes.slice(0, 6).map((c) => (
                          <li key={c.field} className="break-words">
                            <span className="text-stone-500">{c.label}</span>{" "}
                            {c.old || t("records.history.blank")} → {c.new || t("records.history.blank")}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          </div>
        ) : null}
      </div>
    </aside>
  );
}
