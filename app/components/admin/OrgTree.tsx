// The org tree as an indented list; the selected node opens its management panel right beneath it.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OrgKind } from "../../../db/types.ts";
import { type OrgOp, OrgPanel } from "./OrgPanel.tsx";
import type { TreeRow } from "./orgTree.ts";

const KIND_STYLE: Record<OrgKind, string> = {
  street: "bg-brand-50 text-brand-700 ring-brand-500/20",
  community: "bg-sky-50 text-sky-700 ring-sky-600/20",
  grid: "bg-stone-100 text-stone-600 ring-stone-500/20",
  enterprise: "bg-violet-50 text-violet-700 ring-violet-600/20",
  merchant: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
};

export function KindBadge({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  return (
    <span
      className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${KIND_STYLE[kind]}`}
    >
      {t(`orgKinds.${kind}`)}
    </span>
  );
}

export function OrgTree(props: {
  rows: TreeRow[];
  selectedId: number | null;
  op: OrgOp;
  scopePath: string;
  canWrite: boolean;
  actionData: unknown;
}) {
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
      {props.rows.map((row) => {
        const selected = row.id === props.selectedId;
        const label = (
          <>
            <span className={`truncate ${row.depth < 2 ? "font-medium" : ""}`}>{row.name}</span>
            <KindBadge kind={row.kind} />
          </>
        );
        const indent = { paddingLeft: `${0.75 + row.depth * 1.5}rem` };
        return (
          <li key={row.id}>
            {props.canWrite ? (
              <Link
                to={selected ? "?" : `?node=${row.id}`}
                preventScrollReset
                aria-expanded={selected}
                style={indent}
                className={`flex items-center gap-2 py-2 pr-3 text-sm ${
                  selected ? "bg-brand-50 text-brand-700" : "hover:bg-stone-50"
                }`}
              >
                {row.depth > 0 ? (
                  <span aria-hidden="true" className="text-stone-300">
                    └
                  </span>
                ) : null}
                {label}
              </Link>
            ) : (
              <div style={indent} className="flex items-center gap-2 py-2 pr-3 text-sm">
                {row.depth > 0 ? (
                  <span aria-hidden="true" className="text-stone-300">
                    └
                  </span>
                ) : null}
                {label}
              </div>
            )}
            {selected && props.canWrite ? (
              <div className="px-2 pb-3 sm:px-4">
                <OrgPanel
                  node={row}
                  op={props.op}
                  rows={props.rows}
                  isScopeRoot={row.path === props.scopePath}
                  actionData={props.actionData}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
