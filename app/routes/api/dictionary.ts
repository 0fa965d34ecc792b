// GET /api/v1/dictionaries/{id} — one dictionary with its options.
import { dictionaryById } from "../../api/dictionary-id.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { dictionaryOut } from "../../api/presenters-data.ts";

export const loader = endpoint("/dictionaries/{id}", {
  GET: async ({ services, caller, id }) => dictionaryOut(await dictionaryById(services, caller, id)),
});

export const action = endpoint("/dictionaries/{id}", {});
