// 保存的查询: the reader's own views and those shared with them (marked 共享, with whom); load one, save
// the grid's query as a new one, and — where allowed — save changes into a view, rename or re-share it,
// or delete it. Conflicts (a name already used) and refusals are shown where they happen.
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ViewDefinition } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { type SavedView, useQueryApi } from "./api.ts";
import { Popover } from "./Popover.tsx";
import { ErrorNote, primaryButton, secondaryButton, smallButton } from "./parts.tsx";
import { SaveViewForm } from "./SaveViewForm.tsx";
import { useLoad } from "./useLoad.ts";
import { ViewItem } from "./ViewItem.tsx";
import { definitionToSave, groupViews, sameDefinition, shareChoiceOf } from "./views.ts";

export interface SavedViewMenuProps {
  table: GridTable;
  /** What the grid shows now (saved by 另存为 and 保存更改). */
  current: ViewDefinition;
  /** The view loaded last (as onLoad or onActiveChange handed it over), if any. */
  activeId?: number | null;
  /** Its name, shown on the button before the list is loaded. */
  activeName?: string;
  /** Load a view: the grid takes its definition (and remembers it as the active one). */
  onLoad: (definition: ViewDefinition, view: SavedView) => void;
  /** The active view was saved anew, renamed or deleted (null). */
  onActiveChange?: (view: SavedView | null) => void;
}

type Mode =
  | { kind: "list" }
  | { kind: "create" }
  | { kind: "edit"; view: SavedView }
  | { kind: "delete"; view: SavedView };

export function SavedViewMenu(props: SavedViewMenuProps) {
  const { t } = useTranslation();
  const id = useId();
  const api = useQueryApi(props.table.key);
  const [opened, setOpened] = useState(0);
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loaded = useLoad(opened > 0 ? `views-${opened}` : null, (signal) => api.views(signal), 0);
  const views = loaded.data ?? [];
  const { mine, shared } = groupViews(views);
  const activeId = props.activeId ?? null;
  const active = views.find((v) => v.id === activeId);
  const activeName = active?.name ?? (activeId !== null ? props.activeName : undefined);
  // The grid's own columns (编号 $id, 所属组织 $org) keep their width and place in a view too.
  const fieldKeys = [...props.table.fields.map((f) => f.key), "$id", "$org"];
  const changed = active ? !sameDefinition(active.definition, props.current, fieldKeys) : false;

  const onOpen = useCallback(() => {
    setMode({ kind: "list" });
    setError(null);
    setOpened((n) => n + 1);
  }, []);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      loaded.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const item = (view: SavedView, close: () => void) => (
    <ViewItem
      key={view.id}
      view={view}
      active={view.id === activeId}
      changed={view.id === activeId && changed}
      busy={busy}
      onLoad={() => {
        props.onLoad(view.definition, view);
        close();
      }}
      onSaveChanges={() =>
        act(async () => {
          const saved = await api.updateView(view.id, {
            definition: definitionToSave(props.current, fieldKeys),
          });
          props.onActiveChange?.(saved);
        })
      }
      onEdit={() => setMode({ kind: "edit", view })}
      onDelete={() => setMode({ kind: "delete", view })}
    />
  );

  const panel = (close: () => void) => {
    if (mode.kind === "create")
      return (
        <SaveViewForm
          table={props.table}
          views={views}
          submitLabel={t("query.save")}
          onCancel={() => setMode({ kind: "list" })}
          onSubmit={async (input) => {
            const saved = await api.createView({
              ...input,
              definition: definitionToSave(props.current, fieldKeys),
            });
            props.onActiveChange?.(saved);
            loaded.reload();
            setMode({ kind: "list" });
          }}
        />
      );
    if (mode.kind === "edit")
      return (
        <SaveViewForm
          table={props.table}
          views={views}
          editing={mode.view}
          initial={{ name: mode.view.name, share: shareChoiceOf(mode.view) }}
          submitLabel={t("query.save")}
          onCancel={() => setMode({ kind: "list" })}
          onSubmit={async (input) => {
            const saved = await api.updateView(mode.view.id, input);
            if (saved.id === activeId) props.onActiveChange?.(saved);
            loaded.reload();
            setMode({ kind: "list" });
          }}
        />
      );
    if (mode.kind === "delete")
      return (
        <div role="alertdialog" aria-labelledby={`${id}-delete`} className="flex flex-col gap-3">
          <p id={`${id}-delete`} className="text-sm">
            {t("query.views.deleteConfirm", { name: mode.view.name })}
          </p>
          {mode.view.share !== "private" ? (
            <p className="text-sm text-amber-700">{t("query.views.deleteShared")}</p>
          ) : null}
          {error ? <ErrorNote error={error} /> : null}
          <div className="flex gap-2">
            <button
              type="button"
              disabled={busy}
              className={`${primaryButton} bg-red-600 hover:bg-red-700`}
              onClick={() =>
                act(async () => {
                  await api.deleteView(mode.view.id);
                  if (mode.view.id === activeId) props.onActiveChange?.(null);
                  setMode({ kind: "list" });
                })
              }
            >
              {t("query.views.delete")}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setMode({ kind: "list" })}>
              {t("query.cancel")}
            </button>
          </div>
        </div>
      );
    return (
      <div className="flex flex-col gap-3" aria-busy={loaded.loading || undefined}>
        {loaded.error ? <ErrorNote error={loaded.error} /> : null}
        {error ? <ErrorNote error={error} /> : null}
        {!loaded.data && !loaded.error ? (
          <p className="text-sm text-stone-500">{t("query.loading")}</p>
        ) : null}
        {loaded.data ? (
          <>
            <section aria-labelledby={`${id}-mine`} className="flex flex-col gap-1">
              <h3 id={`${id}-mine`} className="text-xs font-semibold tracking-wide text-stone-500">
                {t("query.views.mine")}
              </h3>
              {mine.length === 0 ? (
                <p className="text-sm text-stone-500">{t("query.views.noneMine")}</p>
              ) : (
                <ul className="flex flex-col gap-0.5">{mine.map((v) => item(v, close))}</ul>
              )}
            </section>
            {shared.length > 0 ? (
              <section aria-labelledby={`${id}-shared`} className="flex flex-col gap-1">
                <h3 id={`${id}-shared`} className="text-xs font-semibold tracking-wide text-stone-500">
                  {t("query.views.sharedWithMe")}
                </h3>
                <ul className="flex flex-col gap-0.5">{shared.map((v) => item(v, close))}</ul>
              </section>
            ) : null}
          </>
        ) : null}
        <button
          type="button"
          className={`${smallButton} self-start`}
          onClick={() => setMode({ kind: "create" })}
        >
          <span aria-hidden="true">＋</span> {t("query.views.saveAs")}
        </button>
      </div>
    );
  };

  return (
    <Popover
      label={t("query.views.title")}
      onOpen={onOpen}
      button={
        <>
          {t("query.views.title")}
          {activeName ? (
            <span className="max-w-32 truncate text-brand-700">
              {t("query.views.activeName", { name: activeName })}
            </span>
          ) : null}
          <span aria-hidden="true">▾</span>
        </>
      }
    >
      {panel}
    </Popover>
  );
}
