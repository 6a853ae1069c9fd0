// `npm run content:build`: validates every file in content/ (schema, ids, tags, references, kana readings,
// EDICT), renders furigana with kuroshiro, fails on a known misreading, writes content/.build/curriculum.json
// and loads it into the database (DATABASE_URL, else PGlite in DATA_DIR) idempotently. Nothing is written or
// loaded from a failing build. `--no-load` stops after writing the file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { EDICT_PATH, loadEdict } from '../src/lib/server/content/edict';
import { validateContent } from '../src/lib/server/content/validate';
import { compileCurriculum } from '../src/lib/server/content/compile';
import { createFurigana, type KnownMisreading } from '../src/lib/server/content/furigana';
import { COMPILED_PATH, loadBuiltCurriculum } from '../src/lib/server/content/load';
import { summaryTable } from '../src/lib/server/content/summary';
import { closeEngine } from '../src/lib/server/db/connection';
import type { Problem } from '../src/lib/server/content/files';

const started = Date.now();
const report = (problems: Problem[]) => {
	for (const p of problems) console.error(`✗ ${p.file}${p.item ? ` [${p.item}]` : ''}: ${p.message}`);
	console.error(`\nContent build failed: ${problems.length} problem(s). Nothing was loaded.`);
	process.exit(1);
};

const edict = loadEdict();
console.log(edict ? `EDICT check: ran against ${EDICT_PATH}` : `EDICT check: SKIPPED (${EDICT_PATH} not found; install Debian's edict package)`);
if (!edict && process.env.CI) {
	console.error('In CI the EDICT check must run: .ci/run installs the edict package.');
	process.exit(1);
}
const { curriculum, problems } = validateContent(process.env.CONTENT_DIR ?? 'content', edict);
if (problems.length > 0) report(problems);

const known = parse(readFileSync(`${process.env.CONTENT_DIR ?? 'content'}/known-misreadings.yaml`, 'utf8')) as KnownMisreading[];
const { compiled, problems: furiganaProblems } = await compileCurriculum(curriculum, await createFurigana(), known);
if (furiganaProblems.length > 0) report(furiganaProblems);

mkdirSync(dirname(COMPILED_PATH), { recursive: true });
writeFileSync(COMPILED_PATH, JSON.stringify(compiled));
console.log(summaryTable(curriculum));
if (!process.argv.includes('--no-load')) {
	const result = await loadBuiltCurriculum();
	await closeEngine();
	console.log(result === 'loaded' ? `Loaded content build ${compiled.hash}.` : `Content build ${compiled.hash} was already loaded.`);
}
console.log(`Content build ${compiled.hash}: 0 errors, ${((Date.now() - started) / 1000).toFixed(1)} s.`);
