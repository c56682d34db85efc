// One dynamic redirect sends every alias host (www) to the canonical host, keeping path and query,
// with a permanent status so browsers and crawlers settle on one origin.

export interface RedirectRuleSpec {
  readonly ref: string;
  readonly description: string;
  readonly expression: string;
  readonly action: "redirect";
  readonly actionParameters: {
    readonly fromValue: {
      readonly statusCode: 301;
      readonly preserveQueryString: true;
      readonly targetUrl: { readonly expression: string };
    };
  };
}

export function canonicalRedirectRule(from: readonly string[], to: string): RedirectRuleSpec {
  const hosts = from.map((h) => JSON.stringify(h)).join(" ");
  return {
    ref: "canonical_host",
    description: `Redirect ${from.join(", ")} to https://${to}`,
    expression: `(http.host in {${hosts}})`,
    action: "redirect",
    actionParameters: {
      fromValue: {
        statusCode: 301,
        preserveQueryString: true,
        targetUrl: { expression: `concat("https://${to}", http.request.uri.path)` },
      },
    },
  };
}
