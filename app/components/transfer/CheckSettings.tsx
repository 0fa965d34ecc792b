// Step 2's choices: which sheet, which row is the header, where each column goes, how rows meet existing
// records (add / update / add or update, and by which key), and where rows without a community go. A
// changed sheet or header row lets the server map the columns afresh; a changed column is sent as chosen.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { control, primaryButton } from "../query/parts.tsx";
import type { CheckChanges, ImportResult, Job } from "./api.ts";

export interface ImportField {
  key: string;
  label: string;
  /** A column may fill it (not computed, not a file). */
  importable: boolean;
  /** Records may be matched by it. */
  keyable: boolean;
}

export interface Place {
  id: number;
  name: string;
  depth: number;
}

type Mode = "add" | "update" | "upsert";
const MODES: Mode[] = ["add", "update", "upsert"];

export function CheckSettings(props: {
  job: Job;
  fields: ImportField[];
  places: Place[];
  hasDocument: boolean;
  busy: boolean;
  onCheck: (changes: CheckChanges) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const result = props.job.result as ImportResult | null;
  const options = props.job.options as {
    sheet?: number;
    headerRow?: number;
    mode?: Mode;
    key?: string;
    orgId?: number;
  };
  const [sheet, setSheet] = useState(result?.sheet ?? options.sheet ?? 0);
  const [headerRow, setHeaderRow] = useState(String(result?.headerRow ?? options.headerRow ?? ""));
  const [targets, setTargets] = useState<(string | null)[]>(result?.mapping.map((m) => m.target) ?? []);
  const [mappingEdited, setMappingEdited] = useState(false);
  const [mode, setMode] = useState<Mode>(options.mode ?? "add");
  const [key, setKey] = useState(options.key ?? (props.hasDocument ? "document" : "systemId"));
  const [orgId, setOrgId] = useState(options.orgId ? String(options.orgId) : "");

  const submit = () => {
    const changes: CheckChanges = { mode, key, orgId: orgId ? Number(orgId) : null };
    const header = /^\d+$/.test(headerRow.trim()) ? Number(headerRow.trim()) : null;
    if (sheet !== (result?.sheet ?? options.sheet ?? 0)) {
      Object.assign(changes, { sheet, headerRow: null, columns: null });
    } else if (header !== (result?.headerRow ?? options.headerRow ?? null)) {
      Object.assign(changes, { headerRow: header, columns: null });
    } else if (mappingEdited && result) {
      changes.columns = result.mapping.map((m, i) => ({ column: m.column, target: targets[i] ?? null }));
    }
    props.onCheck(changes);
  };

  const targetOptions = [
    { value: "", label: t("transfer.settings.skip") },
    ...props.fields.filter((f) => f.importable).map((f) => ({ value: `field:${f.key}`, label: f.label })),
    { value: "org", label: t("transfer.settings.org") },
    { value: "systemId", label: t("transfer.settings.systemId") },
    { value: "version", label: t("transfer.settings.version") },
  ];
  const keyOptions = [
    ...(props.hasDocument ? [{ value: "document", label: t("transfer.settings.keyDocument") }] : []),
    { value: "systemId", label: t("transfer.settings.keySystemId") },
    ...props.fields.filter((f) => f.keyable).map((f) => ({ value: f.key, label: f.label })),
  ];
  const label = "text-sm font-medium text-stone-700";

  return (
    <form
      className="flex flex-col gap-4"
      aria-label={t("transfer.settings.title")}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {result && result.sheets.length > 1 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-sheet`} className={label}>
              {t("transfer.settings.sheet")}
            </label>
            <select
              id={`${id}-sheet`}
              className={`${control} border-stone-300`}
              value={sheet}
              onChange={(e) => setSheet(Number(e.target.value))}
            >
              {result.sheets.map((s) => (
                <option key={s.index} value={s.index}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-header`} className={label}>
            {t("transfer.settings.headerRow")}
          </label>
          <input
            id={`${id}-header`}
            inputMode="numeric"
            className={`${control} border-stone-300`}
            value={headerRow}
            onChange={(e) => setHeaderRow(e.target.value.replace(/\D/g, "").slice(0, 4))}
            aria-describedby={`${id}-header-hint`}
          />
          <p id={`${id}-header-hint`} className="text-xs text-stone-500">
            {t("transfer.settings.headerRowHint")}
          </p>
        </div>
      </div>

      {result && result.mapping.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className={`${label} mb-1`}>{t("transfer.settings.mapping")}</legend>
          <div className="overflow-x-auto rounded-md border border-stone-200">
            <table className="min-w-full text-sm">
              <thead className="bg-stone-50 text-left text-stone-600">
                <tr>
                  <th className="px-3 py-2 font-medium">{t("transfer.settings.column")}</th>
                  <th className="px-3 py-2 font-medium">{t("transfer.settings.target")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {result.mapping.map((m, i) => (
                  <tr key={m.column}>
                    <td className="px-3 py-1.5 whitespace-nowrap">
                      <label htmlFor={`${id}-col-${m.column}`}>{m.header || `#${m.column + 1}`}</label>
                    </td>
                    <td className="px-3 py-1.5">
                      <select
                        id={`${id}-col-${m.column}`}
                        className={`${control} border-stone-300`}
                        value={targets[i] ?? ""}
                        onChange={(e) => {
                          const next = [...targets];
                          next[i] = e.target.value || null;
                          setTargets(next);
                          setMappingEdited(true);
                        }}
                      >
                        {targetOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
      ) : null}

      <fieldset className="flex flex-col gap-2">
        <legend className={`${label} mb-1`}>{t("transfer.settings.mode")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
          {MODES.map((m) => (
            <label key={m} className="flex min-h-10 items-start gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="mt-1"
              />
              <span>
                {t(`transfer.settings.modes.${m}`)}
                <span className="block text-xs text-stone-500">{t(`transfer.settings.modeHints.${m}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        {mode !== "add" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-key`} className={label}>
              {t("transfer.settings.key")}
            </label>
            <select
              id={`${id}-key`}
              className={`${control} border-stone-300`}
              value={key}
              onChange={(e) => setKey(e.target.value)}
            >
              {keyOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-org`} className={label}>
            {t("transfer.settings.orgDefault")}
          </label>
          <select
            id={`${id}-org`}
            className={`${control} border-stone-300`}
            value={orgId}
            onChange={(e) => setOrgId(e.target.value)}
          >
            <option value="">{t("transfer.settings.orgNone")}</option>
            {props.places.map((p) => (
              <option key={p.id} value={p.id}>
                {"\u3000".repeat(Math.max(0, p.depth))}
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div>
        <button type="submit" className={primaryButton} disabled={props.busy}>
          {t("transfer.settings.recheck")}
        </button>
      </div>
    </form>
  );
}
