// POST /api/v1/accounts/{id}/reset-password — set (or generate) a new password; it is returned once.
import { endpoint } from "../../api/endpoint.server.ts";
import { resetPasswordBodySchema } from "../../api/operations.ts";
import { resetPassword } from "../../auth/accounts.server.ts";
import { parseInput } from "../../core/validate.ts";

export const loader = endpoint("/accounts/{id}/reset-password", {});

export const action = endpoint("/accounts/{id}/reset-password", {
  POST: ({ services, caller, id, body }) =>
    resetPassword(services, caller, id, parseInput(resetPasswordBodySchema, body).password),
});
