import { type Kysely, type MigrationResult, Migrator } from "kysely";
import type { Database } from "./connection.ts";
import { migrations } from "./migrations/index.ts";

export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
  const db = database.db as unknown as Kysely<unknown>;
  await database.dialect.prepareDatabase(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return results ?? [];
}
