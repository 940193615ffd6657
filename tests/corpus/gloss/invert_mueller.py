"""ADR 0078, step 1: the Mueller English-Russian dictionary (Debian's mueller7-dict, GPL-2+) read backwards: for each
Russian word of a translation, the English headword it best stands for (an early sense of a long entry wins).
Writes TestResults/gloss/ru-en.tsv (not committed: it is derived from GPL data)."""
import collections, gzip, os, re

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'TestResults', 'gloss')
os.makedirs(OUT, exist_ok=True)
text = gzip.open('/usr/share/dictd/mueller7.dict.dz', 'rt', encoding='utf-8').read().split('\n')
entries = []
head = None; body = []
for line in text:
    if line and not line[0].isspace():
        if head is not None: entries.append((head, body))
        head = line.strip(); body = []
    else:
        body.append(line)
if head is not None: entries.append((head, body))
cyr = re.compile(r'[а-яё]+', re.I)
out = collections.defaultdict(lambda: (0.0, None))
pairs = 0
for head, body in entries:
    if not re.fullmatch(r'[a-z]+', head): continue
    size = sum(len(l) for l in body)
    rank = 0
    for line in body:
        s = line.strip()
        s = re.sub(r'\[[^\]]*\]', ' ', s)           # phonetics
        s = re.sub(r'^(_[IVX]+\s*)', '', s)
        s = re.sub(r'^(\d+[.)]\s*|[а-я]\)\s*)+', '', s)
        s = re.sub(r'_\S+', ' ', s)                  # labels: _v. _разг.
        s = re.sub(r'\([^)]*\)', ' ', s)
        s = re.sub(r'\d+[.)]', ' ', s)
        first = s.split(';')[0]
        for item in first.split(','):
            if re.search(r'[a-zA-Z]', item) or '=' in item: continue
            words = cyr.findall(item.lower())
            if not words: continue
            for w in words:
                if len(w) < 2: continue
                # prefer the head of a single-word translation
                score = size / (1 + rank) ** 2 * (1.0 if len(words) == 1 else 0.15)
                if score > out[w][0]: out[w] = (score, head)
                pairs += 1
            rank += 1
with open(os.path.join(OUT, 'ru-en.tsv'), 'w', encoding='utf-8') as f:
    for w, (score, head) in sorted(out.items()):
        f.write(f'{w}\t{head}\t{score:.1f}\n')
print(len(entries), pairs, len(out))
