// Account mobile numbers are personal data like a resident's phone: kept sealed (AES-256-GCM, bound to
// the username) with a keyed blind index for sign-in by mobile and for one account per number.
import type { Keys } from "../core/keys.server.ts";
import type { Services } from "../core/services.server.ts";
import { blindIndex } from "../people/crypto/blind-index.server.ts";
import type { FieldCipher } from "../people/crypto/field-cipher.server.ts";

export type Vault = Pick<Services, "cipher"> & { keys: Pick<Keys, "derive"> };

const aad = (username: string) => ({ record: `users/${username}`, field: "mobile" });

/** The blind index of a normalised mobile number ("13800138000"). */
export const mobileDigest = (vault: Vault, mobile: string): string =>
  blindIndex(vault.keys.derive("blind-index"), "users.mobile", mobile);

/** The columns a (normalised) mobile number is stored in; null clears them. */
export function mobileColumns(vault: Vault, username: string, mobile: string | null) {
  return mobile === null
    ? { mobile: null, mobile_sealed: null, mobile_digest: null }
    : {
        mobile: null,
        mobile_sealed: vault.cipher.encrypt(mobile, aad(username)),
        mobile_digest: mobileDigest(vault, mobile),
      };
}

export function openMobile(cipher: FieldCipher, username: string, sealed: string | null): string | null {
  return sealed === null ? null : cipher.decrypt(sealed, aad(username));
}

/** Move numbers still in the plain column (written before sealing existed) to their sealed columns. */
export async function sealAccountMobiles(services: Services): Promise<number> {
  const plain = await services.db
    .selectFrom("users")
    .select(["id", "username", "mobile"])
    .where("mobile", "is not", null)
    .execute();
  for (const user of plain)
    await services.db
      .updateTable("users")
      .set(mobileColumns(services, user.username, user.mobile))
      .where("id", "=", user.id)
      .execute();
  return plain.length;
}
