// Builds the OpenAPI 3.1 document from the operation registry with zod 4's own JSON Schema output:
// request schemas as the client sends them (io: "input"), responses as the server sends them ("output").
// Named schemas (zod `.meta({ id })`) are hoisted into components.schemas.
import { z } from "zod";
import { can, ROLES } from "../auth/permissions.ts";
import { SESSION_COOKIE } from "../auth/sessions.server.ts";
import { TOKEN_PREFIX } from "../auth/tokens.server.ts";
import { API_BASE, type ApiOperation, type ErrorStatus, OPERATIONS, TAGS, type Text } from "./operations.ts";
import { errorSchema } from "./presenters.ts";

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

const both = (t: Text) => `${t.zh} / ${t.en}`;

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; text: Text }> = {
  400: { name: "BadRequest", text: { zh: "输入有误（见 fields）", en: "Invalid input (see fields)" } },
  401: {
    name: "Unauthenticated",
    text: { zh: "未登录或令牌无效", en: "Not signed in, or the token is invalid" },
  },
  403: {
    name: "Forbidden",
    text: { zh: "无权执行，或超出管理范围", en: "Not allowed, or outside your scope" },
  },
  404: { name: "NotFound", text: { zh: "不存在", en: "Not found" } },
  409: { name: "Conflict", text: { zh: "与现有数据冲突", en: "Conflicts with existing data" } },
};

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** zod → JSON Schema, without the noise of JavaScript's safe-integer bounds and long date regexes. */
function toJsonSchema(schema: z.ZodType, io: "input" | "output", defs: Record<string, JsonSchema>) {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ jsonSchema: s }) => {
      if (s.minimum === -SAFE_MAX) delete s.minimum;
      if (s.maximum === SAFE_MAX) delete s.maximum;
      if (s.format && s.pattern) delete s.pattern;
    },
  }) as JsonSchema;
  const { $schema: _, $defs, ...rest } = out;
  const hoisted = relink(rest) as JsonSchema;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    defs[name] = relink(def) as JsonSchema;
  }
  return hoisted;
}

/** Points zod's local `#/$defs/X` references at `#/components/schemas/X`. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : relink(v),
    ]),
  );
}

function rolesWith(op: ApiOperation): string {
  if (op.access === "public") return "无需登录 / No sign-in needed";
  if (op.access === "signed-in") return "任何已登录账号 / Any signed-in account";
  const access = op.access;
  const roles = ROLES.filter((r) => can(r, access));
  return `需要权限 / Requires \`${access}\` (${roles.join(", ")})`;
}

function parameters(op: ApiOperation, defs: Record<string, JsonSchema>): JsonSchema[] {
  const params: JsonSchema[] = [];
  if (op.path.includes("{id}")) {
    params.push({
      name: "id",
      in: "path",
      required: true,
      description: "编号（正整数） / Id (a positive integer)",
      schema: { type: "integer", minimum: 1 },
    });
  }
  if (op.query) {
    const schema = toJsonSchema(op.query, "input", defs);
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      const help = op.queryHelp?.[name];
      params.push({
        name,
        in: "query",
        required: required.has(name),
        ...(help ? { description: both(help) } : {}),
        schema: prop,
      });
    }
  }
  return params;
}

function pathItem(op: ApiOperation, defs: Record<string, JsonSchema>): JsonSchema {
  const { success } = op;
  const content = success.contentType ?? "application/json";
  const file = content !== "application/json" && content !== "text/html";
  const responses: Record<string, JsonSchema> = {
    [success.status]: {
      description: both(success.description),
      ...(success.status === 204
        ? {}
        : {
            content: {
              [content]: {
                schema: success.schema
                  ? toJsonSchema(success.schema, "output", defs)
                  : file
                    ? { type: "string", format: "binary" }
                    : {},
              },
            },
          }),
    },
  };
  for (const status of op.errors) {
    responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  }
  const unsafe = op.method !== "GET";
  const item: JsonSchema = {
    operationId: op.operationId,
    tags: [op.tag],
    summary: both(op.summary),
    description: rolesWith(op),
    "x-linli-access": op.access,
    security:
      op.access === "public"
        ? []
        : [{ bearerToken: [] }, unsafe ? { sessionCookie: [], csrfHeader: [] } : { sessionCookie: [] }],
    parameters: parameters(op, defs),
    responses,
  };
  if (op.body) {
    item.requestBody = {
      required: op.body.required,
      content: {
        "application/json": {
          schema: toJsonSchema(op.body.schema, "input", defs),
          example: op.body.example,
        },
      },
    };
  }
  if (op.upload) {
    // The file itself is the body (streamed to disk, never buffered as JSON or multipart).
    item.requestBody = {
      required: true,
      description: both(op.upload),
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
    };
  }
  return item;
}

function build(): OpenApiDocument {
  const defs: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = pathItem(op, defs);
  }
  const errorRef = toJsonSchema(errorSchema, "output", defs);
  const responses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, text }) => [
      name,
      { description: both(text), content: { "application/json": { schema: errorRef } } },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Linli 邻里 API",
      version: "1",
      description:
        "邻里社区综合服务平台的 JSON 接口。与管理后台使用相同的业务逻辑、权限和管理范围；每次修改都记入系统日志。" +
        " / The JSON API of the Linli platform: the same domain logic, permissions and scopes as the staff" +
        " console; every change is written to the system log.",
    },
    servers: [{ url: API_BASE }],
    tags: Object.entries(TAGS).map(([name, text]) => ({ name, description: both(text) })),
    paths,
    components: {
      schemas: defs,
      responses,
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: `${TOKEN_PREFIX}…`,
          description:
            "个人 API 令牌（管理后台 → API 令牌），请求头 Authorization: Bearer lnl_… / " +
            "Personal API token (console → API tokens), sent as Authorization: Bearer lnl_…",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "浏览器登录会话 / The browser's sign-in session",
        },
        csrfHeader: {
          type: "apiKey",
          in: "header",
          name: "X-CSRF-Token",
          description:
            "使用会话 Cookie 时，POST/PATCH/DELETE 须带上页面中的 CSRF 令牌 / With the session cookie, " +
            "POST/PATCH/DELETE must echo the page's CSRF token",
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document; built once per process (it depends on code only). */
export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
