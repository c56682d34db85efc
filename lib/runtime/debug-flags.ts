// Debug switches across the usual frameworks, as environment variables. One definition for the
// config schema (staging and prod refuse them) and the no-debug-mode policy.

const TRUTHY = /^(1|true|yes|on|y)$/i;

/** Why this variable puts the app in debug or development mode, or undefined. */
export function debugFlagProblem(name: string, value: unknown): string | undefined {
  const v = String(value ?? "").trim();
  switch (name) {
    case "DEBUG":
    case "APP_DEBUG":
    case "FLASK_DEBUG":
    case "DJANGO_DEBUG":
      return TRUTHY.test(v) || (name === "DEBUG" && v !== "" && !/^(0|false|no|off|n)$/i.test(v)) ? `${name}=${v} turns debug mode on` : undefined;
    case "NODE_ENV":
      return v !== "production" ? `NODE_ENV is ${JSON.stringify(v)}, not "production"` : undefined;
    case "RAILS_ENV":
    case "RACK_ENV":
      return v === "development" ? `${name}=development runs the development configuration` : undefined;
    case "ASPNETCORE_ENVIRONMENT":
      return v === "Development" ? "ASPNETCORE_ENVIRONMENT=Development shows the developer exception page" : undefined;
    default:
      return undefined;
  }
}
