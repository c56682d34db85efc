import { generateRepo } from "./generated-repo";
generateRepo(Number(process.argv[2]), 42_000, 100).then((r) => console.log(r.dir, r.planted));
