// A write transaction whose checks ran before it: when another writer raced past the same check, the
// database's unique constraint decides, and the loser gets a 409 with `message` instead of a 500.
import type { Transaction } from "kysely";
import { isUniqueViolation } from "../../db/dialect.ts";
import type { DB } from "../../db/types.ts";
import { conflict } from "./errors.ts";
import type { Services } from "./services.server.ts";

export async function uniqueTransaction<T>(
  services: Services,
  message: string,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  try {
    return await services.db.transaction().execute(fn);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}
