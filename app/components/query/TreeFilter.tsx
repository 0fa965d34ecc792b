// 层级筛选: the org tree (街道 → 社区 → 网格) editing `orgId`, and the address tree (小区 → 楼 → 单元) of an
// address field editing `address`. Both combine with every other filter.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ViewQuery } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { AddressTree } from "./AddressTree.tsx";
import { OrgTree } from "./OrgTree.tsx";
import { border, control } from "./parts.tsx";
import type { AddressFilter } from "./tree.ts";

export interface TreeSelection {
  orgId?: number;
  address?: AddressFilter;
}

export interface TreeFilterProps {
  table: GridTable;
  /** The grid's current query (the address counts are under it). */
  query: ViewQuery;
  value: TreeSelection;
  onChange: (next: TreeSelection) => void;
}

export function TreeFilter(props: TreeFilterProps) {
  const { t } = useTranslation();
  const id = useId();
  const { table, value } = props;
  const addressFields = table.fields.filter((f) => table.addressFields.includes(f.key));
  const [picked, setPicked] = useState(value.address?.field ?? addressFields[0]?.key);
  const field = addressFields.find((f) => f.key === (value.address?.field ?? picked)) ?? addressFields[0];
  const set = (patch: TreeSelection) => {
    const next = { ...value, ...patch };
    props.onChange({
      ...(next.orgId !== undefined ? { orgId: next.orgId } : {}),
      ...(next.address ? { address: next.address } : {}),
    });
  };
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <section aria-labelledby={`${id}-org`} className="flex flex-col gap-1">
        <h3 id={`${id}-org`} className="text-sm font-semibold text-stone-800">
          {t("query.tree.org")}
        </h3>
        <OrgTree places={table.places} value={value.orgId} onChange={(orgId) => set({ orgId })} />
      </section>
      {field ? (
        <section aria-labelledby={`${id}-address`} className="flex flex-col gap-1">
          <h3 id={`${id}-address`} className="text-sm font-semibold text-stone-800">
            {t("query.tree.address")}
          </h3>
          {addressFields.length > 1 ? (
            <select
              aria-label={t("query.tree.addressField")}
              className={`${control} ${border()}`}
              value={field.key}
              onChange={(e) => {
                setPicked(e.target.value);
                set({ address: undefined });
              }}
            >
              {addressFields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
          ) : null}
          <AddressTree
            tableKey={table.key}
            field={field.key}
            query={props.query}
            value={value.address}
            onChange={(address) => set({ address })}
          />
        </section>
      ) : null}
    </div>
  );
}
