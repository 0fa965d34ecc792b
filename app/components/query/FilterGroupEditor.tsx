// One AND/OR group of the condition builder: how its items combine (并且 / 或者), its conditions and
// nested groups, and buttons to add a condition or a group or to remove the group.
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Condition, FilterGroup } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import type { DictionaryOptions } from "../records/options.ts";
import { ConditionRow } from "./ConditionRow.tsx";
import { canNestIn, isGroup, type Path } from "./filter-tree.ts";
import { IconButton, smallButton } from "./parts.tsx";

export interface GroupActions {
  setJoin(path: Path, join: FilterGroup["join"]): void;
  addCondition(groupPath: Path): void;
  addGroup(groupPath: Path): void;
  remove(path: Path): void;
  updateCondition(path: Path, condition: Condition): void;
}

export function FilterGroupEditor(props: {
  group: FilterGroup;
  path: Path;
  fields: readonly GridField[];
  dictionaries: DictionaryOptions;
  /** Path (joined with ".") → message. */
  problems: ReadonlyMap<string, string>;
  /** Path (joined with ".") of a condition just added, to focus. */
  focus?: string | null;
  actions: GroupActions;
  /** Remove this group (the parent then takes the focus). */
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const { group, path, actions } = props;
  const root = path.length === 0;
  const joinWord = t(group.join === "or" ? "query.summary.or" : "query.summary.and");
  const groupProblem = props.problems.get(path.join("."));
  // After a removal the focus stays in this group, on its 添加条件.
  const addButton = useRef<HTMLButtonElement>(null);
  const removeItem = (at: Path) => {
    actions.remove(at);
    addButton.current?.focus();
  };
  return (
    <fieldset
      className={`flex min-w-0 flex-col gap-2 ${root ? "" : "rounded-md border border-stone-200 bg-stone-50/60 p-2 sm:p-3"}`}
    >
      <legend className="sr-only">{root ? t("query.filter.title") : t("query.filter.group")}</legend>
      <div className="flex flex-wrap items-center gap-2">
        {/* biome-ignore lint/a11y/useSemanticElements: two toggle buttons read better than radios here */}
        <div
          role="group"
          aria-label={t("query.filter.join")}
          className="inline-flex rounded-md border border-stone-300"
        >
          {(["and", "or"] as const).map((join) => (
            <button
              key={join}
              type="button"
              aria-pressed={group.join === join}
              onClick={() => actions.setJoin(path, join)}
              className="min-h-9 px-3 text-sm first:rounded-l-md last:rounded-r-md aria-pressed:bg-brand-500 aria-pressed:text-white"
            >
              {t(join === "and" ? "query.filter.and" : "query.filter.or")}
            </button>
          ))}
        </div>
        {root ? null : (
          <span className="ml-auto">
            <IconButton
              label={t("query.filter.removeGroup")}
              tone="danger"
              onClick={() => actions.remove(path)}
            >
              ×
            </IconButton>
          </span>
        )}
      </div>
      {groupProblem ? <p className="text-sm text-red-700">{groupProblem}</p> : null}
      {group.items.length === 0 ? (
        <p className="text-sm text-stone-500">{t(root ? "query.filter.empty" : "query.filter.emptyGroup")}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {group.items.map((item, i) => {
            const at = [...path, i];
            return (
              <li key={i} className="flex flex-col gap-2">
                {i > 0 ? (
                  <span aria-hidden="true" className="text-xs font-medium text-brand-700">
                    {joinWord}
                  </span>
                ) : null}
                {isGroup(item) ? (
                  <FilterGroupEditor {...props} group={item} path={at} onRemove={() => removeItem(at)} />
                ) : (
                  <ConditionRow
                    condition={item}
                    fields={props.fields}
                    dictionaries={props.dictionaries}
                    problem={props.problems.get(at.join("."))}
                    autoFocus={props.focus === at.join(".")}
                    position={t("query.filter.conditionN", { n: i + 1 })}
                    onChange={(c) => actions.updateCondition(at, c)}
                    onRemove={() => removeItem(at)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex flex-wrap gap-1">
        <button
          ref={addButton}
          type="button"
          className={smallButton}
          onClick={() => actions.addCondition(path)}
        >
          <span aria-hidden="true">＋</span> {t("query.filter.addCondition")}
        </button>
        {canNestIn(path) ? (
          <button type="button" className={smallButton} onClick={() => actions.addGroup(path)}>
            <span aria-hidden="true">＋</span> {t("query.filter.addGroup")}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
