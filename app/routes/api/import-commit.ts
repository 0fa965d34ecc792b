// POST /api/v1/imports/{id}/commit — write a checked file: valid rows only, or all or nothing.
import { endpoint } from "../../api/endpoint.server.ts";
import { commitImportBodySchema } from "../../api/operations-transfer.ts";
import { jobOut } from "../../api/presenters-transfer.ts";
import { parseInput } from "../../core/validate.ts";
import { commitImport } from "../../transfer/import-jobs.server.ts";

export const loader = endpoint("/imports/{id}/commit", {});

export const action = endpoint("/imports/{id}/commit", {
  POST: async ({ services, caller, id, body }) =>
    jobOut(await commitImport(services, caller, id, parseInput(commitImportBodySchema, body))),
});
