// GET /api/v1/notice-templates — the built-in templates (emails/templates/) and a table's merge fields.
import { endpoint } from "../../api/endpoint.server.ts";
import { noticeTemplates } from "../../notify/templates.server.ts";

export const loader = endpoint("/notice-templates", {
  GET: ({ services, caller, query }) => noticeTemplates(services, caller, query),
});
export const action = endpoint("/notice-templates", {});
