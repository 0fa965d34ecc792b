// The options of a dictionary: colour, label, code (small, grey), other names, merged codes; second-level
// options indented under their parent. Staff who may edit rename or recolour an option in place.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { DictionaryOption } from "../../schema/dictionaries/types.ts";
import { EmptyState } from "../admin/Page.tsx";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { Button, CsrfInput } from "../ui.tsx";
import { ColourPicker, Swatch } from "./Colour.tsx";
import { TextInput } from "./inputs.tsx";

export function OptionList(props: { options: DictionaryOption[]; canWrite: boolean; actionData: unknown }) {
  const { t } = useTranslation();
  const { options } = props;
  if (options.length === 0) return <EmptyState>{t("schema.dict.empty")}</EmptyState>;
  const codes = new Set(options.map((o) => o.code));
  // An option whose parent is missing is shown at the top level rather than lost.
  const tops = options.filter((o) => !o.parent || !codes.has(o.parent));
  const childrenOf = (code: string) => options.filter((o) => o.parent === code);
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
      {tops.map((option) => (
        <li key={option.code} className="px-3 py-2 sm:px-4">
          <OptionRow option={option} canWrite={props.canWrite} actionData={props.actionData} />
          {childrenOf(option.code).length > 0 ? (
            <ul className="mt-1 ml-2 border-l-2 border-stone-200 pl-3 sm:ml-3 sm:pl-4">
              {childrenOf(option.code).map((child) => (
                <li key={child.code} className="py-1">
                  <OptionRow option={child} canWrite={props.canWrite} actionData={props.actionData} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function OptionRow(props: { option: DictionaryOption; canWrite: boolean; actionData: unknown }) {
  const { t } = useTranslation();
  const { option } = props;
  const failure = failureOf(props.actionData, `option-${option.code}`);
  const errors = useFormErrors(failure, ["label", "colour"]);
  const busy = useNavigation().state === "submitting";
  const id = `option-${option.code}`;
  return (
    <div className="flex flex-col gap-1 py-1" data-option={option.code}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <Swatch colour={option.colour} />
        <span className="font-medium text-stone-900">{option.label}</span>
        <span className="font-mono text-xs text-stone-400">{option.code}</span>
      </div>
      {option.synonyms?.length ? (
        <p className="text-xs text-stone-500">
          {t("schema.dict.synonyms", { list: option.synonyms.join("、") })}
        </p>
      ) : null}
      {option.aliases?.length ? (
        <p className="text-xs text-stone-500">
          {t("schema.dict.aliases", { list: option.aliases.join("、") })}
        </p>
      ) : null}
      {props.canWrite ? (
        <details open={failure ? true : undefined}>
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700 select-none">
            {t("schema.dict.edit")}
          </summary>
          <Form
            key={`${option.label}-${option.colour ?? ""}`}
            method="post"
            preventScrollReset
            className="mt-1 flex flex-col gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="updateOption" />
            <input type="hidden" name="code" value={option.code} />
            {errors.notice}
            <TextInput
              id={`${id}-label`}
              name="label"
              label={t("schema.dict.label")}
              defaultValue={failure?.values?.label ?? option.label}
              error={errors.field("label")}
              required
            />
            <ColourPicker defaultValue={failure?.values?.colour ?? option.colour} />
            {errors.field("colour") ? <p className="text-sm text-red-600">{errors.field("colour")}</p> : null}
            <div>
              <Button variant="secondary" disabled={busy}>
                {t("schema.dict.save")}
              </Button>
            </div>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
