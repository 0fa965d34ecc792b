// GET /admin/notices/outbox/:id — one outbox message as a file: an email as .eml (a mail program opens
// it), an SMS or fax as text. The read is logged; errors answer as the other downloads do.
import { notFound } from "../../../core/errors.ts";
import { requireStaff, runApi } from "../../../core/route.server.ts";
import { outboxFile } from "../../../notify/outbox.server.ts";
import type { Route } from "./+types/outbox-file";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return runApi(async () => {
    if (!/^\d{1,15}$/.test(params.id)) throw notFound("发件箱里没有这封消息 / No such message in the outbox");
    const file = await outboxFile(context.services, caller, Number(params.id));
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.name}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
