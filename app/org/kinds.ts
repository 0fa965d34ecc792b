// Which kinds of org node may sit directly under which. Shared by the server's checks and the console's forms.
import type { OrgKind } from "../../db/types.ts";

export const ORG_KINDS = ["street", "community", "grid", "enterprise", "merchant"] as const;

export const CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  street: ["community"],
  community: ["grid", "enterprise", "merchant"],
  grid: [],
  enterprise: [],
  merchant: [],
};
