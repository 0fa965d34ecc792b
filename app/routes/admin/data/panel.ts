// GET /admin/records/:id/panel — one record for the grid's side panel, as JSON, with the page's session.
import { recordPanel } from "../../../components/grid/panel.server.ts";
import { requireStaff, runApi } from "../../../core/route.server.ts";
import type { Route } from "./+types/panel";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return runApi(() => recordPanel(context.services, caller, Number(params.id)));
}
