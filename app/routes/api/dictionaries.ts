// GET /api/v1/dictionaries — every dictionary with its options; POST — create one.
import { endpoint } from "../../api/endpoint.server.ts";
import { dictionaryOut } from "../../api/presenters-data.ts";
import { createDictionary, listDictionaries } from "../../schema/dictionaries.server.ts";

export const loader = endpoint("/dictionaries", {
  GET: async ({ services, caller }) => ({
    items: (await listDictionaries(services, caller)).map(dictionaryOut),
  }),
});

export const action = endpoint("/dictionaries", {
  POST: async ({ services, caller, body }) => dictionaryOut(await createDictionary(services, caller, body)),
});
