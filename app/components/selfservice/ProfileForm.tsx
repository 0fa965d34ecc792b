// The resident's form for proposing changes: one input per resident-editable field (masked values start
// empty, showing the masked text), a plain file input per photo, posted as multipart to the page's
// action — it works without JavaScript. Starts from the pending proposal's values when there is one.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { OwnProfile } from "../../selfservice/profile.server.ts";
import { type FormFailure, useFormErrors } from "../formErrors.tsx";
import { FieldInput } from "../records/FieldInput.tsx";
import { type FormInput, formDefaults } from "../records/form-values.ts";
import { CsrfInput } from "../ui.tsx";
import { ownFileUrl } from "./ProposalCard.tsx";

export const photoInputName = (key: string) => `photo.${key}`;

export function ProfileForm(props: { profile: OwnProfile; failure?: FormFailure<FormInput> }) {
  const { t } = useTranslation();
  const { profile } = props;
  const busy = useNavigation().state === "submitting";
  const editable = profile.fields.filter((f) => f.editable);
  const plain = editable.filter((f) => f.type !== "photo");
  const photos = editable.filter((f) => f.type === "photo");
  const errors = useFormErrors(
    props.failure,
    editable.map((f) => f.key),
  );
  const values = Object.fromEntries(profile.fields.map((f) => [f.key, f.value]));
  const defaults =
    props.failure?.values ??
    formDefaults(
      plain,
      { ...values, ...profile.pendingValues },
      profile.fields.filter((f) => f.masked).map((f) => f.key),
    );
  const proposed = (key: string) => profile.pending?.changes.find((c) => c.field === key);
  return (
    <Form method="post" encType="multipart/form-data" className="flex flex-col gap-4">
      <CsrfInput />
      <input type="hidden" name="intent" value="propose" />
      <p className="text-[15px] text-stone-600">{t("selfservice.profile.editHint")}</p>
      {errors.notice}
      {plain.map((field) => {
        const pending = proposed(field.key);
        // A sensitive input starts empty (blank keeps the value); its placeholder says what it holds.
        const shown = pending ? `${t("selfservice.profile.to")} ${pending.new}` : field.display;
        const masked = field.sensitive && (field.masked || pending) ? shown : undefined;
        return (
          <FieldInput
            key={field.key}
            field={field}
            formId="profile"
            defaults={defaults}
            dictionaries={profile.dictionaries}
            masked={masked}
            error={errors.field(field.key)}
          />
        );
      })}
      {photos.map((field) => {
        const pending = proposed(field.key)?.photo?.new;
        const current = typeof field.value === "string" ? field.value : null;
        const id = `profile-${field.key}`;
        return (
          <fieldset key={field.key} className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-stone-700">{field.label}</legend>
            <div className="flex flex-wrap gap-3">
              {current ? (
                <img
                  src={ownFileUrl(current, true)}
                  alt={field.label}
                  className="h-28 w-24 rounded object-cover"
                />
              ) : null}
              {pending ? (
                <figure className="flex flex-col gap-1">
                  <img
                    src={ownFileUrl(pending, true)}
                    alt={t("selfservice.profile.photoPending")}
                    className="h-28 w-24 rounded border-2 border-amber-400 object-cover"
                  />
                  <figcaption className="text-xs text-amber-900">
                    {t("selfservice.profile.photoPending")}
                  </figcaption>
                </figure>
              ) : null}
            </div>
            <label htmlFor={id} className="text-sm text-stone-700">
              {t("selfservice.profile.photo")}
            </label>
            <input
              id={id}
              type="file"
              name={photoInputName(field.key)}
              accept="image/jpeg,image/png,image/webp"
              className="min-h-12 text-base file:mr-3 file:min-h-12 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-4"
            />
            <p className="text-xs text-stone-500">{t("selfservice.profile.photoHint")}</p>
            {errors.field(field.key) ? (
              <p className="text-sm text-red-600">{errors.field(field.key)}</p>
            ) : null}
          </fieldset>
        );
      })}
      <button
        type="submit"
        disabled={busy}
        className="min-h-12 w-full rounded-md bg-brand-500 px-5 text-base font-semibold text-white hover:bg-brand-600 disabled:opacity-50 sm:w-auto sm:self-start"
      >
        {t("selfservice.profile.submit")}
      </button>
    </Form>
  );
}
