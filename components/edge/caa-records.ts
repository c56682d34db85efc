// CAA: only the CAs that issue the zone's edge certificates may issue for it, wildcards included
// (Universal SSL covers *.zone), and refused requests are reported to iodef.

export interface CaaRecordSpec {
  readonly role: string;
  readonly data: { readonly flags: number; readonly tag: "issue" | "issuewild" | "iodef"; readonly value: string };
}

export function caaRecords(issuers: readonly string[], iodef: string): CaaRecordSpec[] {
  const slug = (ca: string) => ca.replace(/\./g, "-");
  return [
    ...issuers.map((ca) => ({ role: `caa-issue-${slug(ca)}`, data: { flags: 0, tag: "issue" as const, value: ca } })),
    ...issuers.map((ca) => ({ role: `caa-issuewild-${slug(ca)}`, data: { flags: 0, tag: "issuewild" as const, value: ca } })),
    { role: "caa-iodef", data: { flags: 0, tag: "iodef" as const, value: iodef } },
  ];
}
