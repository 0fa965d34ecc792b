// Which kinds of org node may sit directly under which. Shared by the server's checks and the console's forms.
import type { OrgKind } from "../../db/types.ts";

/** One node of the org tree as domain code and the UI see it. */
export interface OrgNode {
  id: number;
  parentId: number | null;
  kind: OrgKind;
  name: string;
  /** Materialised path of ids, e.g. "/1/4/17/". */
  path: string;
  sort: number;
}

export const ORG_KINDS = ["street", "community", "grid", "enterprise", "merchant"] as const;

export const CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  street: ["community"],
  community: ["grid", "enterprise", "merchant"],
  grid: [],
  enterprise: [],
  merchant: [],
};
