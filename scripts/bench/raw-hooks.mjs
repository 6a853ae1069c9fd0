// Node module hooks for the bench process: Vite's `?raw` imports (a file's text as the default export), which the
// server code uses (src/lib/server/study/optimizer.ts) and tsx does not understand. Registered by scripts/bench.ts.
import { readFile } from 'node:fs/promises';

export async function resolve(specifier, context, next) {
	if (!specifier.endsWith('?raw')) return next(specifier, context);
	const resolved = await next(specifier.slice(0, -'?raw'.length), context);
	return { url: `${resolved.url}?raw`, format: 'module', shortCircuit: true };
}

export async function load(url, context, next) {
	if (!url.endsWith('?raw')) return next(url, context);
	const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
	return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
