// 最近的导入导出: the recent jobs in the reader's scope, with a way back into an import's wizard and the
// file of a finished export.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMinute } from "../format.ts";
import { ErrorNote } from "../query/parts.tsx";
import { type Job, transferApi } from "./api.ts";

const th = "px-3 py-2 text-left font-medium whitespace-nowrap text-stone-600";
const td = "px-3 py-1.5 whitespace-nowrap";

export function RecentJobs(props: { csrf: string; tableKey: string; refreshKey: unknown }) {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    transferApi(props.csrf)
      .jobs()
      .then((list) => live && setJobs(list.items))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [props.csrf, props.refreshKey]);

  return (
    <section className="flex flex-col gap-2" aria-labelledby="recent-jobs">
      <h2 id="recent-jobs" className="text-base font-semibold">
        {t("transfer.jobs.title")}
      </h2>
      {error ? <ErrorNote error={error} /> : null}
      {jobs && jobs.length === 0 ? (
        <p className="text-sm text-stone-500">{t("transfer.jobs.empty")}</p>
      ) : null}
      {jobs && jobs.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className={th}>
                  {t("transfer.jobs.when")}
                </th>
                <th scope="col" className={th}>
                  {t("transfer.jobs.kind")}
                </th>
                <th scope="col" className={th}>
                  {t("transfer.jobs.file")}
                </th>
                <th scope="col" className={th}>
                  {t("transfer.jobs.status")}
                </th>
                <th scope="col" className={th}>
                  {t("transfer.jobs.rows")}
                </th>
                <th scope="col" className={th}>
                  {t("transfer.jobs.owner")}
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">{t("transfer.jobs.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td className={`${td} tabular-nums`}>{formatMinute(Date.parse(job.createdAt))}</td>
                  <td className={td}>
                    {t(`transfer.jobs.${job.kind}`)}
                    {job.kind === "import" ? ` · ${t(`transfer.jobs.phases.${job.phase}`, job.phase)}` : ""}
                  </td>
                  <td className={`${td} max-w-64 truncate`} title={job.fileName}>
                    {job.fileName}
                  </td>
                  <td className={td}>{t(`transfer.jobs.statuses.${job.status}`)}</td>
                  <td className={`${td} tabular-nums`}>{job.done.toLocaleString()}</td>
                  <td className={td}>{job.owner}</td>
                  <td className={td}>
                    {job.links.download ? (
                      <a href={job.links.download} download className="text-brand-700 underline">
                        {t("transfer.jobs.download")}
                      </a>
                    ) : job.kind === "import" ? (
                      <Link
                        to={`/admin/data/${job.table}/import?job=${job.id}`}
                        className="text-brand-700 underline"
                      >
                        {t("transfer.jobs.open")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
