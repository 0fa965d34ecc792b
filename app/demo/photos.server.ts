// Photos for some of the demo street office's people, so chest badges and record pages show what a real
// office's data looks like. They are plain drawn silhouettes in varied colours — obviously placeholders,
// never anyone's face — stored and attached exactly as an upload would be (a file, a record update).
import sharp from "sharp";
import { loadActorByUsername } from "../auth/actor.server.ts";
import type { Services } from "../core/services.server.ts";
import { storeFile } from "../files/upload.server.ts";
import { updateRecord } from "../people/records/write.server.ts";
import { PERSON_TABLE_KEY } from "../schema/builtin/person-table.ts";
import { loadTable } from "../schema/tables.server.ts";

const VARIANTS = 12;
const drawn = new Map<number, Promise<Buffer>>();

/** One of a dozen silhouettes (drawn once each: the demo's first start stays quick). */
function silhouette(i: number): Promise<Buffer> {
  const variant = i % VARIANTS;
  let image = drawn.get(variant);
  if (!image) {
    image = draw((variant * 360) / VARIANTS);
    drawn.set(variant, image);
  }
  return image;
}

function draw(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="480">
  <rect width="360" height="480" fill="hsl(${hue},40%,86%)"/>
  <circle cx="180" cy="190" r="92" fill="hsl(${hue},22%,52%)"/>
  <rect x="60" y="310" width="240" height="220" rx="110" fill="hsl(${hue},22%,45%)"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** Gives the first `perCommunity` people of each community a photo. */
export async function seedDemoPhotos(services: Services, perCommunity: number): Promise<number> {
  const actor = await loadActorByUsername(services.db, "admin");
  if (!actor) return 0;
  const caller = { actor, ip: null, via: "system" as const };
  const table = await loadTable(services.db, PERSON_TABLE_KEY);
  if (!table.fields.some((f) => f.key === "photo")) return 0;
  const communities = await services.db
    .selectFrom("orgs")
    .select("path")
    .where("kind", "=", "community")
    .execute();
  let made = 0;
  for (const community of communities) {
    const rows = await services.db
      .selectFrom("records")
      .select(["id", "org_path"])
      .where("table_id", "=", table.id)
      .where("deleted_at", "is", null)
      .where("org_path", "like", `${community.path}%`)
      .orderBy("id")
      .limit(perCommunity)
      .execute();
    for (const row of rows) {
      const photo = await storeFile(
        services,
        caller,
        { name: "照片.jpg", data: await silhouette(made) },
        "photo",
        row.org_path,
      );
      await updateRecord(services, caller, Number(row.id), { values: { photo: photo.id } });
      made++;
    }
  }
  return made;
}
