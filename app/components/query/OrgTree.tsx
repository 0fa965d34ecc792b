// The org tree of the reader's scope (社区 → 网格): pick a node to see its records and those below it.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TreeRow } from "../admin/orgTree.ts";
import { type OrgTreeNode, orgTrail, orgTree } from "./tree.ts";

const nodeButton =
  "min-h-9 flex-1 truncate rounded px-2 text-left text-sm hover:bg-stone-100 aria-pressed:bg-brand-50 aria-pressed:font-medium aria-pressed:text-brand-700";

export function OrgTree(props: { places: TreeRow[]; value?: number; onChange: (orgId?: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<number>>(() => new Set(orgTrail(props.places, props.value)));
  const toggle = (id: number) =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const item = (node: OrgTreeNode) => {
    const { row } = node;
    const expanded = open.has(row.id);
    return (
      <li key={row.id}>
        <div className="flex items-center gap-0.5">
          {node.children.length > 0 ? (
            <button
              type="button"
              aria-expanded={expanded}
              aria-label={t(expanded ? "query.tree.collapse" : "query.tree.expand", { name: row.name })}
              onClick={() => toggle(row.id)}
              className="flex size-9 shrink-0 items-center justify-center rounded text-stone-500 hover:bg-stone-100"
            >
              <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
            </button>
          ) : (
            <span className="size-9 shrink-0" aria-hidden="true" />
          )}
          <button
            type="button"
            aria-pressed={props.value === row.id}
            onClick={() => props.onChange(props.value === row.id ? undefined : row.id)}
            className={nodeButton}
          >
            {row.name}
            {/* 丰盛社区 says it is a community already; 第一网格 that it is a grid. */}
            {row.name.endsWith(t(`orgKinds.${row.kind}`)) ? null : (
              <span className="ml-1 text-xs text-stone-400">{t(`orgKinds.${row.kind}`)}</span>
            )}
          </button>
        </div>
        {expanded && node.children.length > 0 ? (
          <ul className="ml-4 border-l border-stone-200 pl-1">{node.children.map(item)}</ul>
        ) : null}
      </li>
    );
  };

  return (
    <div className="flex flex-col">
      <button
        type="button"
        aria-pressed={props.value === undefined}
        onClick={() => props.onChange(undefined)}
        className={`${nodeButton} ml-9`}
      >
        {t("query.tree.allPlaces")}
      </button>
      {props.places.length === 0 ? (
        <p className="ml-9 px-2 text-sm text-stone-500">{t("query.tree.noPlaces")}</p>
      ) : (
        <ul aria-label={t("query.tree.org")}>{orgTree(props.places).map(item)}</ul>
      )}
    </div>
  );
}
