import { scanHistory } from "../lib/secrets/history";
scanHistory(process.argv[2]).then((r) => console.log(r.findings.slice(0, 3)));
