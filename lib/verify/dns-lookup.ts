import type { Resolver } from "node:dns/promises";

// Lookups that tell "no such record" (an answer) apart from a failing resolver (an error).
const ABSENT = new Set(["ENOTFOUND", "ENODATA"]);

async function orEmpty<T>(p: Promise<T[]>): Promise<T[]> {
  try {
    return await p;
  } catch (e) {
    if (ABSENT.has((e as NodeJS.ErrnoException).code ?? "")) return [];
    throw e;
  }
}

/** TXT values at a name, each value's strings joined as receivers join them. */
export const txt = async (r: Resolver, name: string) => (await orEmpty(r.resolveTxt(name))).map((parts) => parts.join(""));
export const ns = (r: Resolver, name: string) => orEmpty(r.resolveNs(name));
export const caa = (r: Resolver, name: string) => orEmpty(r.resolveCaa(name));
export const mx = async (r: Resolver, name: string) => (await orEmpty(r.resolveMx(name))).map((m) => m.exchange);
export const addresses = async (r: Resolver, name: string) => [...(await orEmpty(r.resolve4(name))), ...(await orEmpty(r.resolve6(name)))];
