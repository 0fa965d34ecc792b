// Typed errors. Domain code throws these; one place (app/core/http.server.ts) turns them into responses.
export type FieldErrors = Record<string, string>;

export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests";

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly fields: FieldErrors | undefined;
  /** Message key for the UI's i18n plus values; `message` itself is Chinese with English after " / ". */
  constructor(kind: ErrorKind, message: string, fields?: FieldErrors) {
    super(message);
    this.name = "AppError";
    this.kind = kind;
    this.fields = fields;
  }
  get status(): number {
    return STATUS[this.kind];
  }
}

export const invalid = (message: string, fields?: FieldErrors) => new AppError("invalid", message, fields);
export const forbidden = (message = "无权执行此操作 / You are not allowed to do this") =>
  new AppError("forbidden", message);
export const notFound = (message = "未找到 / Not found") => new AppError("not_found", message);
export const conflict = (message: string, fields?: FieldErrors) => new AppError("conflict", message, fields);
export const unauthenticated = (message = "请先登录 / Please sign in") =>
  new AppError("unauthenticated", message);
export const tooManyRequests = (message: string) => new AppError("too_many_requests", message);

export function isAppError(e: unknown): e is AppError {
  return (
    e instanceof Error && (e as AppError).name === "AppError" && typeof (e as AppError).kind === "string"
  );
}
