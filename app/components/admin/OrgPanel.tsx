// Managing one org node: add a child, rename, move. One form at a time, chosen by the `op` search param.
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { useFormErrors } from "../formErrors.tsx";
import { Button, CsrfInput, Field, Notice, Select } from "../ui.tsx";
import { CHILD_KINDS, indented, moveTargets, type TreeRow } from "./orgTree.ts";

export type OrgOp = "create" | "rename" | "move";
export type OrgActionResult = { ok: "created" | "renamed" | "moved"; name: string; at: number };

const OPS: { op: OrgOp; label: string }[] = [
  { op: "create", label: "admin.orgs.addChild" },
  { op: "rename", label: "admin.orgs.rename" },
  { op: "move", label: "admin.orgs.move" },
];

const SHOWN: Record<OrgOp, string[]> = {
  create: ["kind", "name", "parentId"],
  rename: ["name"],
  move: ["parentId"],
};

export function OrgPanel(props: {
  node: TreeRow;
  op: OrgOp;
  rows: TreeRow[];
  isScopeRoot: boolean;
  actionData: unknown;
}) {
  const { t } = useTranslation();
  const { node, op } = props;
  const errors = useFormErrors(props.actionData, SHOWN[op]);
  const busy = useNavigation().state === "submitting";
  const done = props.actionData as OrgActionResult | undefined;
  const kindLabel = (k: string) => t(`orgKinds.${k}`);
  const childKinds = CHILD_KINDS[node.kind];
  const targets = moveTargets(props.rows, node);
  const baseDepth = Math.min(...targets.map((r) => r.depth));
  const formKey = `${node.id}-${op}-${done?.at ?? 0}`;
  return (
    <div
      id="org-panel"
      className="flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50/60 p-3 sm:p-4"
    >
      <div role="tablist" aria-label={node.name} className="flex flex-wrap gap-1">
        {OPS.map((o) => (
          <Link
            key={o.op}
            role="tab"
            aria-selected={o.op === op}
            to={`?node=${node.id}&op=${o.op}`}
            preventScrollReset
            replace
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              o.op === op
                ? "bg-white text-brand-700 shadow-sm ring-1 ring-brand-100"
                : "text-stone-600 hover:bg-white/70"
            }`}
          >
            {t(o.label)}
          </Link>
        ))}
      </div>
      {done?.ok ? <Notice kind="success">{t(`admin.orgs.${done.ok}`, { name: done.name })}</Notice> : null}
      {errors.notice}
      {op === "create" ? (
        childKinds.length === 0 ? (
          <p className="text-sm text-stone-600">{t("admin.orgs.noChildKinds")}</p>
        ) : (
          <Form
            key={formKey}
            method="post"
            preventScrollReset
            className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end"
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="parentId" value={node.id} />
            <Select
              label={t("admin.orgs.kind")}
              name="kind"
              options={childKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
              error={errors.field("kind")}
            />
            <Field label={t("admin.orgs.name")} name="name" required error={errors.field("name")} />
            <Button disabled={busy}>{t("admin.orgs.create")}</Button>
          </Form>
        )
      ) : op === "rename" ? (
        <Form
          key={formKey}
          method="post"
          preventScrollReset
          className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end"
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="id" value={node.id} />
          <Field
            label={t("admin.orgs.newName")}
            name="name"
            defaultValue={node.name}
            required
            error={errors.field("name")}
          />
          <Button disabled={busy}>{t("admin.orgs.renameSubmit")}</Button>
        </Form>
      ) : props.isScopeRoot || node.parentId === null ? (
        <p className="text-sm text-stone-600">{t("admin.orgs.cannotMove")}</p>
      ) : targets.length === 0 ? (
        <p className="text-sm text-stone-600">{t("admin.orgs.noTargets")}</p>
      ) : (
        <Form key={formKey} method="post" preventScrollReset className="flex flex-col gap-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="id" value={node.id} />
          <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
            <Select
              label={t("admin.orgs.newParent")}
              name="parentId"
              options={targets.map((r) => ({
                value: String(r.id),
                label: indented(r, kindLabel(r.kind), baseDepth),
              }))}
              error={errors.field("parentId")}
            />
            <Button disabled={busy}>{t("admin.orgs.moveSubmit")}</Button>
          </div>
          <p className="text-xs text-stone-500">{t("admin.orgs.moveNote")}</p>
        </Form>
      )}
    </div>
  );
}
