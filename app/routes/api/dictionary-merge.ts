// POST /api/v1/dictionaries/{id}/merge — merge a duplicate option into the one kept.
import { dictionaryById } from "../../api/dictionary-id.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { dictionaryOut } from "../../api/presenters-data.ts";
import { mergeOptions } from "../../schema/dictionaries.server.ts";

export const loader = endpoint("/dictionaries/{id}/merge", {});

export const action = endpoint("/dictionaries/{id}/merge", {
  POST: async ({ services, caller, id, body }) => {
    const { key } = await dictionaryById(services, caller, id);
    return dictionaryOut(await mergeOptions(services, caller, key, body));
  },
});
