// The zone settings that make transport security non-negotiable, as the Cloudflare API names them
// (snake_case ids and nested keys: camelCase inside `value` drifts forever, pulumi-cloudflare#1579).

export interface HstsSettings {
  /** Seconds browsers keep to HTTPS-only; Cloudflare's maximum is one year. */
  readonly maxAgeSeconds: number;
  /** Also pin every subdomain to HTTPS. Default false: hard to undo. */
  readonly includeSubdomains?: boolean;
  /** Ask to be preloaded into browsers. Default false: removal takes months. */
  readonly preload?: boolean;
}

export interface ZoneSettingSpec {
  /** Resource-name fragment. */
  readonly role: string;
  readonly settingId: string;
  readonly value: unknown;
}

export const SSL_AUTOMATIC_MODE = "ssl_automatic_mode";

export function transportSettings(opts: { minTlsVersion: "1.2" | "1.3"; hsts: HstsSettings }): ZoneSettingSpec[] {
  return [
    // New zones start in automatic mode, which may lower the mode on its own: opt out first.
    { role: "ssl-automatic-mode", settingId: SSL_AUTOMATIC_MODE, value: "custom" },
    { role: "ssl", settingId: "ssl", value: "strict" },
    { role: "always-use-https", settingId: "always_use_https", value: "on" },
    { role: "min-tls-version", settingId: "min_tls_version", value: opts.minTlsVersion },
    { role: "tls-1-3", settingId: "tls_1_3", value: "on" },
    { role: "automatic-https-rewrites", settingId: "automatic_https_rewrites", value: "on" },
    { role: "development-mode", settingId: "development_mode", value: "off" },
    {
      role: "hsts",
      settingId: "security_header",
      value: {
        strict_transport_security: {
          enabled: true,
          max_age: opts.hsts.maxAgeSeconds,
          include_subdomains: opts.hsts.includeSubdomains ?? false,
          preload: opts.hsts.preload ?? false,
          nosniff: true,
        },
      },
    },
  ];
}
