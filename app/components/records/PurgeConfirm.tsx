// The second step of deleting for good: what goes with the chosen records (sub-table rows, links that
// would break), a reason, and the number of records typed to confirm. Nothing is erased before this.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { buttonLink } from "../admin/Page.tsx";
import { useFormErrors } from "../formErrors.tsx";
import { Button, Card, CsrfInput } from "../ui.tsx";
import { control } from "./parts.tsx";

export interface PurgePreviewView {
  records: { id: number; systemId: string }[];
  subRows: { table: string; count: number }[];
  links: { from: string; field: string; to: string }[];
  total: number;
}

export function PurgeConfirm(props: {
  preview: PurgePreviewView;
  failure: unknown;
  cancelTo: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { preview } = props;
  const errors = useFormErrors(props.failure, ["reason", "confirm"]);
  return (
    <Card title={t("records.recycle.purgeTitle", { count: preview.records.length })}>
      <Form method="post" className="flex flex-col gap-4">
        <CsrfInput />
        <input type="hidden" name="intent" value="purge" />
        {preview.records.map((r) => (
          <input key={r.id} type="hidden" name="ids" value={r.id} />
        ))}
        {errors.notice}
        <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{t("records.recycle.purgeWarning")}</p>
          <p className="mt-2 font-mono break-words">{preview.records.map((r) => r.systemId).join("、")}</p>
          {preview.subRows.length > 0 ? (
            <>
              <p className="mt-2">{t("records.recycle.subRows")}</p>
              <ul className="list-inside list-disc">
                {preview.subRows.map((s) => (
                  <li key={s.table}>
                    {t("records.recycle.subRowCount", { table: s.table, count: s.count })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.links.length > 0 ? (
            <>
              <p className="mt-2">{t("records.recycle.links")}</p>
              <ul className="list-inside list-disc">
                {preview.links.map((l) => (
                  <li key={`${l.from}-${l.field}-${l.to}`}>
                    {l.from}「{l.field}」→ {l.to}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          <span>
            {t("records.recycle.reason")}
            <span className="text-red-600"> *</span>
          </span>
          <textarea
            name="reason"
            rows={2}
            maxLength={200}
            aria-invalid={errors.field("reason") ? true : undefined}
            className={`${control} ${errors.field("reason") ? "border-red-500" : "border-stone-300"}`}
          />
          {errors.field("reason") ? (
            <span className="text-sm text-red-600">{errors.field("reason")}</span>
          ) : null}
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700 sm:max-w-xs">
          {t("records.recycle.confirm", { total: preview.total })}
          <input
            name="confirm"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={errors.field("confirm") ? true : undefined}
            className={`${control} ${errors.field("confirm") ? "border-red-500" : "border-stone-300"}`}
          />
          {errors.field("confirm") ? (
            <span className="text-sm text-red-600">{errors.field("confirm")}</span>
          ) : null}
        </label>
        <div className="flex flex-wrap gap-2">
          <Button variant="danger" disabled={props.busy}>
            {t("records.recycle.purgeSubmit", { total: preview.total })}
          </Button>
          <Link to={props.cancelTo} className={`${buttonLink.secondary} min-h-11`}>
            {t("records.recycle.cancel")}
          </Link>
        </div>
      </Form>
    </Card>
  );
}
