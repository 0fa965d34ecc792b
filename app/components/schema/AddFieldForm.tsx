// "添加字段": label, type, and the options the chosen type needs. Without JavaScript every option box is
// shown, each saying which type it is for (the server uses only the chosen type's); once the page is
// interactive, only the boxes of the chosen type are shown.
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { Button, Card, CsrfInput } from "../ui.tsx";
import { doneOf } from "./formResult.ts";
import { Checkbox, SelectInput, TextInput } from "./inputs.tsx";

export const ADD_FIELD_KEYS = [
  "label",
  "type",
  "dictionary",
  "formula",
  "linkTable",
  "decimals",
  "required",
  "sensitive",
];

type Option = { value: string; label: string };

export function AddFieldForm(props: {
  types: { id: string; readOnly: boolean; sensitiveByDefault: boolean }[];
  dictionaries: Option[];
  tables: Option[];
  actionData: unknown;
}) {
  const { t } = useTranslation();
  const failure = failureOf(props.actionData, "add");
  const errors = useFormErrors(failure, ADD_FIELD_KEYS);
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? {};
  const [type, setType] = useState(values.type ?? props.types[0]?.id ?? "text");
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  // A box is shown when the page is static (all boxes) or when it belongs to the chosen type.
  const shows = (...forTypes: string[]) => !interactive || forTypes.includes(type);
  const chosen = props.types.find((x) => x.id === type);
  const choose = { value: "", label: t("schema.choose") };
  return (
    <section id="add-field" className="scroll-mt-4">
      <Card title={t("schema.fields.add")}>
        <Form
          key={doneOf(props.actionData)?.at ?? 0}
          method="post"
          preventScrollReset
          className="flex flex-col gap-3"
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="addField" />
          {errors.notice}
          <div className="grid gap-3 sm:grid-cols-2">
            <TextInput
              id="add-label"
              name="label"
              label={t("schema.fields.label")}
              defaultValue={values.label}
              error={errors.field("label")}
              required
            />
            <SelectInput
              id="add-type"
              name="type"
              label={t("schema.fields.type")}
              options={props.types.map((x) => ({ value: x.id, label: t(`fieldTypes.${x.id}`) }))}
              defaultValue={type}
              onChange={setType}
              error={errors.field("type")}
              required
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <OptionBox shown={shows("choice", "multichoice")}>
              <SelectInput
                id="add-dictionary"
                name="dictionary"
                label={t("schema.fields.dictionary")}
                options={[choose, ...props.dictionaries]}
                defaultValue={values.dictionary}
                hint={interactive ? undefined : t("schema.fields.forChoice")}
                error={errors.field("dictionary")}
              />
            </OptionBox>
            <OptionBox shown={shows("formula")} wide>
              <TextInput
                id="add-formula"
                name="formula"
                label={t("schema.fields.formula")}
                defaultValue={values.formula}
                placeholder="AGE([出生日期])"
                hint={
                  interactive
                    ? t("schema.fields.formulaHint")
                    : `${t("schema.fields.forFormula")}。${t("schema.fields.formulaHint")}`
                }
                error={errors.field("formula")}
              />
            </OptionBox>
            <OptionBox shown={shows("link")}>
              <SelectInput
                id="add-link"
                name="linkTable"
                label={t("schema.fields.linkTable")}
                options={[choose, ...props.tables]}
                defaultValue={values.linkTable}
                hint={interactive ? undefined : t("schema.fields.forLink")}
                error={errors.field("linkTable")}
              />
            </OptionBox>
            <OptionBox shown={shows("decimal")}>
              <TextInput
                id="add-decimals"
                name="decimals"
                label={t("schema.fields.decimals")}
                inputMode="numeric"
                placeholder="2"
                defaultValue={values.decimals}
                hint={t("schema.fields.forDecimal")}
                error={errors.field("decimals")}
              />
            </OptionBox>
          </div>
          {/* Interactive: the box starts as the type's default (手机号码 sensitive) and an explicit "" makes
            an unticked box mean "no". Static: an unticked box is not sent, so the type's default holds. */}
          <div key={interactive ? type : "static"} className="flex flex-wrap gap-x-6">
            {interactive ? <input type="hidden" name="sensitive" value="" /> : null}
            {chosen?.readOnly && interactive ? null : (
              <Checkbox
                name="required"
                label={t("schema.fields.required")}
                defaultChecked={!!values.required}
              />
            )}
            <Checkbox
              name="sensitive"
              label={t("schema.fields.sensitive")}
              defaultChecked={
                values.sensitive !== undefined
                  ? values.sensitive === "on"
                  : interactive && !!chosen?.sensitiveByDefault
              }
            />
          </div>
          <div>
            <Button disabled={busy}>{t("schema.fields.addSubmit")}</Button>
          </div>
        </Form>
      </Card>
    </section>
  );
}

/** Options of other types are disabled as well as hidden, so they are not sent. */
function OptionBox(props: { shown: boolean; wide?: boolean; children: ReactNode }) {
  return (
    <fieldset
      hidden={!props.shown}
      disabled={!props.shown}
      className={`min-w-0 ${props.wide ? "sm:col-span-2" : ""}`}
    >
      {props.children}
    </fieldset>
  );
}
