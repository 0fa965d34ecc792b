// A row of headline numbers (two columns on phones, four on wider screens).
export function StatTiles(props: {
  label: string;
  items: { key: string; label: string; value: number }[];
  tone?: "light" | "onBrand";
}) {
  const onBrand = props.tone === "onBrand";
  return (
    <dl aria-label={props.label} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {props.items.map((item) => (
        <div
          key={item.key}
          className={`flex flex-col-reverse rounded-lg px-4 py-3 ${
            onBrand ? "bg-white/10 text-white ring-1 ring-white/20" : "border border-stone-200 bg-white"
          }`}
        >
          <dt className={`text-sm ${onBrand ? "text-brand-50" : "text-stone-500"}`}>{item.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{item.value.toLocaleString("zh-CN")}</dd>
        </div>
      ))}
    </dl>
  );
}
