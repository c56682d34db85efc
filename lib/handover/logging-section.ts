import type { CapturedResource } from "../plan/types";
import { toDisplay } from "../plan/wire";

// The handover's logging section: where each security log lives, how long it is kept, who can
// read it, which alarms watch it and where they page. Read from the planned resources, so it
// says what the stack provisions, not what a document once claimed.

export interface LoggingRow {
  readonly log: string;
  readonly where: string;
  readonly retention: string;
  readonly readers: string;
  readonly alarms: string;
  readonly routes: string;
}

const inputsOf = (r: CapturedResource) => toDisplay(r.inputs) as Record<string, any>;
const ofType = (rs: readonly CapturedResource[], type: string) => rs.filter((r) => r.type === type);
const last = (arn: string) => arn.split(/[:/]/).pop() ?? arn;

export function loggingRows(rs: readonly CapturedResource[]): LoggingRow[] {
  const regionOf = (r: CapturedResource) => (rs.find((p) => p.urn === r.provider)?.inputs.region as string | undefined) ?? "the stack's region";
  const filters = ofType(rs, "aws:cloudwatch/logMetricFilter:LogMetricFilter").map(inputsOf);
  const alarms = ofType(rs, "aws:cloudwatch/metricAlarm:MetricAlarm").map(inputsOf);
  const protectedGroups = new Set(ofType(rs, "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy").map((p) => inputsOf(p).logGroupName));
  const watching = (group: string) => {
    const metrics = filters.filter((f) => f.logGroupName === group).map((f) => `${f.metricTransformation?.namespace}/${f.metricTransformation?.name}`);
    return alarms.filter((a) => metrics.includes(`${a.namespace}/${a.metricName}`) || a.dimensions?.LogGroupName === group);
  };
  const describe = (group: string, where: string, retention: string, readers: string): LoggingRow => {
    const mine = watching(group);
    return { log: group, where, retention, readers, alarms: mine.length ? `${mine.length}: ${mine.map((a) => a.metricName).join(", ")}` : "none", routes: [...new Set(mine.flatMap((a) => (a.alarmActions ?? []).map(last)))].join(", ") || "none" };
  };
  const rows: LoggingRow[] = [];
  for (const g of ofType(rs, "aws:cloudwatch/logGroup:LogGroup")) {
    const i = inputsOf(g);
    const masked = protectedGroups.has(i.name) ? "; data protection masks secrets, tokens, cards and emails: seeing them needs logs:Unmask" : "";
    rows.push(describe(i.name, `CloudWatch Logs, ${regionOf(g)}${i.kmsKeyId ? ", KMS-encrypted" : ""}`, i.retentionInDays ? `${i.retentionInDays} days` : "never expires", `IAM principals of the account with logs:GetLogEvents and kms:Decrypt on the logs key${masked}`));
  }
  for (const t of ofType(rs, "aws:cloudtrail/trail:Trail")) {
    const i = inputsOf(t);
    const bucket = String(i.s3BucketName);
    const life = ofType(rs, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").map(inputsOf).find((l) => l.bucket === bucket);
    const days = life?.rules?.[0]?.expiration?.days;
    rows.push({ log: `CloudTrail ${i.name} (all regions${i.enableLogFileValidation ? ", validated" : ""})`, where: `s3://${bucket}, ${regionOf(t)}; CloudWatch Logs copy above`, retention: days ? `${days} days in S3` : "kept in S3 until deleted", readers: "IAM principals with s3:GetObject on the bucket and kms:Decrypt; public access blocked, TLS only", alarms: "the CIS alarms on its log group", routes: "see its log group" });
  }
  for (const job of ofType(rs, "cloudflare:index/logpushJob:LogpushJob")) {
    const i = inputsOf(job);
    // A destination's query string can carry credentials (S3-compatible keys): show its path only.
    const where = String(i.destinationConf ?? "").split("?")[0];
    rows.push({ log: `Cloudflare ${i.dataset} (Logpush job ${i.name})`, where, retention: "as the destination keeps it", readers: "whoever can read the destination", alarms: "Cloudflare's security-event notifications", routes: "the critical contacts" });
  }
  // The organisation's trail: the filters sit on a group this stack does not create.
  const own = new Set(rows.map((r) => r.log));
  for (const group of new Set(filters.map((f) => String(f.logGroupName)).filter((g) => !own.has(g)))) {
    rows.push(describe(group, "the organisation's CloudTrail delivery (not managed by this stack)", "set by the organisation", "as the organisation's security account grants"));
  }
  return rows;
}
