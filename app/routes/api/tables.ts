// GET /api/v1/tables — every table of the community database; POST — create a main table or sub-table.
import { endpoint } from "../../api/endpoint.server.ts";
import { tableOut, tableSummaryOut } from "../../api/presenters-data.ts";
import { createTable, listTables } from "../../schema/edit-tables.server.ts";

export const loader = endpoint("/tables", {
  GET: async ({ services, caller }) => ({
    items: (await listTables(services, caller)).map(tableSummaryOut),
  }),
});

export const action = endpoint("/tables", {
  POST: async ({ services, caller, body }) => tableOut(await createTable(services, caller, body)),
});
