// The selected element's properties, each with its own control: position and size in mm, type sizes in
// pt, colours, choices and switches; merge texts with a picker that puts {{字段}} at the cursor; the
// photo field; a picture file for an image. The server's message for a property shows under it.
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PrintElement } from "../../print/template.ts";
import { insertTag } from "./designerModel.ts";
import { AreaField, CheckField, ChoiceField, ColourField, NumberField, TextField } from "./fields.tsx";
import { readImageFile } from "./imageFile.ts";

type Patch = Partial<PrintElement>;
type Of<T extends PrintElement["type"]> = PrintElement & { type: T };

export function ElementInspector(props: {
  element: PrintElement;
  /** A stable id (for the controls' ids). */
  id: number;
  onChange(patch: Patch): void;
  /** Merge names the texts may use. */
  names: readonly string[];
  photoFields: ReadonlyArray<{ key: string; label: string }>;
  /** Property → message ("" for the element as a whole). */
  errors: Record<string, string>;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { element: el, errors } = props;
  const p = (key: string) => `el-${props.id}-${key}`;
  const k = (key: string) => t(`print.designer.inspector.${key}`);
  const line = el.type === "line";
  return (
    <fieldset disabled={!props.editable} className="flex min-w-0 flex-col gap-3" data-inspector={el.type}>
      <legend className="sr-only">{t("print.designer.inspector.title")}</legend>
      <p className="text-xs text-stone-500">
        {t("print.designer.inspector.type", { type: t(`print.designer.types.${el.type}`) })}
        {props.editable ? null : ` · ${k("readOnly")}`}
      </p>
      {errors[""] ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {errors[""]}
        </p>
      ) : null}
      <TextField
        id={p("name")}
        label={k("name")}
        value={el.name}
        maxLength={40}
        onChange={(name) => props.onChange({ name })}
        error={errors.name}
      />
      <Grid>
        <NumberField
          id={p("x")}
          label={k("x")}
          value={el.x}
          min={-1000}
          max={1000}
          onChange={(x) => props.onChange({ x })}
          error={errors.x}
        />
        <NumberField
          id={p("y")}
          label={k("y")}
          value={el.y}
          min={-1000}
          max={1000}
          onChange={(y) => props.onChange({ y })}
          error={errors.y}
        />
        <NumberField
          id={p("width")}
          label={k("width")}
          value={el.width}
          min={0}
          max={1000}
          onChange={(width) => props.onChange({ width })}
          error={errors.width}
        />
        <NumberField
          id={p("height")}
          label={k("height")}
          value={el.height}
          min={0}
          max={1000}
          onChange={(height) => props.onChange({ height })}
          error={errors.height}
        />
        {line ? null : (
          <ChoiceField
            id={p("rotate")}
            label={k("rotate")}
            value={el.rotate}
            options={([0, 90, 180, 270] as const).map((deg) => ({
              value: deg,
              label: t("print.designer.inspector.degrees", { deg }),
            }))}
            onChange={(rotate) => props.onChange({ rotate })}
            error={errors.rotate}
          />
        )}
      </Grid>
      <TypeProperties {...props} p={p} k={k} />
    </fieldset>
  );
}

function Grid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-3">{children}</div>;
}

interface TypeProps {
  element: PrintElement;
  onChange(patch: Patch): void;
  names: readonly string[];
  photoFields: ReadonlyArray<{ key: string; label: string }>;
  errors: Record<string, string>;
  p(key: string): string;
  k(key: string): string;
}

