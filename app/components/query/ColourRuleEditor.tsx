// The view's colour rules (特殊人群 = 独居老人 → 橙色, the whole row or one cell): edited as a draft and
// applied together; the first rule that matches a row gives its colour.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ColourRule } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import type { PaletteColour } from "./api.ts";
import { incompleteRules, moveRule, newRule, removeRule, replaceRule, ruleFields } from "./colours.ts";
import { primaryButton, secondaryButton, smallButton } from "./parts.tsx";
import { RuleRow } from "./RuleRow.tsx";

const MAX_RULES = 20;

export interface ColourRuleEditorProps {
  table: GridTable;
  value: ColourRule[] | undefined;
  onChange: (rules: ColourRule[] | undefined) => void;
  palette?: PaletteColour[];
  /** After 应用 or 取消 (closes the popover holding it). */
  onDone?: () => void;
}

export function ColourRuleEditor(props: ColourRuleEditorProps) {
  const { t } = useTranslation();
  const fields = ruleFields(props.table.fields);
  const [draft, setDraft] = useState<ColourRule[]>(props.value ?? []);
  const [checked, setChecked] = useState(false);
  const incomplete = incompleteRules(draft, props.table.fields);

  const apply = () => {
    setChecked(true);
    if (incomplete.length > 0) return;
    props.onChange(draft.length > 0 ? draft : undefined);
    props.onDone?.();
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-stone-600">{t("query.rules.hint")}</p>
      {fields.length === 0 ? <p className="text-sm text-stone-500">{t("query.rules.noFields")}</p> : null}
      {draft.length === 0 && fields.length > 0 ? (
        <p className="text-sm text-stone-500">{t("query.rules.none")}</p>
      ) : null}
      <ol className="flex flex-col gap-2">
        {draft.map((rule, i) => (
          <li key={i}>
            <RuleRow
              rule={rule}
              index={i}
              count={draft.length}
              fields={fields}
              dictionaries={props.table.dictionaries}
              palette={props.palette}
              incomplete={checked && incomplete.includes(i)}
              onChange={(r) => setDraft((d) => replaceRule(d, i, r))}
              onMove={(by) => setDraft((d) => moveRule(d, i, by))}
              onRemove={() => setDraft((d) => removeRule(d, i))}
            />
          </li>
        ))}
      </ol>
      {fields.length > 0 && draft.length < MAX_RULES ? (
        <button
          type="button"
          className={`${smallButton} self-start`}
          onClick={() => setDraft((d) => [...d, newRule(fields[0]!, d, props.palette)])}
        >
          <span aria-hidden="true">＋</span> {t("query.rules.add")}
        </button>
      ) : null}
      {checked && incomplete.length > 0 ? (
        <p role="alert" className="text-sm text-red-700">
          {t("query.rules.incomplete", { n: incomplete.map((i) => i + 1).join("、") })}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="button" className={primaryButton} onClick={apply}>
          {t("query.apply")}
        </button>
        <button type="button" className={secondaryButton} onClick={() => props.onDone?.()}>
          {t("query.cancel")}
        </button>
      </div>
    </div>
  );
}
