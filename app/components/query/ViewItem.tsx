// One saved view in the menu: load it; with whom it is shared (and by whom); for those who may, save the
// grid's conditions into it, rename or re-share it, delete it.
import { useTranslation } from "react-i18next";
import type { SavedView } from "./api.ts";
import { smallButton } from "./parts.tsx";
import type { Translate } from "./summary.ts";
import { shareText } from "./views.ts";

export function ViewItem(props: {
  view: SavedView;
  active: boolean;
  /** The grid shows something else than the active view keeps. */
  changed: boolean;
  busy: boolean;
  onLoad: () => void;
  onSaveChanges: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { view } = props;
  const share = shareText(view, t as unknown as Translate);
  return (
    <li className={`flex flex-col rounded-md ${props.active ? "bg-brand-50" : ""}`}>
      <button
        type="button"
        aria-current={props.active ? "true" : undefined}
        onClick={props.onLoad}
        className="flex min-h-10 flex-col items-start rounded-md px-2 py-1 text-left hover:bg-stone-100"
      >
        <span className="text-sm font-medium text-stone-800">{view.name}</span>
        <span className="text-xs text-stone-500">
          {view.mine ? share : t("query.views.sharedBy", { owner: view.owner.displayName, share })}
          {view.share !== "private" ? (
            <span className="ml-1 rounded bg-sky-100 px-1 text-sky-800">{t("query.views.shared")}</span>
          ) : null}
        </span>
      </button>
      {props.active && props.changed ? (
        <p className="px-2 text-xs text-amber-700">{t("query.views.unsaved")}</p>
      ) : null}
      {view.canEdit ? (
        <div className="flex flex-wrap gap-0.5 px-1 pb-1">
          {props.active && props.changed ? (
            <button
              type="button"
              disabled={props.busy}
              className={`${smallButton} min-h-8 text-xs text-brand-700`}
              onClick={props.onSaveChanges}
            >
              {t("query.views.saveChanges")}
            </button>
          ) : null}
          <button
            type="button"
            className={`${smallButton} min-h-8 text-xs`}
            aria-label={t("query.views.editNamed", { name: view.name })}
            onClick={props.onEdit}
          >
            {t("query.views.edit")}
          </button>
          <button
            type="button"
            className={`${smallButton} min-h-8 text-xs text-red-700`}
            aria-label={t("query.views.deleteNamed", { name: view.name })}
            onClick={props.onDelete}
          >
            {t("query.views.delete")}
          </button>
        </div>
      ) : null}
    </li>
  );
}
