// GET /api/v1/tokens — the caller's own API tokens; POST — create one (the secret is returned once).
import { endpoint } from "../../api/endpoint.server.ts";
import { tokenOut } from "../../api/presenters.ts";
import { createToken, listTokens } from "../../auth/tokens.server.ts";

export const loader = endpoint("/tokens", {
  GET: async ({ services, caller }) => ({ items: (await listTokens(services, caller)).map(tokenOut) }),
});

export const action = endpoint("/tokens", {
  POST: ({ services, caller, body }) => createToken(services, caller, body),
});
