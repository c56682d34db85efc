import { crc32 } from "node:zlib";
import { randomBytes } from "./seeded-random";

// Provider tokens whose format carries a checksum, built at run time with a valid one, so a test
// credential passes the detector's checksum test as a real token would.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** 30 random characters and their CRC32 in six base-62 digits: the body of GitHub's classic tokens and npm's. */
function checksummedBody(): string {
  const random = Array.from(randomBytes(30), (b) => ALNUM[b % ALNUM.length]).join("");
  let n = crc32(random);
  let check = "";
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) check = BASE62[n % 62] + check;
  return `${random}${check}`;
}

/** A classic GitHub token: the prefix, then a checksummed body. */
export function githubToken(prefix: "ghp_" | "gho_" | "ghu_" | "ghs_" | "ghr_" = "ghp_"): string {
  return `${prefix}${checksummedBody()}`;
}

/** An npm access token: `npm_` and a body of GitHub's design. */
export const npmToken = () => `npm_${checksummedBody()}`;
