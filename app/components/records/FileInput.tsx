// 照片 / 附件: a file picked is uploaded at once (POST /admin/files) and its id kept in a hidden input, so
// saving the record sends ids only. Without JavaScript the files already attached are kept as they are.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { localMessage } from "../format.ts";
import { useRoot } from "../useRoot.ts";
import { inputName } from "./form-values.ts";
import { ErrorText, type FieldInputProps } from "./parts.tsx";

interface Uploaded {
  id: string;
  name?: string;
}

export const fileUrl = (id: string, thumb = false) =>
  `/admin/files/${encodeURIComponent(id)}${thumb ? "?thumb=1" : ""}`;

export function FileInput(props: FieldInputProps & { id: string; multiple: boolean }) {
  const { t } = useTranslation();
  const { csrfToken, lang } = useRoot();
  const { field, id, multiple, error } = props;
  const name = inputName(field.key);
  const [files, setFiles] = useState<Uploaded[]>((props.defaults[name] ?? []).map((fid) => ({ id: fid })));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function upload(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const added: Uploaded[] = [];
      for (const file of Array.from(multiple ? list : [list[0]!])) {
        const body = new FormData();
        body.set("file", file);
        body.set("kind", multiple ? "file" : "photo");
        body.set("_csrf", csrfToken);
        const response = await fetch("/admin/files", {
          method: "POST",
          body,
          headers: { accept: "application/json", "x-csrf-token": csrfToken },
        });
        const json = (await response.json().catch(() => null)) as {
          id?: string;
          name?: string;
          error?: { message?: string };
        } | null;
        if (!response.ok || !json?.id) {
          setProblem(localMessage(json?.error?.message ?? t("records.files.failed"), lang));
          break;
        }
        added.push({ id: json.id, name: json.name ?? file.name });
      }
      setFiles((now) => (multiple ? [...now, ...added] : added.length > 0 ? added : now));
    } catch {
      setProblem(t("records.files.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-stone-700">
        {field.label}
        {field.required ? <span className="text-red-600"> *</span> : null}
      </legend>
      {files.map((f) => (
        <input key={f.id} type="hidden" name={name} value={f.id} />
      ))}
      {files.length > 0 ? (
        <ul className="flex flex-wrap gap-3">
          {files.map((f, i) => (
            <li key={f.id} className="flex items-center gap-2 rounded-md border border-stone-200 p-2 text-sm">
              {multiple ? (
                <a
                  href={fileUrl(f.id)}
                  target="_blank"
                  rel="noreferrer"
                  className="text-brand-700 hover:underline"
                >
                  {f.name ?? t("records.files.attachment", { n: i + 1 })}
                </a>
              ) : (
                <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                  <img
                    src={fileUrl(f.id, true)}
                    alt={field.label}
                    className="h-20 w-16 rounded object-cover"
                  />
                </a>
              )}
              {hydrated ? (
                <button
                  type="button"
                  onClick={() => setFiles((now) => now.filter((x) => x.id !== f.id))}
                  className="min-h-11 px-2 text-stone-500 hover:text-red-700"
                  aria-label={t("records.files.removeNamed", { name: f.name ?? field.label })}
                >
                  {t("records.files.remove")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="file"
        accept={multiple ? undefined : "image/*"}
        multiple={multiple}
        disabled={!hydrated || busy}
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = "";
        }}
        aria-describedby={`${id}-status`}
        className="min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm"
      />
      <p id={`${id}-status`} aria-live="polite" className="text-xs text-stone-500">
        {!hydrated ? t("records.files.needsScript") : busy ? t("records.files.uploading") : null}
      </p>
      {problem ? <p className="text-sm text-red-600">{problem}</p> : null}
      <ErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}
