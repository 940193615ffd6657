"""ADR 0078, step 2: each word of the corpus's Russian records glossed into English: its lemma from hunspell-ru's
affix rules (Debian's hunspell-ru), then the lemma (or, for a perfective verb missing from the dictionary, its
imperfective partner) looked up in TestResults/gloss/ru-en.tsv. Writes TestResults/gloss/tokens.tsv.
Run invert_mueller.py first. Needs: apt-get install mueller7-dict hunspell-ru."""
import collections, glob, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', '..', 'TestResults', 'gloss')
# corpus vocabulary (Russian records)
vocab = set()
for p in glob.glob(os.path.join(HERE, '..', 'records', 'ru-*.txt')):
    for t in re.findall(r'[а-яёА-ЯЁ]+', open(p, encoding='utf-8').read()):
        vocab.add(t.lower().replace('ё', 'е'))
print('vocab', len(vocab))
# affix rules
rules = collections.defaultdict(list)
lines = open('/usr/share/hunspell/ru_RU.aff', encoding='utf-8').read().split('\n')
for l in lines:
    parts = l.split()
    if len(parts) >= 5 and parts[0] == 'SFX':
        flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
        strip = '' if strip == '0' else strip
        add = '' if add == '0' else add.split('/')[0]
        rules[flag].append((strip, add, re.compile('(?:' + cond + ')$')))
form2lemma = collections.defaultdict(set)
for l in open('/usr/share/hunspell/ru_RU.dic', encoding='utf-8').read().split('\n')[1:]:
    if not l: continue
    word, _, flags = l.partition('/')
    w = word.lower().replace('ё', 'е')
    if w in vocab: form2lemma[w].add(w)
    for f in flags:
        for strip, add, cond in rules.get(f, ()):
            if cond.search(w) and w.endswith(strip):
                form = (w[:len(w)-len(strip)] if strip else w) + add
                if form in vocab: form2lemma[form].add(w)
print('covered', len(form2lemma), 'of', len(vocab))
# Mueller ru -> en
ru_en = {}
for line in open(os.path.join(OUT, 'ru-en.tsv'), encoding='utf-8'):
    w, en, sc = line.rstrip('\n').split('\t')
    w = w.replace('ё', 'е'); sc = float(sc)
    if w not in ru_en or ru_en[w][0] < sc: ru_en[w] = (sc, en)
def aspect(lemma):
    # perfective -> imperfective guesses: -ить -> -ать/-ять/-ивать/-ывать, -ться likewise
    refl = lemma.endswith('ся') or lemma.endswith('сь')
    base = lemma[:-2] if refl else lemma
    out = []
    if base.endswith('ить'):
        s = base[:-3]
        out += [s + 'ать', s + 'ять', s + 'ивать', s + 'ывать', s + 'ять']
    if base.endswith('ать') or base.endswith('ять'):
        s = base[:-3]
        out += [s + 'ивать', s + 'ывать', s + 'ить']
    if base.endswith('еть'):
        s = base[:-3]
        out += [s + 'евать', s + 'ивать']
    # drop a perfective prefix
    for p in ('по', 'вы', 'за', 'на', 'про', 'с', 'у', 'о', 'при', 'от', 'до', 'под', 'раз', 'рас'):
        if base.startswith(p) and len(base) > len(p) + 3: out.append(base[len(p):])
    return [o + ('ся' if refl else '') for o in out] + out
found = 0
with open(os.path.join(OUT, 'tokens.tsv'), 'w', encoding='utf-8') as f:
    for t in sorted(vocab):
        best = None
        # Every reading is weighed: a lemma's own entry at its score, an aspect partner's at half (sorted: the same file every run).
        cands = sorted(form2lemma.get(t, ())) or [t]
        for lemma in cands:
            for key in [lemma] + aspect(lemma):
                if key in ru_en:
                    sc, en = ru_en[key]
                    if key != lemma: sc *= 0.5
                    if best is None or sc > best[0]: best = (sc, en)
        if best: found += 1; f.write(f'{t}\t{best[1]}\n')
print('glossed', found)
