// A fake feature-extraction pipeline for unit tests: a text's vector counts the words
// "guitar", "money" and "food" in it (plus a constant), and every call is recorded.

export function fakeEmbedder() {
  const calls: string[][] = [];
  const count = (text: string, word: string) => text.toLowerCase().split(/\W+/).filter((w) => w === word).length;
  const embed = async (texts: string[]) => {
    calls.push(texts);
    return { tolist: () => texts.map((t) => [count(t, 'guitar'), count(t, 'money'), count(t, 'food'), 0.1]) };
  };
  return Object.assign(embed, { calls });
}
