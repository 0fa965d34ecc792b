// GET /api/v1/me/profile — the caller's own record as a resident sees it, with their proposals.
import { endpoint } from "../../api/endpoint.server.ts";
import { profileOut } from "../../api/presenters-selfservice.ts";
import { getOwnProfile } from "../../selfservice/profile.server.ts";

export const loader = endpoint("/me/profile", {
  GET: async ({ services, caller }) => profileOut(await getOwnProfile(services, caller)),
});
export const action = endpoint("/me/profile", {});
