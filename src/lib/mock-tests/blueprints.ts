// The tests trainees sit, as the real ones are built. JLPT: the format in force since December 2020 (times
// and the question count per mondai from the JLPT guideline); JFT-Basic-style and caregiving-Japanese-style:
// the real tests' sections and length, our own items.

export const testTypes = ['jlpt_n5', 'jlpt_n4', 'jft_basic', 'caregiving_japanese'] as const;
export type TestType = (typeof testTypes)[number];

export interface MondaiSpec {
	/** Stable id used by item files, e.g. kanji_yomi. */
	id: string;
	/** The name on the real paper. */
	name: string;
	count: number;
}

export interface SectionSpec {
	id: string;
	name: string;
	minutes: number;
	mondai: MondaiSpec[];
	/** Sections whose items share one scaled score (JLPT: vocabulary + grammar/reading → 言語知識・読解). */
	scoredAs: string;
	listening?: boolean;
}

export interface ScaleSpec {
	id: string;
	name: string;
	min: number;
	max: number;
	/** Sectional minimum (基準点); failing it fails the test whatever the total. */
	minimum: number | null;
	/** Reported as the count of right answers (the caregiving test), not a scaled score. */
	raw?: boolean;
}

export interface Blueprint {
	test: TestType;
	name: string;
	sections: SectionSpec[];
	scales: ScaleSpec[];
	total: { min: number; max: number; pass: number };
}

const jlptScales: ScaleSpec[] = [
	{ id: 'language_reading', name: '言語知識（文字・語彙・文法）・読解', min: 0, max: 120, minimum: 38 },
	{ id: 'listening', name: '聴解', min: 0, max: 60, minimum: 19 }
];