function TypeProperties(props: TypeProps) {
  const el = props.element;
  switch (el.type) {
    case "text":
      return <TextProperties {...props} el={el} />;
    case "photo":
      return <PhotoProperties {...props} el={el} />;
    case "qr":
      return (
        <>
          <MergeText {...props} label={props.k("qrText")} value={el.text} max={1000} rows={2} />
          <ColourField
            id={props.p("color")}
            label={props.k("color")}
            value={el.color}
            onChange={(color) => props.onChange({ color })}
            error={props.errors.color}
          />
        </>
      );
    case "barcode":
      return <BarcodeProperties {...props} el={el} />;
    case "image":
      return <ImageProperties {...props} el={el} />;
    case "line":
      return <LineProperties {...props} el={el} />;
    case "rect":
      return <RectProperties {...props} el={el} />;
    case "postcode":
      return <PostcodeProperties {...props} el={el} />;
  }
}

/** A merge text with the picker that inserts {{字段}} where the cursor was. */
function MergeText(props: TypeProps & { label: string; value: string; max: number; rows: number }) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  function insert(name: string) {
    const box = area.current;
    const start = box?.selectionStart ?? props.value.length;
    const end = box?.selectionEnd ?? props.value.length;
    const next = insertTag(props.value, start, end, name);
    props.onChange({ text: next.text } as Patch);
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(next.caret, next.caret);
    });
  }
  return (
    <div className="flex flex-col gap-2">
      <AreaField
        id={props.p("text")}
        label={props.label}
        value={props.value}
        rows={props.rows}
        maxLength={props.max}
        areaRef={area}
        onChange={(text) => props.onChange({ text } as Patch)}
        hint={t("print.designer.inspector.textHint", { tag: "{{姓名}}" })}
        error={props.errors.text}
      />
      <label className="sr-only" htmlFor={props.p("insert")}>
        {t("print.designer.inspector.insertField")}
      </label>
      <select
        id={props.p("insert")}
        value=""
        onChange={(e) => {
          if (e.target.value) insert(e.target.value);
        }}
        className="min-h-11 w-full rounded-md border border-stone-300 bg-stone-50 px-3 text-base text-stone-700 sm:text-sm"
      >
        <option value="">
          {t("print.designer.inspector.insertField")} · {t("print.designer.inspector.chooseField")}
        </option>
        {props.names.map((name) => (
          <option key={name} value={name}>
            {`{{${name}}}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextProperties(props: TypeProps & { el: Of<"text"> }) {
  const { el, p, k, errors, onChange } = props;
  return (
    <>
      <MergeText {...props} label={k("text")} value={el.text} max={5000} rows={3} />
      <Grid>
        <NumberField
          id={p("fontSize")}
          label={k("fontSize")}
          value={el.fontSize}
          min={4}
          max={200}
          step={0.5}
          onChange={(fontSize) => onChange({ fontSize })}
          error={errors.fontSize}
        />
        <ChoiceField
          id={p("fontWeight")}
          label={k("fontWeight")}
          value={el.fontWeight}
          options={[
            { value: 400 as const, label: k("normal") },
            { value: 700 as const, label: k("bold") },
          ]}
          onChange={(fontWeight) => onChange({ fontWeight })}
          error={errors.fontWeight}
        />
        <ColourField
          id={p("color")}
          label={k("color")}
          value={el.color}
          onChange={(color) => onChange({ color })}
          error={errors.color}
        />
        <ChoiceField
          id={p("align")}
          label={k("align")}
          value={el.align}
          options={[
            { value: "left" as const, label: k("alignLeft") },
            { value: "center" as const, label: k("alignCenter") },
            { value: "right" as const, label: k("alignRight") },
          ]}
          onChange={(align) => onChange({ align })}
          error={errors.align}
        />
        <ChoiceField
          id={p("verticalAlign")}
          label={k("verticalAlign")}
          value={el.verticalAlign}
          options={[
            { value: "top" as const, label: k("top") },
            { value: "middle" as const, label: k("middle") },
            { value: "bottom" as const, label: k("bottom") },
          ]}
          onChange={(verticalAlign) => onChange({ verticalAlign })}
          error={errors.verticalAlign}
        />
        <NumberField
          id={p("letterSpacing")}
          label={k("letterSpacing")}
          value={el.letterSpacing}
          min={-5}
          max={100}
          step={0.5}
          onChange={(letterSpacing) => onChange({ letterSpacing })}
          error={errors.letterSpacing}
        />
        <NumberField
          id={p("lineHeight")}
          label={k("lineHeight")}
          value={el.lineHeight}
          min={0.8}
          max={4}
          step={0.1}
          onChange={(lineHeight) => onChange({ lineHeight })}
          error={errors.lineHeight}
        />
        <ChoiceField
          id={p("overflow")}
          label={k("overflow")}
          value={el.overflow}
          options={[
            { value: "shrink" as const, label: k("shrink") },
            { value: "ellipsis" as const, label: k("ellipsis") },
          ]}
          onChange={(overflow) => onChange({ overflow })}
          error={errors.overflow}
        />
      </Grid>
      <CheckField
        id={p("vertical")}
        label={k("vertical")}
        checked={el.vertical}
        onChange={(vertical) => onChange({ vertical })}
      />
    </>
  );
}

function PhotoProperties(props: TypeProps & { el: Of<"photo"> }) {
  const { t } = useTranslation();
  const { el, p, k, errors, onChange, photoFields } = props;
  const first = photoFields[0];
  return (
    <>
      {photoFields.length === 0 ? (
        <p className="text-sm text-amber-700">{k("noPhotoField")}</p>
      ) : (
        <ChoiceField
          id={p("field")}
          label={k("field")}
          value={el.field ?? ""}
          options={[
            {
              value: "",
              label: first
                ? t("print.designer.inspector.firstPhoto", { label: first.label })
                : k("firstPhotoNone"),
            },
            ...photoFields.map((f) => ({ value: f.key, label: f.label })),
            // A field the table no longer has stays choosable, so its error can be read and put right.
            ...(el.field && !photoFields.some((f) => f.key === el.field)
              ? [{ value: el.field, label: el.field }]
              : []),
          ]}
          onChange={(field) => onChange({ field: field || undefined })}
          error={errors.field}
        />
      )}
      <Grid>
        <ChoiceField
          id={p("fit")}
          label={k("fit")}
          value={el.fit}
          options={[
            { value: "cover" as const, label: k("cover") },
            { value: "contain" as const, label: k("contain") },
          ]}
          onChange={(fit) => onChange({ fit })}
          error={errors.fit}
        />
        <ColourField
          id={p("borderColor")}
          label={k("borderColor")}
          value={el.borderColor}
          onChange={(borderColor) => onChange({ borderColor })}
          error={errors.borderColor}
        />
      </Grid>
    </>
  );
}

function BarcodeProperties(props: TypeProps & { el: Of<"barcode"> }) {
  const { el, p, k, errors, onChange } = props;
  return (
    <>
      <MergeText {...props} label={k("barcodeText")} value={el.text} max={200} rows={2} />
      <ChoiceField
        id={p("symbology")}
        label={k("symbology")}
        value={el.symbology}
        options={[
          { value: "code128" as const, label: k("code128") },
          { value: "code39" as const, label: k("code39") },
        ]}
        onChange={(symbology) => onChange({ symbology })}
        error={errors.symbology}
      />
      <CheckField
        id={p("showText")}
        label={k("showText")}
        checked={el.showText}
        onChange={(showText) => onChange({ showText })}
      />
    </>
  );
}

function ImageProperties(props: TypeProps & { el: Of<"image"> }) {
  const { el, p, k, errors, onChange } = props;
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={p("src")} className="text-xs font-medium text-stone-600">
          {k("chooseImage")}
        </label>
        <input
          id={p("src")}
          type="file"
          accept="image/png,image/jpeg"
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            const read = await readImageFile(file);
            input.value = "";
            if (!read.ok) {
              setProblem(k(read.reason));
              return;
            }
            setProblem(null);
            onChange({ src: read.src });
          }}
          aria-invalid={problem || errors.src ? true : undefined}
          className="min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm file:font-medium hover:file:bg-stone-100"
        />
        {problem || errors.src ? (
          <p className="text-xs text-red-600" role="alert">
            {problem ?? errors.src}
          </p>
        ) : (
          <p className="text-xs text-stone-500">{k("imageHint")}</p>
        )}
      </div>
      <ChoiceField
        id={p("fit")}
        label={k("fit")}
        value={el.fit}
        options={[
          { value: "contain" as const, label: k("contain") },
          { value: "cover" as const, label: k("cover") },
        ]}
        onChange={(fit) => onChange({ fit })}
        error={errors.fit}
      />
    </>
  );
}

/** A line's or a frame's stroke: its width and colour. */
function StrokeFields(props: TypeProps & { strokeWidth: number; color: string; thinnest: number }) {
  const { p, k, errors, onChange } = props;
  return (
    <>
      <NumberField
        id={p("strokeWidth")}
        label={k("strokeWidth")}
        value={props.strokeWidth}
        min={props.thinnest}
        max={20}
        step={0.1}
        onChange={(strokeWidth) => onChange({ strokeWidth })}
        error={errors.strokeWidth}
      />
      <ColourField
        id={p("color")}
        label={k("color")}
        value={props.color}
        onChange={(color) => onChange({ color })}
        error={errors.color}
      />
    </>
  );
}

function LineProperties(props: TypeProps & { el: Of<"line"> }) {
  const { el, p, k, onChange } = props;
  return (
    <>
      <p className="text-xs text-stone-500">{k("lineHint")}</p>
      <Grid>
        <StrokeFields {...props} strokeWidth={el.strokeWidth} color={el.color} thinnest={0.1} />
      </Grid>
      <CheckField
        id={p("dash")}
        label={k("dash")}
        checked={el.dash}
        onChange={(dash) => onChange({ dash })}
      />
    </>
  );
}

function RectProperties(props: TypeProps & { el: Of<"rect"> }) {
  const { el, p, k, errors, onChange } = props;
  return (
    <>
      <Grid>
        <StrokeFields {...props} strokeWidth={el.strokeWidth} color={el.color} thinnest={0} />
        <NumberField
          id={p("radius")}
          label={k("radius")}
          value={el.radius}
          min={0}
          max={100}
          step={0.5}
          onChange={(radius) => onChange({ radius })}
          error={errors.radius}
        />
        {el.fill ? (
          <ColourField
            id={p("fillColor")}
            label={k("fillColor")}
            value={el.fill}
            onChange={(fill) => onChange({ fill })}
            error={errors.fill}
          />
        ) : null}
      </Grid>
      <CheckField
        id={p("fill")}
        label={k("fill")}
        checked={el.fill !== null}
        onChange={(on) => onChange({ fill: on ? (el.color === "#000000" ? "#f5f5f4" : el.color) : null })}
      />
      <CheckField
        id={p("double")}
        label={k("double")}
        checked={el.double}
        onChange={(double) => onChange({ double })}
      />
    </>
  );
}

function PostcodeProperties(props: TypeProps & { el: Of<"postcode"> }) {
  const { el, p, k, errors, onChange } = props;
  return (
    <>
      <MergeText {...props} label={k("postcodeText")} value={el.text} max={100} rows={1} />
      <Grid>
        <NumberField
          id={p("boxes")}
          label={k("boxes")}
          value={el.boxes}
          min={1}
          max={10}
          step={1}
          integer
          onChange={(boxes) => onChange({ boxes })}
          error={errors.boxes}
        />
        <NumberField
          id={p("fontSize")}
          label={k("digitSize")}
          value={el.fontSize}
          min={4}
          max={60}
          step={0.5}
          onChange={(fontSize) => onChange({ fontSize })}
          error={errors.fontSize}
        />
        <ColourField
          id={p("color")}
          label={k("color")}
          value={el.color}
          onChange={(color) => onChange({ color })}
          error={errors.color}
        />
      </Grid>
    </>
  );
}
