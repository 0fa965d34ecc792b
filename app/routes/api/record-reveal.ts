// POST /api/v1/records/{id}/reveal — the full text of one masked value; every reveal is in the system log.
// A POST, not a GET: it is an act that is logged, and the value must not end up in a URL or a cache.
import { endpoint } from "../../api/endpoint.server.ts";
import { revealBodySchema } from "../../api/operations-records.ts";
import { parseInput } from "../../core/validate.ts";
import { revealValue } from "../../people/records/read.server.ts";

export const loader = endpoint("/records/{id}/reveal", {});

export const action = endpoint("/records/{id}/reveal", {
  POST: ({ services, caller, id, body }) =>
    revealValue(services, caller, id, parseInput(revealBodySchema, body).field),
});
