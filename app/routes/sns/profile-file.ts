// GET /sns/profile/files/:id — a picture of the resident's own record or proposals (?thumb=1: its thumbnail).
import { requireCaller, runApi } from "../../core/route.server.ts";
import { fileResponse } from "../../files/respond.server.ts";
import { readOwnFile } from "../../selfservice/files.server.ts";
import type { Route } from "./+types/profile-file";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = requireCaller(context, request);
  const thumb = new URL(request.url).searchParams.get("thumb") === "1";
  return runApi(async () =>
    fileResponse(
      await readOwnFile(context.services, caller, params.id, thumb ? "thumb" : "original"),
      request,
    ),
  );
}
