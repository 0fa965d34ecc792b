// POST /api/v1/dictionaries/{id}/options — add an option; PATCH — rename or recolour the option whose
// code the body names (a path carries one id). Both answer with the whole dictionary.
import { dictionaryById } from "../../api/dictionary-id.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { updateOptionBodySchema } from "../../api/operations-schema.ts";
import { dictionaryOut } from "../../api/presenters-data.ts";
import { parseInput } from "../../core/validate.ts";
import { addOption, updateOption } from "../../schema/dictionaries.server.ts";

export const loader = endpoint("/dictionaries/{id}/options", {});

export const action = endpoint("/dictionaries/{id}/options", {
  POST: async ({ services, caller, id, body }) => {
    const { key } = await dictionaryById(services, caller, id);
    return dictionaryOut(await addOption(services, caller, key, body));
  },
  PATCH: async ({ services, caller, id, body }) => {
    const { code, ...change } = parseInput(updateOptionBodySchema, body);
    const { key } = await dictionaryById(services, caller, id);
    return dictionaryOut(await updateOption(services, caller, key, code, change));
  },
});
