import { closeSync, openSync, readSync } from "node:fs";
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";

// Run as a child process by the benchmark: secretlint's recommended preset on the first N bytes
// of a file, as one source (as its CLI reads a file); prints { mbPerSecond, messages } as JSON.

const [file, prefix] = [process.argv[2], Number(process.argv[3])];
const buf = Buffer.alloc(prefix);
const fd = openSync(file, "r");
const n = readSync(fd, buf, 0, prefix, 0);
closeSync(fd);
const content = buf.subarray(0, buf.subarray(0, n).lastIndexOf(10) + 1).toString("utf8");
const start = process.hrtime.bigint();
lintSource({ source: { filePath: "/logs/security.log", content, ext: ".log", contentType: "text" }, options: { config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] } } }).then((r) => {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ mbPerSecond: content.length / 1e6 / seconds, messages: r.messages.length }));
});
