// Step 1: choose a spreadsheet (file input, or drop it on the area), then upload it with a progress bar.
// Only the name's extension is checked here; the server reads the bytes and says what it really is.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote, primaryButton } from "../query/parts.tsx";
import { ProgressBar } from "./JobProgress.tsx";

const ACCEPT = ".xlsx,.xls,.csv,.tsv";
const EXTENSIONS = /\.(xlsx|xls|csv|tsv)$/i;
const MAX_BYTES = 512 * 1024 * 1024;

export function FilePicker(props: {
  onUpload: (file: File, onProgress: (fraction: number) => void) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [over, setOver] = useState(false);

  const choose = (chosen: File | undefined) => {
    setError(null);
    if (!chosen) return;
    if (!EXTENSIONS.test(chosen.name)) {
      setFile(null);
      setProblem(t("transfer.choose.wrongType", { name: chosen.name }));
    } else if (chosen.size > MAX_BYTES) {
      setFile(null);
      setProblem(t("transfer.choose.tooLarge"));
    } else {
      setFile(chosen);
      setProblem(null);
    }
  };

  const upload = async () => {
    if (!file) return;
    setProgress(0);
    setError(null);
    try {
      await props.onUpload(file, setProgress);
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  };

  if (progress !== null && file)
    return (
      <section className="flex flex-col gap-3" aria-live="polite">
        <p className="text-sm text-stone-700">{t("transfer.choose.uploading", { name: file.name })}</p>
        <ProgressBar fraction={progress} label={t("transfer.progress.label")} />
        <p className="text-sm text-stone-600">{Math.round(progress * 100)}%</p>
      </section>
    );

  return (
    <section className="flex flex-col gap-3">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop area; the file input inside is the keyboard way */}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          choose(e.dataTransfer.files[0]);
        }}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center ${
          over ? "border-brand-500 bg-brand-50" : "border-stone-300 bg-stone-50"
        }`}
      >
        <p className="text-sm text-stone-700">{t("transfer.choose.drop")}</p>
        <label htmlFor={id} className={`${primaryButton} cursor-pointer focus-within:ring-2`}>
          {t("transfer.choose.browse")}
          <input
            id={id}
            type="file"
            accept={ACCEPT}
            className="sr-only"
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
        <p className="text-xs text-stone-500">{t("transfer.choose.accepts")}</p>
        {file ? (
          <p className="text-sm font-medium text-stone-800" data-testid="chosen-file">
            {file.name} · {(file.size / 1024).toFixed(file.size < 10_240 ? 1 : 0)} KB
          </p>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <div>
        <button type="button" className={primaryButton} disabled={!file} onClick={() => void upload()}>
          {t("transfer.choose.start")}
        </button>
      </div>
    </section>
  );
}
