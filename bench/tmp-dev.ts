import { isHeldOut, loadCorpus } from "./independent-corpus";
import { scanText } from "../lib/secrets/detector";
for (const c of loadCorpus().cases) if (!isHeldOut(c) && c.secret && scanText(c.text).length === 0) console.log(`[${c.source} ${c.rule}]`, c.text.slice(0, 200).replace(/\n/g, "⏎"));
