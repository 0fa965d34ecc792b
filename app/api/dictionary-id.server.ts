// The API names dictionaries by numeric id (like every other resource) while the domain works by key:
// this finds the key. It goes through listDictionaries, so the caller needs schema.read before learning
// whether an id exists, and an unknown id is a 404 like any other.
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { listDictionaries, type StoredDictionary } from "../schema/dictionaries.server.ts";

export async function dictionaryById(
  services: Services,
  caller: Caller,
  id: number,
): Promise<StoredDictionary> {
  const found = (await listDictionaries(services, caller)).find((d) => d.id === id);
  if (!found) throw notFound("没有这个字典 / No such dictionary");
  return found;
}
