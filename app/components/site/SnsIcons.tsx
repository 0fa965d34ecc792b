// Icons of the resident area's self-service tabs (24×24, currentColor, decorative like icons.tsx).
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

export function IdCardIcon(props: { className?: string }) {
  return (
    <Icon className={props.className}>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <circle cx="9" cy="11" r="2" />
      <path d="M6 16a3 3 0 0 1 6 0M14 10h4M14 14h4" />
    </Icon>
  );
}

export function BellIcon(props: { className?: string }) {
  return (
    <Icon className={props.className}>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15Z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </Icon>
  );
}
