// GET /api/v1/audit?event=&actor=&from=&to=&page= — search the system log (auditors).
import { endpoint } from "../../api/endpoint.server.ts";
import { auditEntryOut } from "../../api/presenters.ts";
import { searchAudit } from "../../audit/query.server.ts";

export const loader = endpoint("/audit", {
  GET: async ({ services, caller, query }) => {
    const { entries, total, page, pageSize } = await searchAudit(services, caller, query);
    return { items: entries.map(auditEntryOut), total, page, pageSize };
  },
});

export const action = endpoint("/audit", {});
