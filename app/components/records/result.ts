// Helpers of the record pages' actions. (Refusals are tagged with their form by runForm and read with
// failureOf from app/components/formErrors.tsx.)

/** Record ids a form sent as repeated `ids` inputs or one comma-separated list. */
export function idsOf(form: FormData): string[] {
  return form
    .getAll("ids")
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
