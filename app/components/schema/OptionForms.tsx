// Adding an option to a dictionary (under a parent, for two-level ones), and merging a duplicate option
// into the one to keep.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { DictionaryOption } from "../../schema/dictionaries/types.ts";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { Button, Card, CsrfInput } from "../ui.tsx";
import { ColourPicker } from "./Colour.tsx";
import { doneOf } from "./formResult.ts";
import { SelectInput, TextInput } from "./inputs.tsx";

/** Options in tree order: each top-level option, then its children (an orphan counts as top-level). */
export function treeOrder(options: DictionaryOption[]): { option: DictionaryOption; child: boolean }[] {
  const codes = new Set(options.map((o) => o.code));
  const isTop = (o: DictionaryOption) => !o.parent || !codes.has(o.parent);
  return options
    .filter(isTop)
    .flatMap((top) => [
      { option: top, child: false },
      ...options.filter((o) => o.parent === top.code).map((option) => ({ option, child: true })),
    ]);
}

/** Options listed for a select: second-level ones indented under their parent. */
function choices(options: DictionaryOption[]) {
  return treeOrder(options).map(({ option, child }) => ({
    value: option.code,
    label: child ? `\u3000${option.label}` : option.label,
  }));
}

export function AddOptionForm(props: { options: DictionaryOption[]; actionData: unknown }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failure = failureOf(props.actionData, "add");
  const errors = useFormErrors(failure, ["label", "colour", "parent"]);
  const twoLevel = props.options.some((o) => o.parent);
  const tops = props.options.filter((o) => !o.parent);
  return (
    <Card title={t("schema.dict.add")}>
      <Form
        key={doneOf(props.actionData)?.at ?? 0}
        method="post"
        preventScrollReset
        className="flex flex-col gap-3"
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="addOption" />
        {errors.notice}
        <div className={`grid gap-3 ${twoLevel ? "sm:grid-cols-2" : ""}`}>
          <TextInput
            id="add-label"
            name="label"
            label={t("schema.dict.label")}
            defaultValue={failure?.values?.label}
            error={errors.field("label")}
            required
          />
          {twoLevel ? (
            <SelectInput
              id="add-parent"
              name="parent"
              label={t("schema.dict.parent")}
              options={[
                { value: "", label: t("schema.dict.topLevel") },
                ...tops.map((o) => ({ value: o.code, label: o.label })),
              ]}
              defaultValue={failure?.values?.parent}
              error={errors.field("parent")}
            />
          ) : null}
        </div>
        <ColourPicker defaultValue={failure?.values?.colour} />
        {errors.field("colour") ? <p className="text-sm text-red-600">{errors.field("colour")}</p> : null}
        <div>
          <Button disabled={busy}>{t("schema.dict.addSubmit")}</Button>
        </div>
      </Form>
    </Card>
  );
}

export function MergeOptionsForm(props: { options: DictionaryOption[]; actionData: unknown }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failure = failureOf(props.actionData, "merge");
  const errors = useFormErrors(failure, ["from", "into"]);
  if (props.options.length < 2) return null;
  const choose = { value: "", label: t("schema.choose") };
  return (
    <Card title={t("schema.dict.merge")}>
      <Form
        key={doneOf(props.actionData)?.at ?? 0}
        method="post"
        preventScrollReset
        className="flex flex-col gap-3"
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="mergeOptions" />
        <p className="text-sm text-stone-600">{t("schema.dict.mergeText")}</p>
        {errors.notice}
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectInput
            id="merge-from"
            name="from"
            label={t("schema.dict.from")}
            options={[choose, ...choices(props.options)]}
            defaultValue={failure?.values?.from}
            error={errors.field("from")}
            required
          />
          <SelectInput
            id="merge-into"
            name="into"
            label={t("schema.dict.into")}
            options={[choose, ...choices(props.options)]}
            defaultValue={failure?.values?.into}
            error={errors.field("into")}
            required
          />
        </div>
        <div>
          <Button variant="danger" disabled={busy}>
            {t("schema.dict.mergeSubmit")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
