// Files a web server should never serve, each judged by what its content is, never by the
// status alone: a single-page app or a soft-404 answers 200 with its HTML page for every path.

export interface ExposedFile {
  readonly path: string;
  readonly what: string;
  /** A public runtime config is normal: only the secrets in it are a finding. */
  readonly onlyWithSecrets?: true;
  /** True when the body really is this kind of file. `head` is its first bytes, for binaries. */
  matches(body: string, head: Buffer): boolean;
}

const isHtml = (body: string) => /^\s*(?:<!doctype html|<html|<head|<body|<!--|<\?xml)/i.test(body);
const meaningful = (body: string) => body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

/** KEY=value lines, and nothing else: a dotenv file. */
function isDotenv(body: string): boolean {
  if (isHtml(body)) return false;
  const lines = meaningful(body);
  return lines.length > 0 && lines.every((l) => /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=/.test(l));
}

const SQL_DUMP = /^(?:-- MySQL dump|-- PostgreSQL database dump|-- MariaDB dump|PRAGMA foreign_keys|BEGIN TRANSACTION;|CREATE TABLE |INSERT INTO |DROP TABLE IF EXISTS|SET NAMES |SET statement_timeout)/im;
const isArchive = (head: Buffer) => (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) || (head[0] === 0x1f && head[1] === 0x8b) || head.subarray(0, 16).toString("latin1").startsWith("SQLite format 3");

const dotenv = (path: string): ExposedFile => ({ path, what: "an environment file", matches: isDotenv });
const dump = (path: string): ExposedFile => ({ path, what: "a database dump or backup", matches: (body, head) => isArchive(head) || (!isHtml(body) && SQL_DUMP.test(body.slice(0, 4096))) });

export const EXPOSED_FILES: readonly ExposedFile[] = [
  dotenv("/.env"),
  dotenv("/.env.local"),
  dotenv("/.env.production"),
  dotenv("/.env.bak"),
  { path: "/.git/HEAD", what: "the git repository (HEAD)", matches: (body) => /^(?:ref: refs\/\S+|[0-9a-f]{40})\s*$/.test(body.trim()) },
  { path: "/.git/config", what: "the git repository (config)", matches: (body) => !isHtml(body) && /^\s*\[core\]/m.test(body) && /repositoryformatversion|bare\s*=/.test(body) },
  { path: "/.npmrc", what: "an npm configuration", matches: (body) => !isHtml(body) && meaningful(body).some((l) => /^(?:registry|@[\w-]+:registry|\/\/[^\s=]+:_(?:authToken|auth|password)|_auth(?:Token)?|always-auth|email)\s*=/.test(l)) },
  { path: "/.aws/credentials", what: "AWS credentials", matches: (body) => !isHtml(body) && /^\s*\[[^\]]+\]/m.test(body) && /aws_access_key_id\s*=/i.test(body) },
  { path: "/.docker/config.json", what: "Docker registry credentials", matches: (body) => /"auths"\s*:/.test(body) && /"auth"\s*:/.test(body) },
  { path: "/config.json", what: "a configuration file", onlyWithSecrets: true, matches: (body) => !isHtml(body) && /^\s*[{[]/.test(body) },
  dump("/backup.sql"),
  dump("/dump.sql"),
  dump("/database.sql"),
  dump("/db.sqlite"),
  dump("/backup.zip"),
  dump("/backup.tar.gz"),
];
