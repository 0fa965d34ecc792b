// GET /admin/files/:id — an uploaded file (its thumbnail with ?thumb=1), for staff whose scope holds it.
import { requireStaff, runApi } from "../../../core/route.server.ts";
import { readFile } from "../../../files/read.server.ts";
import { fileResponse } from "../../../files/respond.server.ts";
import type { Route } from "./+types/download";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const thumb = new URL(request.url).searchParams.get("thumb") === "1";
  return runApi(async () =>
    fileResponse(await readFile(context.services, caller, params.id, thumb ? "thumb" : "original"), request),
  );
}
