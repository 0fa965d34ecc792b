// Change-your-own-password form, used by the staff console and the resident area alike.
// The route's action calls changeOwnPassword (app/auth/self.server.ts) inside runForm and returns its result.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useFormErrors } from "./formErrors.tsx";
import { Button, CsrfInput, Field, Notice } from "./ui.tsx";

const SHOWN = ["currentPassword", "newPassword", "confirmPassword"];

/** `actionData` is what the action returned: the runForm error, or `{ otherSessionsEnded }` on success. */
export function PasswordForm({ actionData }: { actionData: unknown }) {
  const { t } = useTranslation();
  const errors = useFormErrors(actionData, SHOWN);
  const busy = useNavigation().state === "submitting";
  const done = typeof actionData === "object" && actionData !== null && "otherSessionsEnded" in actionData;
  return (
    <Form key={done ? "done" : "form"} method="post" className="flex flex-col gap-4">
      <CsrfInput />
      {done ? <Notice kind="success">{t("admin.password.done")}</Notice> : null}
      {errors.notice}
      <Field
        label={t("admin.password.current")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.field("currentPassword")}
      />
      <Field
        label={t("admin.password.new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t("admin.password.newHint")}
        error={errors.field("newPassword")}
      />
      <Field
        label={t("admin.password.confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.field("confirmPassword")}
      />
      <div>
        <Button disabled={busy}>{t("admin.password.submit")}</Button>
      </div>
    </Form>
  );
}
