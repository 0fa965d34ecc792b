// What a condition compares with, typed the way the field is: a select of the dictionary's options,
// 是/否, a number, a date picker, text; tick boxes or a comma list for several values; two inputs for a
// range; a number of days; two ages.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import type { DictionaryOptions } from "../records/options.ts";
import { operandKind, type Scalar, splitList, typedValue, valueInput, valueText } from "./operand.ts";
import { border, control, Swatch } from "./parts.tsx";

type Operand = Pick<Condition, "value" | "values">;

export interface OperandInputProps {
  id: string;
  field: GridField | undefined;
  condition: Condition;
  dictionaries: DictionaryOptions;
  invalid: boolean;
  describedBy?: string;
  onChange: (operand: Operand) => void;
}

export function OperandInput(props: OperandInputProps) {
  const { t } = useTranslation();
  const { field, condition, onChange } = props;
  const label = field?.label ?? "";
  switch (operandKind(condition.op)) {
    case "none":
      return null;
    case "value":
      return (
        <ValueField
          {...props}
          label={t("query.filter.valueOf", { field: label })}
          value={condition.value}
          onValue={(value) => onChange({ value })}
        />
      );
    case "text":
      return (
        <DraftInput
          id={props.id}
          className={`${control} ${border(props.invalid)}`}
          aria-label={t("query.filter.textOf", { field: label })}
          aria-invalid={props.invalid || undefined}
          aria-describedby={props.describedBy}
          value={valueText(condition.value)}
          normal={(text) => text}
          onText={(text) => onChange({ value: text === "" ? null : text })}
        />
      );
    case "values":
      return <ValuesField {...props} label={label} />;
    case "range": {
      const [from = null, to = null] = condition.values ?? [];
      const set = (at: 0 | 1, v: Scalar | null) =>
        onChange({ values: at === 0 ? [v, to ?? null] : [from ?? null, v] });
      return (
        <span className="flex items-center gap-1.5">
          <ValueField
            {...props}
            label={t("query.filter.fromOf", { field: label })}
            value={from}
            onValue={(v) => set(0, v)}
          />
          <span aria-hidden="true" className="text-stone-500">
            {t("query.filter.to")}
          </span>
          <ValueField
            {...props}
            id={`${props.id}-to`}
            label={t("query.filter.toOf", { field: label })}
            value={to}
            onValue={(v) => set(1, v)}
          />
        </span>
      );
    }
    case "days":
      return (
        <span className="flex items-center gap-1.5">
          <WholeNumber
            id={props.id}
            label={t("query.filter.daysOf", { field: label })}
            invalid={props.invalid}
            describedBy={props.describedBy}
            value={condition.value}
            onValue={(value) => onChange({ value })}
          />
          <span className="text-sm text-stone-600">{t("query.filter.days")}</span>
        </span>
      );
    case "years": {
      const [from = null, to = null] = condition.values ?? [];
      return (
        <span className="flex items-center gap-1.5">
          <WholeNumber
            id={props.id}
            label={t("query.filter.ageFrom")}
            invalid={props.invalid}
            describedBy={props.describedBy}
            value={from}
            onValue={(v) => onChange({ values: [v, to ?? null] })}
          />
          <span aria-hidden="true" className="text-stone-500">
            {t("query.filter.to")}
          </span>
          <WholeNumber
            id={`${props.id}-to`}
            label={t("query.filter.ageTo")}
            invalid={props.invalid}
            describedBy={props.describedBy}
            value={to}
            onValue={(v) => onChange({ values: [from ?? null, v] })}
          />
          <span className="text-sm text-stone-600">{t("query.filter.years")}</span>
        </span>
      );
    }
  }
}

/**
 * A text input that keeps what is being typed ("7." on the way to "7.5") while the condition holds the
 * value read from it; it follows the condition when that changes from outside.
 */
function DraftInput(
  props: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
    value: string;
    /** The text the condition's value reads back as, for typed text. */
    normal: (text: string) => string;
    onText: (text: string) => void;
  },
) {
  const { value, normal, onText, ...rest } = props;
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  return (
    <input
      {...rest}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        setShown(normal(e.target.value));
        onText(e.target.value);
      }}
    />
  );
}

