// 多条件查询: nested AND/OR groups of conditions, edited as a draft and run with 查询 (Enter runs it
// too). Conditions still incomplete are named before anything is sent; a refusal from the server (an
// unknown field, a value of the wrong type) comes back through `error` and is shown beside its condition.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FilterGroup } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { FilterGroupEditor, type GroupActions } from "./FilterGroupEditor.tsx";
import {
  appendTo,
  emptyGroup,
  isGroup,
  newCondition,
  nodeAt,
  type Path,
  pathFromServerKey,
  pruneFilter,
  removeAt,
  setJoin,
  updateCondition,
} from "./filter-tree.ts";
import { filterProblems } from "./operand.ts";
import { primaryButton, secondaryButton, useErrorText } from "./parts.tsx";
import { filterSummary, type Translate } from "./summary.ts";

/** A refusal of the query: the server's message and its per-field messages (`filter.1.2` → text). */
export interface QueryError {
  message: string;
  fields?: Record<string, string>;
}

export interface ConditionBuilderProps {
  table: GridTable;
  /** The filter the grid runs now. */
  value: FilterGroup | undefined;
  /** 查询 (with the filter, empty groups dropped) or 清除 (undefined): the grid runs the query. */
  onChange: (filter: FilterGroup | undefined) => void;
  /** The server's refusal of the last run, if any. */
  error?: QueryError | null;
}

export function ConditionBuilder(props: ConditionBuilderProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { table, value } = props;
  const fields = useMemo(() => table.fields.filter((f) => f.operators.length > 0), [table.fields]);
  const [draft, setDraft] = useState<FilterGroup>(value ?? emptyGroup());
  const [shown, setShown] = useState(value);
  const [checked, setChecked] = useState(false);
  // A filter loaded from outside (a saved view, 清除 elsewhere) replaces the draft.
  if (value !== shown) {
    setShown(value);
    setDraft(value ?? emptyGroup());
    setChecked(false);
  }

  const problems = useMemo(() => filterProblems(draft, fields), [draft, fields]);
  const messages = useMemo(() => {
    const out = new Map<string, string>();
    if (checked)
      for (const p of problems)
        if (!out.has(p.path.join(".")))
          out.set(p.path.join("."), t(`query.problems.${p.code}`, { field: p.field }));
    // The server's word on the last run, while the draft is still that filter.
    if (props.error?.fields && draft === (value ?? draft))
      for (const [key, message] of Object.entries(props.error.fields)) {
        const path = pathFromServerKey(key);
        if (path && !out.has(path.join("."))) out.set(path.join("."), errorText(message));
      }
    return out;
  }, [checked, problems, props.error, draft, value, t, errorText]);

  // A condition just added takes the focus (its field comes first).
  const [focus, setFocus] = useState<string | null>(null);
  const nextPath = (groupPath: Path) => {
    const group = nodeAt(draft, groupPath);
    return [...groupPath, group && isGroup(group) ? group.items.length : 0];
  };
  const edit = (fn: (f: FilterGroup) => FilterGroup) => setDraft((d) => fn(d));
  const actions: GroupActions = {
    setJoin: (path, join) => edit((f) => setJoin(f, path, join)),
    addCondition: (path) => {
      setFocus(nextPath(path).join("."));
      edit((f) => appendTo(f, path, newCondition()));
    },
    addGroup: (path) => {
      setFocus([...nextPath(path), 0].join("."));
      edit((f) => appendTo(f, path, { ...emptyGroup(), items: [newCondition()] }));
    },
    remove: (path) => edit((f) => removeAt(f, path)),
    updateCondition: (path, c) => edit((f) => updateCondition(f, path, () => c)),
  };

  const apply = () => {
    setChecked(true);
    if (problems.length > 0) return;
    const next = pruneFilter(draft);
    props.onChange(next);
  };
  const clear = () => {
    setDraft(emptyGroup());
    setChecked(false);
    props.onChange(undefined);
  };

  const summary = filterSummary(draft, fields, table.dictionaries, t as unknown as Translate);
  const showProblems = checked && problems.length > 0;
  return (
    <form
      noValidate
      aria-label={t("query.filter.title")}
      className="flex min-w-0 flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <FilterGroupEditor
        group={draft}
        path={[]}
        fields={fields}
        dictionaries={table.dictionaries}
        problems={messages}
        focus={focus}
        actions={actions}
      />
      <p className="text-sm text-stone-600" aria-live="polite">
        <span className="font-medium text-stone-700">{t("query.filter.summary")}</span>
        {summary || t("query.filter.none")}
      </p>
      {showProblems ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p>{t("query.filter.fixFirst")}</p>
          <ul className="list-disc pl-5">
            {problems.slice(0, 5).map((p) => (
              <li key={`${p.path.join(".")}-${p.code}`}>
                {t(`query.problems.${p.code}`, { field: p.field })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.error ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {t("query.filter.refused")}
          {errorText(props.error.message)}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButton}>
          {t("query.filter.apply")}
        </button>
        <button type="button" className={secondaryButton} onClick={clear}>
          {t("query.filter.clear")}
        </button>
      </div>
    </form>
  );
}
