import type { LaunchPolicy } from "./rule";
import { zoneAlwaysUseHttps } from "./rules/zone-always-use-https";
import { zoneDevelopmentModeOff } from "./rules/zone-development-mode-off";
import { zoneHsts } from "./rules/zone-hsts";
import { zoneMinTlsVersion } from "./rules/zone-min-tls-version";
import { zoneSslStrict } from "./rules/zone-ssl-strict";

/** The exact array handed to `new PolicyPack`; importing it starts no server. */
export const policies: LaunchPolicy[] = [zoneSslStrict, zoneAlwaysUseHttps, zoneMinTlsVersion, zoneHsts, zoneDevelopmentModeOff];
