// What to do with the ticked rows: tick every row the filter matches, move them to the recycle bin (after
// a confirmation), set one field to one value on all of them, give them a colour mark (or take it off),
// send them a notice (群发通知, on the compose page) or print them (打印, on the print page).
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { writable } from "./cells.ts";
import type { GridTable } from "./types.ts";

export interface PaletteEntry {
  colour: string;
  meaning: string;
}

export function BulkBar(props: {
  table: GridTable;
  count: number;
  total: number;
  all: boolean;
  palette: readonly PaletteEntry[];
  busy: boolean;
  onSelectAll(): void;
  onClear(): void;
  onDelete(): void;
  onSetValue(field: string, text: string): void;
  onMark(colour: string | null): void;
  /** Absent when the caller may not send notices (or the table takes none). */
  onNotice?(): void;
  /** Absent when the caller may not print. */
  onPrint?(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState<"delete" | "set" | "mark" | null>(null);
  const fields = props.table.fields.filter((f) => writable(f));
  const [field, setField] = useState(fields[0]?.key ?? "");
  const [text, setText] = useState("");
  const chosen = fields.find((f) => f.key === field);
  const options = chosen?.options.dictionary
    ? (props.table.dictionaries[chosen.options.dictionary] ?? [])
    : [];
  const button =
    "min-h-9 rounded-md border border-stone-300 bg-white px-3 text-sm hover:bg-stone-100 disabled:opacity-50";
  return (
    <section
      aria-label={t("grid.bulk.label")}
      className="flex flex-col gap-2 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium" aria-live="polite">
          {props.all
            ? t("grid.bulk.allSelected", { count: props.total })
            : t("grid.bulk.selected", { count: props.count })}
        </span>
        {!props.all && props.count < props.total ? (
          <button type="button" className="text-brand-700 underline" onClick={props.onSelectAll}>
            {t("grid.bulk.selectAll", { count: props.total })}
          </button>
        ) : null}
        <button type="button" className="text-stone-600 underline" onClick={props.onClear}>
          {t("grid.bulk.clear")}
        </button>
        <span className="flex-1" />
        {props.table.can.write ? (
          <>
            <button
              type="button"
              className={button}
              aria-expanded={open === "set"}
              onClick={() => setOpen(open === "set" ? null : "set")}
            >
              {t("grid.bulk.setValue")}
            </button>
            <button
              type="button"
              className={button}
              aria-expanded={open === "mark"}
              onClick={() => setOpen(open === "mark" ? null : "mark")}
            >
              {t("grid.bulk.mark")}
            </button>
          </>
        ) : null}
        {props.onNotice ? (
          <button type="button" className={button} onClick={props.onNotice}>
            {t("grid.bulk.notice")}
          </button>
        ) : null}
        {props.onPrint ? (
          <button type="button" className={button} onClick={props.onPrint}>
            {t("grid.bulk.print")}
          </button>
        ) : null}
        {props.table.can.delete ? (
          <button
            type="button"
            className={`${button} text-red-700`}
            aria-expanded={open === "delete"}
            onClick={() => setOpen(open === "delete" ? null : "delete")}
          >
            {t("grid.bulk.delete")}
          </button>
        ) : null}
      </div>
      {open === "delete" ? (
        <div role="alertdialog" aria-labelledby={`${id}-del`} className="flex flex-wrap items-center gap-2">
          <span id={`${id}-del`}>
            {t("grid.bulk.deleteConfirm", { count: props.all ? props.total : props.count })}
          </span>
          <button
            type="button"
            disabled={props.busy}
            className="min-h-9 rounded-md bg-red-600 px-3 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50"
            onClick={() => {
              setOpen(null);
              props.onDelete();
            }}
          >
            {t("grid.bulk.deleteSubmit")}
          </button>
          <button type="button" className={button} onClick={() => setOpen(null)}>
            {t("grid.cancel")}
          </button>
        </div>
      ) : null}
      {open === "set" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setOpen(null);
            props.onSetValue(field, text);
          }}
        >
          <label className="flex flex-col gap-0.5 text-xs text-stone-600">
            {t("grid.bulk.field")}
            <select
              value={field}
              onChange={(e) => {
                setField(e.target.value);
                setText("");
              }}
              className="min-h-9 rounded-md border border-stone-300 bg-white px-2 text-sm"
            >
              {fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-0.5 text-xs text-stone-600">
            {t("grid.bulk.value")}
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              list={options.length > 0 ? `${id}-options` : undefined}
              placeholder={t("grid.bulk.valueHint")}
              className="min-h-9 rounded-md border border-stone-300 bg-white px-2 text-sm"
            />
            {options.length > 0 ? (
              <datalist id={`${id}-options`}>
                {options.map((o) => (
                  <option key={o.code} value={o.label} />
                ))}
              </datalist>
            ) : null}
          </label>
          <button
            type="submit"
            disabled={props.busy}
            className="min-h-9 rounded-md bg-brand-500 px-3 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-50"
          >
            {t("grid.bulk.apply")}
          </button>
        </form>
      ) : null}
      {open === "mark" ? (
        <div className="flex flex-wrap items-center gap-2">
          {props.palette.map((p) => (
            <button
              key={p.colour}
              type="button"
              disabled={props.busy}
              onClick={() => {
                setOpen(null);
                props.onMark(p.colour);
              }}
              className="flex min-h-9 items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2 text-sm hover:bg-stone-100"
            >
              <span
                className="size-4 rounded-full"
                style={{ backgroundColor: p.colour }}
                aria-hidden="true"
              />
              {p.meaning}
            </button>
          ))}
          <button
            type="button"
            disabled={props.busy}
            className={button}
            onClick={() => {
              setOpen(null);
              props.onMark(null);
            }}
          >
            {t("grid.bulk.unmark")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
