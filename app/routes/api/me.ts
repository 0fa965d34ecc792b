// GET /api/v1/me — the caller and what they may do.
import { endpoint } from "../../api/endpoint.server.ts";
import { meOut } from "../../api/presenters.ts";

export const loader = endpoint("/me", { GET: ({ caller }) => meOut(caller) });
export const action = endpoint("/me", {});
