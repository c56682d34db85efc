// Paths whose responses belong to one user: the edge must never cache them, whatever their
// extension (web cache deception: `/api/me/x.css` looks static, and a careless rule would store
// the account page under it for the next visitor).

export const PRIVATE_PATH_PREFIXES = ["/api/", "/auth/", "/account", "/login", "/logout", "/settings", "/admin"] as const;

/** The cache rule's expression: any request under a private prefix. */
export function privatePathsExpression(prefixes: readonly string[] = PRIVATE_PATH_PREFIXES): string {
  return prefixes.map((p) => `starts_with(http.request.uri.path, "${p}")`).join(" or ");
}
