import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Row-level security is the boundary: only these named modules may work as the database owner.
const ALLOWED = [
	'src/lib/server/auth/local.ts',
	'src/lib/server/auth/sign-in.ts',
	'src/lib/server/auth/supabase.ts',
	'src/lib/server/demo/seed.ts',
	'src/lib/server/content/load.ts',
	'src/lib/server/study/schedules.ts',
	'src/lib/server/mock-tests/attempts.ts',
	'src/lib/server/study/optimizer.ts',
	'src/lib/server/ministry/readiness-job.ts'
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(full);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
	});
}

describe('service access', () => {
	it('is imported only by the named server modules', () => {
		const importers = sourceFiles('src')
			.filter((file) => /from ['"][^'"]*db\/service['"]/.test(readFileSync(file, 'utf8')))
			.map((file) => relative('.', file));
		expect(importers.filter((file) => !ALLOWED.includes(file))).toEqual([]);
		expect(importers.length).toBeGreaterThan(0);
	});
});
