// The stack-trace and debug-page detector, for debug.exposure and the input probes. Frameworks
// print their errors as plain text, as HTML (Express writes `<br> &nbsp; &nbsp;at ...`), or as
// JSON-escaped text (an error body, Next.js's page data): the body is read in each of those
// forms, then matched against what each framework's error and debug pages really contain.

const ENTITIES: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", "#39": "'", "#x27": "'", "#47": "/", "#x2F": "/" };
// Own names only: a page's `&constructor;` is not an entity.
const entity = (name: string): string | undefined => (Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined);

/** HTML as the text a person would read: line breaks kept, tags dropped, entities decoded. */
function fromHtml(body: string): string {
  return body
    .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|pre|h\d)>/gi, "\n")
    .replace(/<[^>]{1,500}>/g, "")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => entity(e) ?? entity(e.toLowerCase()) ?? (e.startsWith("#x") ? String.fromCharCode(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : m));
}

/** JSON-escaped text unescaped, so a stack inside an error body reads as lines. */
const fromJson = (body: string) => body.replace(/\\r\\n|\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\"/g, '"').replace(/\\\//g, "/").replace(/\\u003c/gi, "<").replace(/\\u003e/gi, ">");

const SIGNATURES: ReadonlyArray<[RegExp, string]> = [
  // JavaScript: "at fn (/path/file.js:12:34)", "at /path/file.js:1:2", "at node:internal/...:1:2".
  [/\n[ \t]*at (?:async )?(?:[^\n()]*\()?(?:\/|[A-Za-z]:\\|node:|file:\/\/|webpack:)[^\s()]*:\d+:\d+\)?/, "a stack trace"],
  [/\n[ \t]*at [\w$.<>]+\((?:[\w$]+\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)/, "a Java stack trace"],
  [/\n[ \t]*at [\w.`<>[\]]+\([^\n)]*\) in [^\n]+:line \d+/, "a .NET stack trace"],
  [/Traceback \(most recent call last\)/, "a Python traceback"],
  [/\n[ \t]*(?:\/|[A-Za-z]:\\)[^\s:]+\.rb:\d+:in [`']/, "a Ruby backtrace"],
  [/goroutine \d+ \[running\]:/, "a Go panic"],
  [/(?:Fatal error|Parse error|Warning):\s[\s\S]{1,300}? in (?:\/|[A-Za-z]:\\)\S+\.php on line \d+/, "a PHP error with its file path"],
  [/You're seeing this error because you have DEBUG = True|Using the URLconf defined in|DEBUG = True/, "a Django debug page"],
  [/Werkzeug Debugger|The debugger caught an exception in your WSGI application/, "a Werkzeug debugger page"],
  [/Action Controller: Exception caught|Rails\.root: /, "a Rails error page"],
  [/Whoops! There was an error|Illuminate\\[A-Z][A-Za-z]+\\|window\.ignite\b|"ignition"/, "a Laravel (Ignition) error page"],
  [/Whitelabel Error Page/, "a Spring Whitelabel error page"],
  [/Server Error in '[^']*' Application|An unhandled exception occurred while processing the request/, "an ASP.NET error page"],
];

/** What a response body gives away about the code behind it: stack traces, debug pages. */
export function debugLeaks(body: string): string[] {
  if (!body) return [];
  const forms = [`\n${body}`, `\n${fromJson(body)}`];
  if (/[<&]/.test(body)) forms.push(`\n${fromHtml(body)}`, `\n${fromHtml(fromJson(body))}`);
  const found = SIGNATURES.filter(([re]) => forms.some((f) => re.test(f))).map(([, what]) => what);
  // Name the page when it is Express's own (finalhandler's, sent whenever NODE_ENV is not production).
  if (found.includes("a stack trace") && /<title>Error<\/title>[\s\S]*<pre>/i.test(body)) return found.map((w) => (w === "a stack trace" ? "a stack trace (Express's default error page)" : w));
  return found;
}
