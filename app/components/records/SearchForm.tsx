// The search box of a record list: a name, a whole ID or mobile number, or a system ID, and the
// community or grid. Sent by POST so a number typed here never ends up in a URL.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { indented, type TreeRow } from "../admin/orgTree.ts";
import { buttonLink } from "../admin/Page.tsx";
import { CsrfInput } from "../ui.tsx";
import { control } from "./parts.tsx";

export function SearchForm(props: {
  q: string;
  orgId: string;
  places: readonly TreeRow[];
  clearTo: string | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const baseDepth = Math.min(...props.places.map((o) => o.depth), 9);
  return (
    <Form
      method="post"
      role="search"
      className={`mb-4 grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:items-start sm:p-4 ${
        props.places.length > 1 ? "sm:grid-cols-[1fr_14rem_auto]" : "sm:grid-cols-[1fr_auto]"
      }`}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="search" />
      <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
        {t("records.list.search")}
        <input
          type="search"
          name="q"
          defaultValue={props.q}
          maxLength={50}
          autoComplete="off"
          placeholder={t("records.list.searchPlaceholder")}
          aria-describedby="record-search-hint"
          className={`${control} border-stone-300`}
        />
        <span id="record-search-hint" className="text-xs font-normal text-stone-500">
          {t("records.list.searchHint")}
        </span>
      </label>
      {props.places.length > 1 ? (
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          {t("records.list.org")}
          <select name="orgId" defaultValue={props.orgId} className={`${control} border-stone-300`}>
            <option value="">{t("records.list.allOrgs")}</option>
            {props.places.map((o) => (
              <option key={o.id} value={o.id}>
                {indented(o, t(`orgKinds.${o.kind}`), baseDepth)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="flex gap-2 sm:mt-6">
        <button
          type="submit"
          disabled={props.busy}
          className={`${buttonLink.primary} min-h-11 flex-1 sm:flex-none`}
        >
          {t("records.list.find")}
        </button>
        {props.clearTo ? (
          <Link to={props.clearTo} className={`${buttonLink.secondary} min-h-11 flex-1 sm:flex-none`}>
            {t("records.list.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
