// /admin/data/:table/import — the import wizard (SPEC §A4). The page sends the table's fields and the
// places in scope; the wizard then talks to the JSON API (upload, poll the job, check again, commit).
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { buttonLink, PageHeader } from "../../../components/admin/Page.tsx";
import { ImportWizard } from "../../../components/transfer/ImportWizard.tsx";
import { loadImportPage } from "../../../components/transfer/load.server.ts";
import { requireStaff, run } from "../../../core/route.server.ts";
import { transferEn } from "../../../i18n/transfer/en.ts";
import { transferZh } from "../../../i18n/transfer/zh-CN.ts";
import type { RootData } from "../../../root.tsx";
import type { Route } from "./+types/import";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const job = new URL(request.url).searchParams.get("job");
  return run(() => loadImportPage(context.services, caller, params.table, job));
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  const root = matches.find((m) => m?.id === "root")?.loaderData as RootData | undefined;
  const en = root?.lang === "en";
  const title = (en ? transferEn : transferZh).title;
  return [{ title: [loaderData?.table.name, title, en ? "Linli" : "邻里"].filter(Boolean).join(" · ") }];
}

export default function ImportPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { table } = loaderData;
  return (
    <>
      <PageHeader
        title={t("transfer.titleOf", { table: table.name })}
        description={t("transfer.intro")}
        actions={
          <Link to={`/admin/data/${table.key}`} className={buttonLink.secondary}>
            {t("transfer.back")}
          </Link>
        }
      />
      <ImportWizard {...loaderData} />
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
