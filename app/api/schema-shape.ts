// Renders a JSON Schema as a readable, JSON-like outline for the docs page, e.g.
//   {
//     "name": string (1–50),
//     "mobile"?: string | null,   // 手机 / Mobile
//   }
// References to components are followed (once per path, so a cycle cannot loop).
export type JsonSchema = { [key: string]: unknown };

const INDENT = "  ";

export function schemaShape(schema: JsonSchema, components: Record<string, JsonSchema>): string {
  return render(schema, components, 0, new Set());
}

function render(s: JsonSchema, defs: Record<string, JsonSchema>, depth: number, seen: Set<string>): string {
  if (typeof s.$ref === "string") {
    const name = s.$ref.split("/").pop()!;
    const target = defs[name];
    if (!target || seen.has(name)) return name;
    return render(target, defs, depth, new Set(seen).add(name));
  }
  const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map((v) => render(v, defs, depth, seen)).join(" | ");
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const type = s.type;
  if (Array.isArray(type)) return type.map((t) => render({ ...s, type: t }, defs, depth, seen)).join(" | ");
  if (type === "object") return renderObject(s, defs, depth, seen);
  if (type === "array") {
    const items = (s.items ?? {}) as JsonSchema;
    return `[ ${render(items, defs, depth, seen)} ]`;
  }
  if (typeof type === "string") return `${type}${bounds(s)}`;
  return "any";
}

function renderObject(s: JsonSchema, defs: Record<string, JsonSchema>, depth: number, seen: Set<string>) {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const pad = INDENT.repeat(depth + 1);
  const lines = Object.entries(props).map(([name, prop]) => ({
    text: `${pad}${JSON.stringify(name)}${required.has(name) ? "" : "?"}: ${render(prop, defs, depth + 1, seen)}`,
    note: typeof prop.description === "string" ? `  // ${prop.description}` : "",
  }));
  const extra = s.additionalProperties;
  if (extra && typeof extra === "object") {
    lines.push({
      text: `${pad}[key: string]: ${render(extra as JsonSchema, defs, depth + 1, seen)}`,
      note: "",
    });
  }
  if (lines.length === 0) return "{}";
  const body = lines.map((l, i) => `${l.text}${i < lines.length - 1 ? "," : ""}${l.note}`);
  return `{\n${body.join("\n")}\n${INDENT.repeat(depth)}}`;
}

/** A short hint of the limits: (1–50), (≥ 1), date, default … */
function bounds(s: JsonSchema): string {
  const hints: string[] = [];
  const lo = s.minLength ?? s.minimum;
  const hi = s.maxLength ?? s.maximum;
  if (lo !== undefined && hi !== undefined) hints.push(`${lo}–${hi}`);
  else if (lo !== undefined) hints.push(`≥ ${lo}`);
  else if (hi !== undefined) hints.push(`≤ ${hi}`);
  if (s.exclusiveMinimum !== undefined) hints.push(`> ${s.exclusiveMinimum}`);
  if (typeof s.format === "string") hints.push(s.format);
  if (typeof s.pattern === "string") hints.push(`/${s.pattern}/`);
  if (s.default !== undefined) hints.push(`default ${JSON.stringify(s.default)}`);
  return hints.length ? ` (${hints.join(", ")})` : "";
}
