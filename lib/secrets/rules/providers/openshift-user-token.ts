import type { FormatRule } from "../types";

// OpenShift OAuth access tokens for users: `sha256~` and 43 base64url characters.

export const OpenshiftUserToken: FormatRule = {
  id: "openshift-user-token",
  description: "an OpenShift user access token",
  keywords: ["sha256~"],
  pattern: /(?<![\w~-])(sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  sources: [
    "https://docs.redhat.com/en/documentation/openshift_container_platform/4.14/html/authentication_and_authorization/managing-oauth-access-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (openshift-user-token)",
  ],
};
