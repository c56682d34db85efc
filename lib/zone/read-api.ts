import { lookup } from "node:dns/promises";
import { UsageError } from "../config/stack-file";
import { fetchOnce } from "../verify/http";
import { mergeZones, type ExistingZone } from "./model";
import { readJsonExport } from "./read-json";

// The zone read live with a read-only API token (Zone > DNS > Read, Zone > Zone WAF/Rulesets >
// Read): every page of the DNS records, then the zone's rulesets. The base URL can point
// elsewhere (a test server on 127.0.0.1 that answers in the API's documented shapes). The token
// goes in the Authorization header only, and never into a message.

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";
const PER_PAGE = 500;

interface Options {
  readonly baseUrl: string;
  readonly token: string;
  readonly zoneId: string;
  readonly zoneName: string;
  readonly timeoutMs?: number;
}

/** The system's resolver: the API is a public host, reached as any client reaches it. */
const systemLookup = async (host: string) => (await lookup(host)).address;

async function get(opts: Options, path: string): Promise<{ status: number; text: string }> {
  const url = `${opts.baseUrl.replace(/\/$/, "")}${path}`;
  try {
    const res = await fetchOnce(url, { headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" }, resolve: new Map(), lookupHost: systemLookup, timeoutMs: opts.timeoutMs ?? 15_000, maxBodyBytes: 64 * 1024 * 1024 });
    return { status: res.status, text: res.body };
  } catch (e) {
    throw new UsageError(`could not reach the Cloudflare API at ${new URL(url).origin}: ${(e as Error).message}. Fix: check the network, or --cloudflare-api-url.`);
  }
}

async function page(opts: Options, path: string, what: string): Promise<{ text: string; totalPages: number }> {
  const res = await get(opts, path);
  let body: { success?: boolean; errors?: Array<{ code?: number; message?: string }>; result_info?: { total_pages?: number } } | undefined;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = undefined;
  }
  if (res.status !== 200 || !body?.success) {
    const why = body?.errors?.map((e) => `${e.code ?? ""} ${e.message ?? ""}`.trim()).join("; ") || `HTTP ${res.status}`;
    throw new UsageError(`the Cloudflare API refused to list ${what} of zone ${opts.zoneId}: ${why}. Fix: use a token with Zone DNS Read and Zone Rulesets Read on this zone (CLOUDFLARE_API_TOKEN).`);
  }
  return { text: res.text, totalPages: body.result_info?.total_pages ?? 1 };
}

export async function readZoneFromApi(opts: Options): Promise<ExistingZone> {
  const zones: ExistingZone[] = [];
  for (let n = 1, total = 1; n <= total; n++) {
    const p = await page(opts, `/zones/${opts.zoneId}/dns_records?per_page=${PER_PAGE}&page=${n}`, "the DNS records");
    total = p.totalPages;
    zones.push(readJsonExport(`api:dns_records?page=${n}`, p.text, opts.zoneName, { paged: true }));
  }
  const rulesets = await page(opts, `/zones/${opts.zoneId}/rulesets`, "the rulesets");
  zones.push(readJsonExport("api:rulesets", rulesets.text, opts.zoneName, { paged: true }));
  return { ...mergeZones(zones), sources: [`${opts.baseUrl} (zone ${opts.zoneId})`] };
}
