import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import Koa from "koa";
import { afterAll, describe, expect, it } from "vitest";
import { debugLeaks } from "../lib/verify/error-pages";

// The stack-trace and debug-page detector on what frameworks really print: Express's, Koa's and
// Next.js's genuine pages from the packages themselves, and faithful samples of the frameworks
// npm cannot run (Django, Werkzeug, Rails, Laravel, Spring, ASP.NET, PHP).

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

async function listen(handler: Parameters<typeof import("node:http").createServer>[1] | express.Express): Promise<number> {
  const server = (handler as express.Express).listen ? (handler as express.Express).listen(0, "127.0.0.1") : require("node:http").createServer(handler).listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((r) => server.once("listening", r));
  return (server.address() as AddressInfo).port;
}

function send(port: number, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: body ? { "content-type": "application/json" } : {} }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

// "test" renders the same page as "development" (any env but production shows the stack), without
// finalhandler also logging each error to the test output.
function expressApp(env: "test" | "production"): express.Express {
  const app = express();
  app.set("env", env);
  app.use(express.json());
  app.post("/api/posts", (_req, res) => void res.status(201).json({ id: "1" }));
  app.get("/boom", () => {
    throw new Error("database unreachable");
  });
  return app;
}

describe("genuine framework pages", () => {
  it("Express 5 in development: malformed JSON and a thrown error show the stack, HTML-escaped", async () => {
    const port = await listen(expressApp("test"));
    const bad = await send(port, "POST", "/api/posts", "{bad");
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("<br> &nbsp; &nbsp;at ");
    expect(debugLeaks(bad.body)).toEqual(["a stack trace (Express's default error page)"]);
    const thrown = await send(port, "GET", "/boom");
    expect(thrown.status).toBe(500);
    expect(debugLeaks(thrown.body)).toEqual(["a stack trace (Express's default error page)"]);
  });

  it("Express 5 in production, and Koa 3 by default, show no stack: not a finding", async () => {
    const port = await listen(expressApp("production"));
    expect(debugLeaks((await send(port, "POST", "/api/posts", "{bad")).body)).toEqual([]);
    expect(debugLeaks((await send(port, "GET", "/boom")).body)).toEqual([]);
    const koa = new Koa();
    koa.silent = true;
    koa.use(async (ctx) => {
      if (ctx.path === "/boom") throw new Error("database unreachable");
      ctx.body = "ok";
    });
    const kport = await listen(koa.callback());
    const page = await send(kport, "GET", "/boom");
    expect(page).toEqual({ status: 500, body: "Internal Server Error" });
    expect(debugLeaks(page.body)).toEqual([]);
  });

  it("a JSON error body with the stack escaped inside, as an Express app's own handler sends it", async () => {
    const app = express();
    app.set("env", "test");
    app.get("/boom", () => {
      throw new Error("boom");
    });
    app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(500).json({ error: err.message, stack: err.stack }));
    const port = await listen(app);
    expect(debugLeaks((await send(port, "GET", "/boom")).body)).toEqual(["a stack trace"]);
  });
});

