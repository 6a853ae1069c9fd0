import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// CSRF origin checks stay on (SvelteKit default): forms only post from our own origin.
		csrf: { trustedOrigins: [] },
		// SvelteKit adds a nonce (or a hash) for its inline bootstrap script. Styles stay 'unsafe-inline': components
		// set style attributes (charts, progress bars) that nonces cannot cover. blob: audio is a recording played
		// back before it is sent.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		},
		alias: { $content: './content' }
	}
};

export default config;
