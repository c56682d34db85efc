import type { FormatRule } from "../types";

// The SECRET_KEY `django-admin startproject` writes into settings.py: `django-insecure-` and 50
// characters from get_random_secret_key()'s alphabet. The prefix says it was never replaced, and
// whoever holds it can forge sessions, password-reset links and signed cookies.

export const DjangoGeneratedSecretKey: FormatRule = {
  id: "django-generated-secret-key",
  description: "a Django SECRET_KEY as startproject generated it",
  keywords: ["django-insecure-"],
  pattern: /\b(django-insecure-[a-z0-9!@#$%^&*(\-_=+)]{50})(?![a-z0-9!@#$%^&*(\-_=+)])/,
  minEntropy: 3.5,
  sources: [
    "https://docs.djangoproject.com/en/5.1/ref/settings/#std-setting-SECRET_KEY",
    "https://github.com/django/django/blob/main/django/core/management/utils.py",
  ],
};
