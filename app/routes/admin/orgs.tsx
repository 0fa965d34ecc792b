// Org tree of the caller's scope: 街道 → 社区 → 网格 (+ enterprises, merchants); add, rename, move.
import { useTranslation } from "react-i18next";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import type { OrgActionResult, OrgOp } from "../../components/admin/OrgPanel.tsx";
import { OrgTree } from "../../components/admin/OrgTree.tsx";
import { flattenTree } from "../../components/admin/orgTree.ts";
import { EmptyState, PageHeader } from "../../components/admin/Page.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { invalid } from "../../core/errors.ts";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import { formToObject } from "../../core/validate.ts";
import { createOrg, listOrgs, updateOrg } from "../../org/tree.server.ts";
import type { Route } from "./+types/orgs";

const OPS: readonly OrgOp[] = ["create", "rename", "move"];

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const nodes = await run(() => listOrgs(context.services, caller));
  const params = new URL(request.url).searchParams;
  const op = params.get("op");
  return {
    nodes,
    selectedId: Number(params.get("node")) || null,
    op: (OPS as readonly string[]).includes(op ?? "") ? (op as OrgOp) : "create",
    scopePath: caller.actor.orgPath,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { intent, id, ...fields } = formToObject(await request.formData());
  const { services } = context;
  return runForm(async (): Promise<OrgActionResult> => {
    const at = Date.now();
    if (intent === "create") {
      const node = await createOrg(services, caller, fields);
      return { ok: "created", name: node.name, at };
    }
    if (intent === "rename") {
      const node = await updateOrg(services, caller, Number(id), { name: fields.name });
      return { ok: "renamed", name: node.name, at };
    }
    if (intent === "move") {
      const node = await updateOrg(services, caller, Number(id), { parentId: fields.parentId });
      return { ok: "moved", name: node.name, at };
    }
    throw invalid("未知操作 / Unknown operation");
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "orgs");
}

export default function Orgs({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canWrite = useRoot().user?.actions.includes("org.write") ?? false;
  const rows = flattenTree(loaderData.nodes);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("admin.titles.orgs")}
        description={canWrite ? t("admin.orgs.intro") : t("admin.orgs.introReadOnly")}
      />
      {rows.length === 0 ? (
        <EmptyState>{t("admin.orgs.empty")}</EmptyState>
      ) : (
        <OrgTree
          rows={rows}
          selectedId={loaderData.selectedId}
          op={loaderData.op}
          scopePath={loaderData.scopePath}
          canWrite={canWrite}
          actionData={actionData}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
