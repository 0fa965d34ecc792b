// Name a view and choose with whom it is shared: 仅自己, a role (按角色) or a community or grid (按社区);
// sharing only for those who may share. A name already used comes back from the server as a 409 and is
// shown at the name.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GridTable } from "../grid/types.ts";
import { QueryApiError, type SavedView, type ShareKind, type ViewInput } from "./api.ts";
import { border, control, ErrorNote, primaryButton, secondaryButton, useErrorText } from "./parts.tsx";
import { MAX_NAME, nameProblem, SHARE_ROLES, type ShareChoice, shareInput } from "./views.ts";

export function SaveViewForm(props: {
  table: GridTable;
  views: readonly SavedView[];
  /** The view being renamed or re-shared; absent when saving a new one. */
  editing?: SavedView;
  initial?: { name: string; share: ShareChoice };
  submitLabel: string;
  onSubmit: (input: ViewInput & { name: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const [name, setName] = useState(props.initial?.name ?? "");
  const [share, setShare] = useState<ShareChoice>(props.initial?.share ?? { share: "private" });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canShare = props.table.can.shareViews;

  const localName = nameProblem(name, props.views, props.editing?.id);
  // Without the right to share, an edit leaves the sharing as it is and a new view is private.
  const sharing = canShare ? shareInput(share) : props.editing ? {} : ({ share: "private" } as const);
  const nameMessage =
    nameError ?? (checked && localName ? t(`query.views.${localName}`, { max: MAX_NAME }) : null);
  const shareMessage = checked && typeof sharing === "string" ? t(`query.views.${sharing}`) : null;

  const submit = async () => {
    setChecked(true);
    setNameError(null);
    setError(null);
    if (localName || typeof sharing === "string") return;
    setBusy(true);
    try {
      await props.onSubmit({ name: name.trim(), ...sharing });
    } catch (e) {
      if (e instanceof QueryApiError && e.status === 409) setNameError(errorText(e.fields.name ?? e.message));
      else if (e instanceof QueryApiError && e.fields.name) setNameError(errorText(e.fields.name));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const kinds: { kind: ShareKind; label: string }[] = [
    { kind: "private", label: t("query.views.private") },
    { kind: "role", label: t("query.views.byRole") },
    { kind: "org", label: t("query.views.byOrg") },
  ];
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-name`} className="text-sm font-medium text-stone-700">
          {t("query.views.name")}
        </label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={MAX_NAME}
          placeholder={t("query.views.namePlaceholder")}
          aria-invalid={nameMessage ? true : undefined}
          aria-describedby={nameMessage ? `${id}-name-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
          className={`${control} ${border(Boolean(nameMessage))}`}
        />
        {nameMessage ? (
          <p id={`${id}-name-error`} className="text-sm text-red-700">
            {nameMessage}
          </p>
        ) : null}
      </div>
      {canShare ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-sm font-medium text-stone-700">{t("query.views.share")}</legend>
          <div className="flex flex-wrap gap-x-4">
            {kinds.map((k) => (
              <label key={k.kind} className="flex min-h-9 items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name={`${id}-share`}
                  className="size-4 accent-brand-500"
                  checked={share.share === k.kind}
                  onChange={() => setShare((s) => ({ ...s, share: k.kind }))}
                />
                {k.label}
              </label>
            ))}
          </div>
          {share.share === "role" ? (
            <select
              aria-label={t("query.views.role")}
              value={share.role ?? ""}
              onChange={(e) => setShare((s) => ({ ...s, role: e.target.value || undefined }))}
              className={`${control} ${border(Boolean(shareMessage))}`}
            >
              <option value="">{t("query.views.chooseRole")}</option>
              {SHARE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          ) : null}
          {share.share === "org" ? (
            <select
              aria-label={t("query.views.org")}
              value={share.orgId ?? ""}
              onChange={(e) =>
                setShare((s) => ({ ...s, orgId: e.target.value ? Number(e.target.value) : undefined }))
              }
              className={`${control} ${border(Boolean(shareMessage))}`}
            >
              <option value="">{t("query.views.chooseOrg")}</option>
              {props.table.places.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${"\u00a0\u00a0".repeat(p.depth)}${p.name}`}
                </option>
              ))}
            </select>
          ) : null}
          {shareMessage ? <p className="text-sm text-red-700">{shareMessage}</p> : null}
        </fieldset>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={busy}>
          {busy ? t("query.saving") : props.submitLabel}
        </button>
        <button type="button" className={secondaryButton} onClick={props.onCancel}>
          {t("query.cancel")}
        </button>
      </div>
    </form>
  );
}
