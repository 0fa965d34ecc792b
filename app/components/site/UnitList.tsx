// Enterprises and merchants as a list: name, a kind badge, and (on the portal) the community.
import { useTranslation } from "react-i18next";

export interface UnitItem {
  id: number;
  name: string;
  kind: "enterprise" | "merchant";
  community?: string;
}

const BADGE = {
  enterprise: "bg-sky-50 text-sky-800 ring-sky-200",
  merchant: "bg-emerald-50 text-emerald-800 ring-emerald-200",
};

export function UnitList(props: { units: UnitItem[]; communityLabel?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white">
      {props.units.map((unit) => (
        <li key={unit.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          <span className="min-w-0 flex-1 basis-48 font-medium break-words">{unit.name}</span>
          <span
            className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[unit.kind]}`}
          >
            {t(`orgKinds.${unit.kind}`)}
          </span>
          {unit.community ? (
            <span className="w-full text-sm text-stone-500 sm:w-40 sm:text-right">
              {props.communityLabel ? <span className="sr-only">{props.communityLabel}：</span> : null}
              {unit.community}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
