// The docs page's content, derived from the OpenAPI document (so the page and the document agree):
// operations grouped by tag, with parameters, schemas as readable outlines, and a curl example.
import { ACTIONS, type Action, can, ROLES, type Role } from "../auth/permissions.ts";
import { type JsonSchema, type OpenApiDocument, openApiDocument } from "./openapi.server.ts";
import { API_BASE } from "./operations.ts";
import { schemaShape } from "./schema-shape.ts";

export interface DocText {
  zh: string;
  en: string;
}

export interface DocParam {
  name: string;
  in: string;
  type: string;
  required: boolean;
  description: DocText | null;
}

export interface DocOperation {
  id: string;
  method: string;
  path: string;
  summary: DocText;
  /** An action of the role matrix, "signed-in" or "public". */
  access: string;
  roles: Role[];
  params: DocParam[];
  request: { required: boolean; shape: string; example: string } | null;
  response: { status: string; description: DocText; contentType: string | null; shape: string | null };
  errors: { status: string; description: DocText }[];
  curl: string;
}

export interface DocsView {
  title: string;
  version: string;
  description: DocText;
  groups: { tag: string; title: DocText; operations: DocOperation[] }[];
  errorShape: string;
  baseUrl: string;
}

const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/** "中文 / English" → both halves (the registry writes every text that way). */
function split(text: unknown): DocText {
  const s = String(text ?? "");
  const at = s.indexOf(" / ");
  return at < 0 ? { zh: s, en: s } : { zh: s.slice(0, at), en: s.slice(at + 3) };
}

function resolve(doc: OpenApiDocument, value: JsonSchema): JsonSchema {
  const ref = value.$ref;
  if (typeof ref !== "string") return value;
  return doc.components.responses[ref.split("/").pop()!] ?? value;
}

function curlFor(baseUrl: string, method: string, path: string, example: unknown, auth: boolean): string {
  const url = `${baseUrl}${path.replace("{id}", "12")}`;
  const lines = [method === "GET" ? `curl ${url}` : `curl -X ${method} ${url}`];
  if (auth) lines.push(`  -H "Authorization: Bearer $LINLI_TOKEN"`);
  if (example !== undefined) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(example)}'`);
  }
  return lines.join(" \\\n");
}

function operationView(doc: OpenApiDocument, baseUrl: string, path: string, method: string, op: JsonSchema) {
  const schemas = doc.components.schemas;
  const access = String(op["x-linli-access"]);
  const responses = op.responses as Record<string, JsonSchema>;
  const [status, success] = Object.entries(responses)[0]!;
  const content = success.content as Record<string, { schema: JsonSchema }> | undefined;
  const [contentType, media] = content ? Object.entries(content)[0]! : [null, null];
  const body = op.requestBody as
    | { required: boolean; content: { "application/json": { schema: JsonSchema; example: unknown } } }
    | undefined;
  const json = body?.content["application/json"];
  const view: DocOperation = {
    id: String(op.operationId),
    method: method.toUpperCase(),
    path: `${API_BASE}${path}`,
    summary: split(op.summary),
    access,
    roles: ROLES.filter((r) => access === "signed-in" || (isAction(access) && can(r, access))),
    params: (op.parameters as JsonSchema[]).map((p) => ({
      name: String(p.name),
      in: String(p.in),
      type: schemaShape(p.schema as JsonSchema, schemas),
      required: Boolean(p.required),
      description: p.description ? split(p.description) : null,
    })),
    request: json
      ? {
          required: body.required,
          shape: schemaShape(json.schema, schemas),
          example: JSON.stringify(json.example, null, 2),
        }
      : null,
    response: {
      status,
      description: split(success.description),
      contentType,
      shape: contentType === "application/json" && media ? schemaShape(media.schema, schemas) : null,
    },
    errors: Object.entries(responses)
      .slice(1)
      .map(([code, r]) => ({ status: code, description: split(resolve(doc, r).description) })),
    curl: curlFor(baseUrl, method.toUpperCase(), path, json?.example, access !== "public"),
  };
  return view;
}

export function docsView(origin: string): DocsView {
  const doc = openApiDocument();
  const baseUrl = `${origin}${doc.servers[0]!.url}`;
  const groups = doc.tags.map((tag) => ({
    tag: tag.name,
    title: split(tag.description),
    operations: [] as DocOperation[],
  }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags as string[])[0];
      groups.find((g) => g.tag === tag)?.operations.push(operationView(doc, baseUrl, path, method, op));
    }
  }
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: split(doc.info.description),
    groups: groups.filter((g) => g.operations.length > 0),
    errorShape: schemaShape(doc.components.schemas.Error!, doc.components.schemas),
    baseUrl,
  };
}
