import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";

// secretlint's recommended preset on one text, as its CLI lints one file. secretlint's profiler
// keeps every mark of every run in one process and searches them on each new mark, so thousands
// of cases in a row grow quadratic (the history bench after the corpus sat for minutes): its copy
// of the marks is emptied after each case (secretlint reads it only when asked for a profile;
// Node's own timeline keeps one mark a name, so it stays small).

const profiler = secretLintProfiler as unknown as { entries: unknown[]; measures: unknown[] };

/** Whether secretlint reports anything in `content`, read as the file `filePath`. */
export async function secretlintFinds(content: string, filePath: string): Promise<boolean> {
  const result = await lintSource({
    source: { filePath, content, ext: filePath.slice(filePath.lastIndexOf(".")), contentType: "text" },
    options: { config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] } },
  });
  // The profiler's observer hears of the marks on a later turn of the event loop: let it, then empty.
  await new Promise((done) => setImmediate(done));
  profiler.entries.length = 0;
  profiler.measures.length = 0;
  return result.messages.length > 0;
}
