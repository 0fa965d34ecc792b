// GET /api/v1/accounts?q=&role=&status= — accounts in the caller's scope; POST — create one.
import { endpoint } from "../../api/endpoint.server.ts";
import { accountOut } from "../../api/presenters.ts";
import { createAccount, listAccounts } from "../../auth/accounts.server.ts";

export const loader = endpoint("/accounts", {
  GET: async ({ services, caller, query }) => ({
    items: (await listAccounts(services, caller, query)).map(accountOut),
  }),
});

export const action = endpoint("/accounts", {
  POST: async ({ services, caller, body }) => accountOut(await createAccount(services, caller, body)),
});
