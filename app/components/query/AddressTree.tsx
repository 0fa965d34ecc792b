// The address tree of one address field: 小区, then 楼 within a 小区, then 单元 within a 楼, each with its
// count under the current query. Levels are counted when opened (facets of `<key>$estate` and so on).
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ViewQuery } from "../../query/view.ts";
import { useQueryApi } from "./api.ts";
import { ErrorNote } from "./parts.tsx";
import {
  ADDRESS_LEVELS,
  type AddressFilter,
  type AddressNode,
  addressFilter,
  addressNodeAt,
  addressPath,
  levelNodes,
  levelRequest,
  withChildren,
} from "./tree.ts";
import { useLoad } from "./useLoad.ts";

const SEP = "\u0001";
const nodeButton =
  "min-h-9 flex-1 truncate rounded px-2 text-left text-sm hover:bg-stone-100 aria-pressed:bg-brand-50 aria-pressed:font-medium aria-pressed:text-brand-700";

export function AddressTree(props: {
  tableKey: string;
  field: string;
  query: ViewQuery;
  value?: AddressFilter;
  onChange: (address?: AddressFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useQueryApi(props.tableKey);
  const selected = addressPath(props.value, props.field);
  const root = levelRequest(props.query, props.field, [])!;
  const rootKey = JSON.stringify(root);
  const loaded = useLoad(rootKey, (signal) => api.facets(root.query, root.fields, signal));

  const [tree, setTree] = useState<AddressNode[]>([]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<unknown>(null);
  // Answers for a tree built under an older query are dropped.
  const generation = useRef(0);

  const loadBelow = useCallback(
    async (at: string[], base: AddressNode[]) => {
      const request = levelRequest(props.query, props.field, at);
      if (!request || addressNodeAt(base, at)?.children) return;
      const mine = generation.current;
      const k = at.join(SEP);
      setBusy((b) => new Set(b).add(k));
      try {
        const [facet] = await api.facets(request.query, request.fields);
        if (mine !== generation.current) return;
        setTree((now) => withChildren(now, at, levelNodes(facet)));
        setProblem(null);
      } catch (e) {
        if (mine === generation.current) setProblem(e);
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(k);
          return next;
        });
      }
    },
    [api, props.query, props.field],
  );

  const treeRef = useRef(tree);
  treeRef.current = tree;
  const loadRef = useRef(loadBelow);
  loadRef.current = loadBelow;
  const trailKey = selected.slice(0, -1).join(SEP);
  const trailRef = useRef(trailKey);
  trailRef.current = trailKey;

  /** Open the branches leading to the selection, counting each level not counted yet. */
  const openTrail = useCallback(async (key: string, base: AddressNode[]) => {
    const steps = key ? key.split(SEP) : [];
    const paths = steps.map((_, i) => steps.slice(0, i + 1));
    setOpen((now) => new Set([...now, ...paths.map((p) => p.join(SEP))]));
    for (const [i, p] of paths.entries()) await loadRef.current(p, i === 0 ? base : treeRef.current);
  }, []);

  // A new query: the top level again, with only the branches to the selection open.
  useEffect(() => {
    if (!loaded.data) return;
    generation.current += 1;
    const top = levelNodes(loaded.data[0]);
    treeRef.current = top;
    setTree(top);
    setOpen(new Set());
    void openTrail(trailRef.current, top);
  }, [loaded.data, openTrail]);

  // A selection made elsewhere (a saved view): its branches opened too.
  useEffect(() => {
    if (trailKey && treeRef.current.length > 0) void openTrail(trailKey, treeRef.current);
  }, [trailKey, openTrail]);

  const toggle = (at: string[]) => {
    const k = at.join(SEP);
    const opening = !open.has(k);
    setOpen((now) => {
      const next = new Set(now);
      if (opening) next.add(k);
      else next.delete(k);
      return next;
    });
    if (opening) void loadBelow(at, tree);
  };

  const list = (nodes: AddressNode[], at: string[]) => (
    <ul className={at.length > 0 ? "ml-4 border-l border-stone-200 pl-1" : ""}>
      {nodes.map((node) => {
        const path = [...at, node.value];
        const k = path.join(SEP);
        const expandable = path.length < ADDRESS_LEVELS.length;
        const expanded = open.has(k);
        const isSelected = selected.join(SEP) === k;
        return (
          <li key={k}>
            <div className="flex items-center gap-0.5">
              {expandable ? (
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-label={t(expanded ? "query.tree.collapse" : "query.tree.expand", { name: node.value })}
                  onClick={() => toggle(path)}
                  className="flex size-9 shrink-0 items-center justify-center rounded text-stone-500 hover:bg-stone-100"
                >
                  <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
                </button>
              ) : (
                <span className="size-9 shrink-0" aria-hidden="true" />
              )}
              <button
                type="button"
                aria-pressed={isSelected}
                onClick={() => props.onChange(isSelected ? undefined : addressFilter(props.field, path))}
                className={`${nodeButton} flex items-center justify-between gap-2`}
              >
                <span className="truncate">{node.value}</span>
                <span className="tabular-nums text-xs text-stone-500">
                  {node.count.toLocaleString(i18n.language)}
                </span>
              </button>
            </div>
            {expanded ? (
              busy.has(k) && !node.children ? (
                <p className="ml-12 text-xs text-stone-500">{t("query.loading")}</p>
              ) : node.children && node.children.length === 0 ? (
                <p className="ml-12 text-xs text-stone-500">
                  {t("query.tree.noLevel", { level: t(`query.tree.levels.${ADDRESS_LEVELS[path.length]}`) })}
                </p>
              ) : node.children ? (
                list(node.children, path)
              ) : null
            ) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="flex flex-col" aria-busy={loaded.loading || busy.size > 0 || undefined}>
      <button
        type="button"
        aria-pressed={selected.length === 0}
        onClick={() => props.onChange(undefined)}
        className={`${nodeButton} ml-9`}
      >
        {t("query.tree.allAddresses")}
      </button>
      {loaded.error || problem ? <ErrorNote error={loaded.error ?? problem} /> : null}
      {tree.length === 0 ? (
        <p className="ml-9 px-2 text-sm text-stone-500">
          {loaded.loading || !loaded.data ? t("query.loading") : t("query.tree.noEstates")}
        </p>
      ) : (
        list(tree, [])
      )}
    </div>
  );
}
