/** The device's Japanese voices now and whenever the list changes (it fills in late on Chrome); returns a stop. */
export function watchJapaneseVoices(onchange: (voices: SpeechSynthesisVoice[]) => void): () => void {
	if (!('speechSynthesis' in window)) {
		onchange([]);
		return () => {};
	}
	const pick = () => onchange(speechSynthesis.getVoices().filter((v) => v.lang.replace('_', '-').toLowerCase().startsWith('ja')));
	pick();
	speechSynthesis.addEventListener('voiceschanged', pick);
	return () => speechSynthesis.removeEventListener('voiceschanged', pick);
}
