// DELETE /api/v1/tokens/{id} — revoke one of the caller's tokens.
import { endpoint } from "../../api/endpoint.server.ts";
import { revokeToken } from "../../auth/tokens.server.ts";

export const loader = endpoint("/tokens/{id}", {});

export const action = endpoint("/tokens/{id}", {
  DELETE: ({ services, caller, id }) => revokeToken(services, caller, id),
});
