// GET /api/v1/accounts/{id} — one account; PATCH — name, mobile, role, scope, status.
import { endpoint } from "../../api/endpoint.server.ts";
import { accountOut } from "../../api/presenters.ts";
import { getAccount, updateAccount } from "../../auth/accounts.server.ts";

export const loader = endpoint("/accounts/{id}", {
  GET: async ({ services, caller, id }) => accountOut(await getAccount(services, caller, id)),
});

export const action = endpoint("/accounts/{id}", {
  PATCH: async ({ services, caller, id, body }) =>
    accountOut(await updateAccount(services, caller, id, body)),
});
