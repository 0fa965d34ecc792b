// The public portal's shell: header with navigation, the page, and the street office's footer.
import { Outlet } from "react-router";
import { PortalFooter } from "../../components/site/PortalFooter.tsx";
import { PortalHeader } from "../../components/site/PortalHeader.tsx";
import { DemoBanner } from "../../components/ui.tsx";
import { getPortalStreet } from "../../portal/overview.server.ts";
import type { Route } from "./+types/layout";

export async function loader({ context }: Route.LoaderArgs) {
  const street = await getPortalStreet(context.services);
  return { street: street?.name ?? null };
}

export default function PortalLayout({ loaderData }: Route.ComponentProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <DemoBanner />
      <PortalHeader street={loaderData.street} />
      <main id="main" className="flex-1">
        <Outlet />
      </main>
      <PortalFooter street={loaderData.street} />
    </div>
  );
}
