// 收件人分组 and 退订名单: the named lists of people staff keep for notices (made in the grid from a
// selection), with their size and 删除; then who asked not to get a channel's notices — by the link in a
// message or recorded here by staff (登记退订) — shown masked.
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { cell, DataTable, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { Input, SelectBox, subtleLink } from "../../../components/channels/controls.tsx";
import { formatMinute } from "../../../components/format.ts";
import { failureOf, useFormErrors } from "../../../components/formErrors.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { deleteGroup, listGroups } from "../../../notify/groups.server.ts";
import { addStaffOptOut, listOptOuts, removeOptOut } from "../../../notify/opt-out.server.ts";
import type { Route } from "./+types/groups";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const [groups, optOuts] = await run(() =>
    Promise.all([listGroups(context.services, caller), listOptOuts(context.services, caller)]),
  );
  return { groups, optOuts };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const f = formToObject(await request.formData());
  const { services } = context;
  if (f.intent === "optOut")
    return runForm(
      async () => {
        const added = await addStaffOptOut(services, caller, { channel: f.channel, address: f.address });
        return { optedOut: added.address, channel: added.channel };
      },
      { form: "optOut", values: { channel: f.channel ?? "", address: f.address ?? "" } },
    );
  return runForm(
    async () => {
      if (f.intent === "deleteGroup") {
        await deleteGroup(services, caller, /^\d{1,15}$/.test(f.id ?? "") ? Number(f.id) : 0);
        return { deleted: f.name ?? "" };
      }
      if (f.intent === "removeOptOut") {
        await removeOptOut(services, caller, f.channel ?? "", f.id ?? "");
        return { removed: f.address ?? "" };
      }
      throw invalid("未知操作 / Unknown operation");
    },
    { form: "row" },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("channels.groups.title")} · ${t("admin.shell.console")}` }];
}

export default function GroupsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { groups, optOuts } = loaderData;
  const busy = useNavigation().state === "submitting";
  const canRemove = useRoot().user?.actions.includes("notice.configure") ?? false;
  const rowErrors = useFormErrors(failureOf(actionData, "row"), []);
  const optFailure = failureOf<{ channel: string; address: string }>(actionData, "optOut");
  const optErrors = useFormErrors(optFailure, ["channel", "address"]);
  const done = actionData && !("error" in actionData) ? actionData : null;
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title={t("channels.groups.title")}
        description={t("channels.groups.intro")}
        actions={
          <Link to="/admin/notices" className={subtleLink}>
            {t("channels.back")}
          </Link>
        }
      />
      {done && "deleted" in done ? (
        <Notice kind="success">{t("channels.groups.deleted", { name: done.deleted })}</Notice>
      ) : null}
      {done && "removed" in done ? (
        <Notice kind="success">{t("channels.optOuts.removed", { address: done.removed })}</Notice>
      ) : null}
      {rowErrors.notice}
      <section>
        <Notice kind="info">
          {t("channels.groups.howTo")}{" "}
          <Link to="/admin/data/people" className="font-medium underline">
            {t("channels.groups.toGrid")}
          </Link>
        </Notice>
        <div className="mt-3">
          {groups.length === 0 ? (
            <EmptyState>{t("channels.groups.empty")}</EmptyState>
          ) : (
            <DataTable
              caption={t("channels.groups.title")}
              head={[
                t("channels.groups.head.name"),
                t("channels.groups.head.members"),
                t("channels.groups.head.created"),
                t("common.actions"),
              ]}
            >
              {groups.map((g) => (
                <tr key={g.id} data-group={g.id} className="hover:bg-stone-50">
                  <td className={`${cell} font-medium`}>{g.name}</td>
                  <td className={`${cell} tabular-nums`}>
                    {t("channels.groups.members", { count: g.members })}
                  </td>
                  <td className={`${cell} tabular-nums`}>{formatMinute(g.createdAt)}</td>
                  <td className={cell}>
                    <Form
                      method="post"
                      onSubmit={(e) => {
                        if (!window.confirm(t("channels.groups.confirmDelete", { name: g.name })))
                          e.preventDefault();
                      }}
                    >
                      <CsrfInput />
                      <input type="hidden" name="intent" value="deleteGroup" />
                      <input type="hidden" name="id" value={g.id} />
                      <input type="hidden" name="name" value={g.name} />
                      <button
                        type="submit"
                        disabled={busy}
                        className="min-h-11 rounded-md px-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
                      >
                        {t("channels.groups.delete")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      </section>

      <section className="flex flex-col gap-3">
        <div>
          <h2 className="text-base font-semibold">{t("channels.optOuts.title")}</h2>
          <p className="mt-1 text-sm text-stone-500">{t("channels.optOuts.intro")}</p>
        </div>
        {done && "optedOut" in done ? (
          <Notice kind="success">
            {t("channels.optOuts.added", {
              address: done.optedOut,
              channel: t(`channels.channel.${done.channel}`),
            })}
          </Notice>
        ) : null}
        <Card title={t("channels.optOuts.addTitle")}>
          <Form
            method="post"
            key={done && "optedOut" in done ? done.optedOut : "optOut"}
            className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end"
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="optOut" />
            {optErrors.notice ? <div className="sm:col-span-3">{optErrors.notice}</div> : null}
            <SelectBox
              id="opt-channel"
              label={t("channels.optOuts.channel")}
              name="channel"
              defaultValue={optFailure?.values?.channel ?? "sms"}
              error={optErrors.field("channel")}
              options={(["sms", "email", "fax"] as const).map((c) => ({
                value: c,
                label: t(`channels.channel.${c}`),
              }))}
            />
            <Input
              id="opt-address"
              label={t("channels.optOuts.address")}
              name="address"
              required
              autoComplete="off"
              defaultValue={optFailure?.values?.address}
              placeholder={t("channels.optOuts.addressPlaceholder")}
              error={optErrors.field("address")}
            />
            <Button disabled={busy}>{t("channels.optOuts.add")}</Button>
          </Form>
        </Card>
        {optOuts.length === 0 ? (
          <EmptyState>{t("channels.optOuts.empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("channels.optOuts.title")}
            head={[
              t("channels.optOuts.head.address"),
              t("channels.optOuts.head.channel"),
              t("channels.optOuts.head.via"),
              t("channels.optOuts.head.time"),
              ...(canRemove ? [t("common.actions")] : []),
            ]}
          >
            {optOuts.map((o) => (
              <tr key={`${o.channel}-${o.id}`} className="hover:bg-stone-50">
                <td className={`${cell} font-mono`}>{o.address}</td>
                <td className={cell}>{t(`channels.channel.${o.channel}`, { defaultValue: o.channel })}</td>
                <td className={cell}>{t(`channels.optOuts.via.${o.via}`, { defaultValue: o.via })}</td>
                <td className={`${cell} tabular-nums`}>{formatMinute(o.createdAt)}</td>
                {canRemove ? (
                  <td className={cell}>
                    <Form
                      method="post"
                      onSubmit={(e) => {
                        if (!window.confirm(t("channels.optOuts.confirmRemove", { address: o.address })))
                          e.preventDefault();
                      }}
                    >
                      <CsrfInput />
                      <input type="hidden" name="intent" value="removeOptOut" />
                      <input type="hidden" name="channel" value={o.channel} />
                      <input type="hidden" name="id" value={o.id} />
                      <input type="hidden" name="address" value={o.address} />
                      <button
                        type="submit"
                        disabled={busy}
                        className="min-h-11 rounded-md px-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
                      >
                        {t("channels.optOuts.remove")}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