function ValueField(
  props: OperandInputProps & { label: string; value: unknown; onValue: (v: Scalar | null) => void },
) {
  const { t } = useTranslation();
  const { field } = props;
  const common = {
    id: props.id,
    "aria-label": props.label,
    "aria-invalid": props.invalid || undefined,
    "aria-describedby": props.describedBy,
    className: `${control} ${border(props.invalid)}`,
  };
  switch (valueInput(field)) {
    case "select": {
      const options = props.dictionaries[field?.options.dictionary ?? ""] ?? [];
      return (
        <select
          {...common}
          value={valueText(props.value)}
          onChange={(e) => props.onValue(e.target.value || null)}
        >
          <option value="">{t("query.filter.choose")}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      );
    }
    case "boolean":
      return (
        <select
          {...common}
          value={props.value === true ? "true" : props.value === false ? "false" : ""}
          onChange={(e) => props.onValue(e.target.value === "" ? null : e.target.value === "true")}
        >
          <option value="">{t("query.filter.choose")}</option>
          <option value="true">{t("query.summary.yes")}</option>
          <option value="false">{t("query.summary.no")}</option>
        </select>
      );
    case "date":
      return (
        <input
          {...common}
          type="date"
          value={valueText(props.value)}
          onChange={(e) => props.onValue(e.target.value || null)}
        />
      );
    case "number":
      return (
        <DraftInput
          {...common}
          inputMode="decimal"
          value={valueText(props.value)}
          normal={(text) => valueText(typedValue(field, text))}
          onText={(text) => props.onValue(typedValue(field, text))}
        />
      );
    default:
      return (
        <DraftInput
          {...common}
          value={valueText(props.value)}
          normal={(text) => valueText(typedValue(field, text))}
          onText={(text) => props.onValue(typedValue(field, text))}
        />
      );
  }
}

function WholeNumber(props: {
  id: string;
  label: string;
  invalid: boolean;
  describedBy?: string;
  value: unknown;
  onValue: (v: Scalar | null) => void;
}) {
  const read = (text: string) => typedValue({ type: "integer" } as GridField, text);
  return (
    <DraftInput
      id={props.id}
      aria-label={props.label}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      inputMode="numeric"
      className={`${control} ${border(props.invalid)} w-20`}
      value={valueText(props.value)}
      normal={(text) => valueText(read(text))}
      onText={(text) => props.onValue(read(text))}
    />
  );
}

/** Several values: tick boxes of the dictionary's options, or a list typed with commas. */
function ValuesField(props: OperandInputProps & { label: string }) {
  const { t } = useTranslation();
  const { field, condition, onChange } = props;
  const values = condition.values ?? [];
  if (valueInput(field) === "select") {
    const options = props.dictionaries[field?.options.dictionary ?? ""] ?? [];
    const ticked = new Set(values.map(valueText));
    const toggle = (code: string) =>
      onChange({
        values: ticked.has(code) ? values.filter((v) => valueText(v) !== code) : [...values, code],
      });
    return (
      <fieldset
        id={props.id}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        className={`max-h-44 min-w-0 overflow-y-auto rounded-md border px-2 py-1 ${border(props.invalid)}`}
      >
        <legend className="sr-only">{t("query.filter.valuesOf", { field: props.label })}</legend>
        <div className="flex flex-wrap gap-x-3">
          {options.map((o) => (
            <label key={o.code} className="flex min-h-9 items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-500"
                checked={ticked.has(o.code)}
                onChange={() => toggle(o.code)}
              />
              {o.colour ? <Swatch colour={o.colour} /> : null}
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const read = (text: string) => splitList(text).map((s) => typedValue(field, s) ?? s);
  const listText = (list: readonly unknown[]) => list.map(valueText).join("，");
  return (
    <DraftInput
      id={props.id}
      aria-label={t("query.filter.valuesOf", { field: props.label })}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      placeholder={t("query.filter.listHint")}
      className={`${control} ${border(props.invalid)}`}
      value={listText(values)}
      normal={(text) => listText(read(text))}
      onText={(text) => onChange({ values: read(text) })}
    />
  );
}