export const blueprints: Record<TestType, Blueprint> = {
	jlpt_n5: {
		test: 'jlpt_n5',
		name: 'JLPT N5',
		sections: [
			{
				id: 'vocabulary',
				name: '言語知識（文字・語彙）',
				minutes: 20,
				scoredAs: 'language_reading',
				mondai: [
					{ id: 'kanji_yomi', name: '漢字読み', count: 7 },
					{ id: 'hyouki', name: '表記', count: 5 },
					{ id: 'bunmyaku_kitei', name: '文脈規定', count: 6 },
					{ id: 'iikae_ruigi', name: '言い換え類義', count: 3 }
				]
			},
			{
				id: 'grammar_reading',
				name: '言語知識（文法）・読解',
				minutes: 40,
				scoredAs: 'language_reading',
				mondai: [
					{ id: 'bunpou_keishiki', name: '文法形式の判断', count: 9 },
					{ id: 'bun_kumitate', name: '文の組み立て', count: 4 },
					{ id: 'bunshou_bunpou', name: '文章の文法', count: 4 },
					{ id: 'naiyou_tanbun', name: '内容理解（短文）', count: 2 },
					{ id: 'naiyou_chuubun', name: '内容理解（中文）', count: 2 },
					{ id: 'jouhou_kensaku', name: '情報検索', count: 1 }
				]
			},
			{
				id: 'listening',
				name: '聴解',
				minutes: 30,
				scoredAs: 'listening',
				listening: true,
				mondai: [
					{ id: 'kadai_rikai', name: '課題理解', count: 7 },
					{ id: 'point_rikai', name: 'ポイント理解', count: 6 },
					{ id: 'hatsuwa_hyougen', name: '発話表現', count: 5 },
					{ id: 'sokuji_outou', name: '即時応答', count: 6 }
				]
			}
		],
		scales: jlptScales,
		total: { min: 0, max: 180, pass: 80 }
	},
	jlpt_n4: {
		test: 'jlpt_n4',
		name: 'JLPT N4',
		sections: [
			{
				id: 'vocabulary',
				name: '言語知識（文字・語彙）',
				minutes: 25,
				scoredAs: 'language_reading',
				mondai: [
					{ id: 'kanji_yomi', name: '漢字読み', count: 7 },
					{ id: 'hyouki', name: '表記', count: 5 },
					{ id: 'bunmyaku_kitei', name: '文脈規定', count: 8 },
					{ id: 'iikae_ruigi', name: '言い換え類義', count: 4 },
					{ id: 'youhou', name: '用法', count: 4 }
				]
			},
			{
				id: 'grammar_reading',
				name: '言語知識（文法）・読解',
				minutes: 55,
				scoredAs: 'language_reading',
				mondai: [
					{ id: 'bunpou_keishiki', name: '文法形式の判断', count: 13 },
					{ id: 'bun_kumitate', name: '文の組み立て', count: 4 },
					{ id: 'bunshou_bunpou', name: '文章の文法', count: 4 },
					{ id: 'naiyou_tanbun', name: '内容理解（短文）', count: 3 },
					{ id: 'naiyou_chuubun', name: '内容理解（中文）', count: 3 },
					{ id: 'jouhou_kensaku', name: '情報検索', count: 2 }
				]
			},
			{
				id: 'listening',
				name: '聴解',
				minutes: 35,
				scoredAs: 'listening',
				listening: true,
				mondai: [
					{ id: 'kadai_rikai', name: '課題理解', count: 8 },
					{ id: 'point_rikai', name: 'ポイント理解', count: 7 },
					{ id: 'hatsuwa_hyougen', name: '発話表現', count: 5 },
					{ id: 'sokuji_outou', name: '即時応答', count: 8 }
				]
			}
		],
		scales: jlptScales,
		total: { min: 0, max: 180, pass: 90 }
	},
	jft_basic: {
		test: 'jft_basic',
		name: 'JFT-Basic-style',
		// The real test is 60 minutes in all; here each section keeps its own share of them.
		sections: [
			{
				id: 'script_vocabulary',
				name: '文字と語彙',
				minutes: 15,
				scoredAs: 'total',
				mondai: [
					{ id: 'kanji_reading', name: '漢字の読み', count: 4 },
					{ id: 'kanji_usage', name: '漢字の表記と意味', count: 4 },
					{ id: 'vocabulary', name: '語彙', count: 4 }
				]
			},
			{
				id: 'conversation_expression',
				name: '会話と表現',
				minutes: 15,
				scoredAs: 'total',
				mondai: [
					{ id: 'grammar', name: '文法', count: 6 },
					{ id: 'expression', name: '会話の表現', count: 6 }
				]
			},
			{
				id: 'listening',
				name: '聴解',
				minutes: 15,
				scoredAs: 'total',
				listening: true,
				mondai: [
					{ id: 'conversation', name: '会話の聴解', count: 6 },
					{ id: 'announcement', name: 'アナウンス・説明の聴解', count: 6 }
				]
			},
			{
				id: 'reading',
				name: '読解',
				minutes: 15,
				scoredAs: 'total',
				mondai: [
					{ id: 'short_text', name: '短い文章', count: 6 },
					{ id: 'information', name: '情報の読み取り', count: 6 }
				]
			}
		],
		scales: [{ id: 'total', name: 'JFT-Basic', min: 10, max: 250, minimum: null }],
		total: { min: 10, max: 250, pass: 200 }
	},
	caregiving_japanese: {
		test: 'caregiving_japanese',
		name: '介護日本語評価試験（模擬）',
		sections: [
			{
				id: 'kaigo_words',
				name: '介護のことば',
				minutes: 10,
				scoredAs: 'total',
				mondai: [{ id: 'kaigo_kotoba', name: '介護のことば', count: 5 }]
			},
			{
				id: 'kaigo_conversation',
				name: '介護の会話・声かけ',
				minutes: 10,
				scoredAs: 'total',
				mondai: [{ id: 'kaigo_kaiwa', name: '介護の会話・声かけ', count: 5 }]
			},
			{
				id: 'kaigo_documents',
				name: '介護の文書',
				minutes: 10,
				scoredAs: 'total',
				mondai: [{ id: 'kaigo_bunsho', name: '介護の文書', count: 5 }]
			}
		],
		// The real test counts raw answers; a pass is 60% of them.
		scales: [{ id: 'total', name: '正答数', min: 0, max: 15, minimum: null, raw: true }],
		total: { min: 0, max: 15, pass: 9 }
	}
};

export const FORMS_PER_TEST = 3;

export function itemsPerForm(blueprint: Blueprint): number {
	return blueprint.sections.reduce((sum, s) => sum + s.mondai.reduce((n, m) => n + m.count, 0), 0);
}
