import type { FormatRule, NamedRule } from "./types";

// Payments and commerce: Stripe, Square, Braintree, PayPal, Shopify.

export const PAYMENT_FORMATS: readonly FormatRule[] = [
  { id: "stripe-secret-key", description: "a Stripe secret or restricted key", keywords: ["sk_live_", "sk_test_", "rk_live_", "rk_test_"], pattern: /\b((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,})\b/, minEntropy: 3 },
  { id: "stripe-webhook-secret", description: "a Stripe webhook signing secret", keywords: ["whsec_"], pattern: /\b(whsec_[A-Za-z0-9+/]{32,})/, minEntropy: 3 },
  { id: "square-access-token", description: "a Square access token", keywords: ["eaaa", "sq0atp-"], pattern: /\b(EAAA[A-Za-z0-9_+=-]{60}|sq0atp-[0-9A-Za-z_-]{22})(?![A-Za-z0-9_+=-])/, minEntropy: 3 },
  { id: "square-oauth-secret", description: "a Square OAuth application secret", keywords: ["sq0csp-"], pattern: /\b(sq0csp-[0-9A-Za-z_-]{43})(?![0-9A-Za-z_-])/, minEntropy: 3 },
  { id: "braintree-access-token", description: "a Braintree (PayPal) access token", keywords: ["access_token$"], pattern: /\b(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b/, minEntropy: 3 },
  { id: "shopify-token", description: "a Shopify access token", keywords: ["shpat_", "shpca_", "shppa_", "shpss_"], pattern: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/, minEntropy: 3 },
];

export const PAYMENT_NAMED: readonly NamedRule[] = [
  // PayPal client ids are public; only the secret beside them is a credential.
  { id: "paypal-client-secret", description: "a PayPal REST client secret", name: /paypal.*secret/i, value: /^[A-Za-z0-9_-]{80}$/, minEntropy: 4 },
  { id: "braintree-private-key", description: "a Braintree private key", name: /braintree.*private/i, value: /^[0-9a-f]{32}$/, minEntropy: 3 },
];
