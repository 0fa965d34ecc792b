// Form fields shared by "new account" and "edit account": name, mobile, and a role with the org levels it fits.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, SCOPE_KINDS } from "../../auth/permissions.ts";
import { Field, Select } from "../ui.tsx";
import { flattenTree, indented, type OrgRow } from "./orgTree.ts";

type FieldError = (name: string) => string | undefined;

export function PersonFields(props: { displayName?: string; mobile?: string | null; error: FieldError }) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t("admin.accounts.displayName")}
        name="displayName"
        defaultValue={props.displayName}
        required
        autoComplete="off"
        error={props.error("displayName")}
      />
      <Field
        label={t("admin.accounts.mobile")}
        name="mobile"
        type="tel"
        inputMode="tel"
        defaultValue={props.mobile ?? ""}
        autoComplete="off"
        hint={t("admin.accountForm.mobileHint")}
        error={props.error("mobile")}
      />
    </>
  );
}

/** Role and org; once the page runs JS, the org list narrows to the levels the chosen role may sit at. */
export function RoleOrgFields(props: {
  roles: readonly Role[];
  orgs: readonly OrgRow[];
  role: Role;
  orgId?: number;
  error: FieldError;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(props.role);
  const fitting = flattenTree(props.orgs).filter((o) =>
    (SCOPE_KINDS[role] as readonly string[]).includes(o.kind),
  );
  const baseDepth = Math.min(...fitting.map((o) => o.depth));
  const orgDefault = fitting.some((o) => o.id === props.orgId) ? String(props.orgId) : undefined;
  return (
    <fieldset
      className="contents"
      onChange={(e) => {
        const el = e.target as unknown as { name?: string; value: string };
        if (el.name === "role") setRole(el.value as Role);
      }}
    >
      <Select
        label={t("admin.accounts.role")}
        name="role"
        required
        defaultValue={props.role}
        options={props.roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={props.error("role")}
      />
      <div className="flex flex-col gap-1">
        <Select
          key={role}
          label={t("admin.accounts.org")}
          name="orgId"
          required
          defaultValue={orgDefault}
          options={fitting.map((o) => ({
            value: String(o.id),
            label: indented(o, t(`orgKinds.${o.kind}`), baseDepth),
          }))}
          error={props.error("orgId")}
        />
        {props.error("orgId") ? null : (
          <p className="text-xs text-stone-500">{t("admin.accountForm.orgHint")}</p>
        )}
      </div>
    </fieldset>
  );
}
