// GET /api/v1/outbox/{id} — an outbox message's file: .eml for an email, text for SMS and fax.
import { endpoint } from "../../api/endpoint.server.ts";
import { outboxFile } from "../../notify/outbox.server.ts";

export const loader = endpoint("/outbox/{id}", {
  GET: async ({ services, caller, id }) => {
    const file = await outboxFile(services, caller, id);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
export const action = endpoint("/outbox/{id}", {});