describe("Next.js's genuine development page", () => {
  it("carries the server's stack JSON-escaped in its page data: found", async () => {
    // Next's telemetry would phone home: off before Next loads.
    process.env.NEXT_TELEMETRY_DISABLED = "1";
    // Next is CommonJS: its factory is module.exports.default, which ESM interop may or may not
    // unwrap once; take it from either place.
    type NextFactory = (o: { dev: boolean; dir: string; quiet: boolean }) => { prepare(): Promise<void>; getRequestHandler(): (req: unknown, res: unknown) => Promise<void>; close(): Promise<void> };
    const loaded = (await import("next")) as unknown as { default: NextFactory | { default: NextFactory } };
    const next = typeof loaded.default === "function" ? loaded.default : loaded.default.default;
    const app = next({ dev: true, dir: join(__dirname, "fixtures", "next-app"), quiet: true });
    await app.prepare();
    try {
      const handle = app.getRequestHandler();
      const port = await listen((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void handle(req, res));
      const page = await send(port, "GET", "/boom");
      expect(page.status).toBe(500);
      expect(page.body).toContain('"err":{"name":"Error","source":"server","message":"database unreachable","stack":"Error: database unreachable\\n    at getServerSideProps');
      expect(debugLeaks(page.body)).toEqual(["a stack trace"]);
    } finally {
      await app.close();
    }
  }, 60_000);
});

// Faithful samples: the markers each framework's page carries, in the markup it uses.
const SAMPLES: Array<[string, string, string[]]> = [
  ["Django's technical 500 page", `<!DOCTYPE html><html lang="en"><head><title>ZeroDivisionError at /api/posts</title></head><body><div id="summary"><h1>ZeroDivisionError at /api/posts</h1><pre class="exception_value">division by zero</pre></div><div id="traceback"><h2>Traceback <span class="commands">Switch to copy-and-paste view</span></h2><textarea id="traceback_area">Traceback (most recent call last):\n  File "/srv/app/views.py", line 12, in index\n    return 1 / 0\n</textarea></div><div id="explanation"><p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></div></body></html>`, ["a Python traceback", "a Django debug page"]],
  ["Django's debug 404 page", `<html><body><h1>Page not found <span>(404)</span></h1><p>Using the URLconf defined in <code>community.urls</code>, Django tried these URL patterns, in this order:</p></body></html>`, ["a Django debug page"]],
  ["the Werkzeug debugger", `<!doctype html><html><head><title>ZeroDivisionError: division by zero // Werkzeug Debugger</title></head><body><div class="debugger"><h1>ZeroDivisionError</h1><div class="traceback"><h3>Traceback <em>(most recent call last)</em></h3></div><div class="explanation">The debugger caught an exception in your WSGI application.</div></div></body></html>`, ["a Python traceback", "a Werkzeug debugger page"]],
  ["Rails' development error page", `<!DOCTYPE html><html><head><title>Action Controller: Exception caught</title></head><body><header><h1>NoMethodError in PostsController#show</h1></header><div id="container"><p><code>Rails.root: /srv/app</code></p><div id="Application-Trace"><pre><code>app/controllers/posts_controller.rb:7:in \`show'</code></pre></div></div></body></html>`, ["a Rails error page"]],
  ["Laravel's Ignition page", `<!doctype html><html><head><title>Division by zero</title><script>window.ignite = window.ignite || {};</script></head><body><div>DivisionByZeroError</div><div>Illuminate\\Routing\\Controller->callAction()</div></body></html>`, ["a Laravel (Ignition) error page"]],
  ["Spring's Whitelabel page with the trace", `<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div>There was an unexpected error (type=Internal Server Error, status=500).</div><div style='white-space:pre-wrap;'>java.lang.ArithmeticException: / by zero\n\tat com.example.community.PostController.show(PostController.java:27)\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n</div></body></html>`, ["a Java stack trace", "a Spring Whitelabel error page"]],
  ["ASP.NET's error page", `<html><head><title>Attempted to divide by zero.</title></head><body><h1>Server Error in '/' Application.<hr width=100% size=1 color=silver></h1><h2><i>Attempted to divide by zero.</i></h2><b>Stack Trace:</b><pre>[DivideByZeroException: Attempted to divide by zero.]\n   Community.Controllers.PostsController.Show(Int32 id) in C:\\src\\Community\\Controllers\\PostsController.cs:line 27\n</pre></body></html>`, ["an ASP.NET error page"]],
  ["ASP.NET Core's developer exception page", `<!DOCTYPE html><html><body><h1>An unhandled exception occurred while processing the request.</h1><div class="titleerror">DivideByZeroException: Attempted to divide by zero.</div><pre>   at Community.Controllers.PostsController.Show(Int32 id) in /src/Controllers/PostsController.cs:line 27</pre></body></html>`, ["a .NET stack trace", "an ASP.NET error page"]],
  ["PHP's fatal error", `<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function db()\n in /var/www/html/api/posts.php on line 12<br />`, ["a PHP error with its file path"]],
];

const CLEAN: Array<[string, string]> = [
  ["a JSON error without a stack", '{"error":"malformed JSON"}'],
  ["a blog post about Laravel and Django", "<html><body><h1>Why we moved from Laravel to Django</h1><p>We looked at the debug page at last.</p></body></html>"],
  ["Express's production page", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>Bad Request</pre>\n</body>\n</html>\n"],
  ["prose with 'at' and numbers", "<p>Meet us at 10:30 at the office.\n  at noon: lunch (room 4:2:1)</p>"],
];

describe("faithful samples of the other frameworks", () => {
  it.each(SAMPLES)("%s", (_, body, expected) => expect(debugLeaks(body)).toEqual(expected));
  it.each(CLEAN)("stays quiet on %s", (_, body) => expect(debugLeaks(body)).toEqual([]));
});
