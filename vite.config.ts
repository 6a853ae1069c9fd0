import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Under Vitest the plugin's watcher keeps the run from exiting; `npm run i18n` compiles the messages instead.
		!process.env.VITEST &&
			paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// Indonesian unless the person chose otherwise: phones here are often set to English.
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit()
	],
	server: { fs: { allow: ['content'] } },
	// PGlite finds its WASM and extension bundles next to its own files: keep Vite from moving it.
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	ssr: { external: ['@electric-sql/pglite'] },
	// SvelteKit's own adapter step dominates build time; the timing report only adds noise to every start.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.test.ts', 'tests/db/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// PGlite instances are heavy; one file at a time keeps memory flat on a 2-core machine.
		fileParallelism: false,
		server: { deps: { external: [/@electric-sql\/pglite/] } }
	}
});
