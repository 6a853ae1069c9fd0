// Shows the furigana the content build will render: npx tsx scripts/furigana-preview.ts "文" ["文" …]
import { createFurigana } from '../src/lib/server/content/furigana';

const furigana = await createFurigana();
for (const sentence of process.argv.slice(2)) {
	const segments = await furigana(sentence);
	console.log(segments.map((s) => (s.reading ? `${s.text}【${s.reading}】` : s.text)).join(''));
}
