// Small line icons (24×24, currentColor) for the site's navigation. Decorative: hidden from screen readers.
import type { ReactNode } from "react";

function Icon(props: { children: ReactNode; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={props.className ?? "size-6"}
    >
      {props.children}
    </svg>
  );
}

export function HomeIcon(props: { className?: string }) {
  return (
    <Icon className={props.className}>
      <path d="M3 10.5 12 3l9 7.5" />
      <path d="M5 9v11a1 1 0 0 0 1 1h4v-6h4v6h4a1 1 0 0 0 1-1V9" />
    </Icon>
  );
}

export function UserIcon(props: { className?: string }) {
  return (
    <Icon className={props.className}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </Icon>
  );
}

export function ChevronDownIcon(props: { className?: string }) {
  return (
    <Icon className={props.className}>
      <path d="m6 9 6 6 6-6" />
    </Icon>
  );
}

export function MapPinIcon(props: { className?: string }) {
  return (
    <Icon className={props.className}>
      <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Z" />
      <circle cx="12" cy="9.5" r="2.5" />
    </Icon>
  );
}
