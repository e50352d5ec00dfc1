#!/usr/bin/env python3
"""Deterministic synthetic Vejviser site for benchmarks.

    python3 bench/gensite.py --entries N --out DIR [--hugo DIR] [--vocabulary realistic|simple]
                             [--stats]

Writes a site valid under CONTENT-MODEL.md: N practice entries with Danish-like bodies of
500-700 words (headings, lists, links to other entries), spread over municipalities, focus
areas, criteria and target groups, plus a handful of partners and knowledge pages. The same
seed always gives the same bytes. With --hugo DIR it also writes the same entries as a Hugo
site with equivalent minimal templates (entry page, section list, taxonomy pages for
municipality and focus area), for the side-by-side timing in bench/build.sh.

Vocabularies:
- `realistic` (default): a vocabulary model that looks like real Danish text to a search
  index. Function words make up about 40 % of the words; the content words are lemmas drawn
  from a Zipf-Mandelbrot distribution: real domain words, generated Danish-like stems,
  compounds of two or three stems (with and without a linking -s-/-e-), and names of places
  and organisations. Each lemma is written in one of its inflected forms (-en, -et, -er,
  -erne, -ene, -s, -e, -ede, -ende, -t, -ere, -este ...), and each entry repeats a few topic
  words of its own, as real descriptions do. Most practices have no booklet `example`
  number, as a region's directory would; one in 400 cites the booklet and carries one. At
  10,000 entries (seed 22): 6,872,992 words, 111,747 of them distinct, 33,418 occurring
  once (`--stats` prints these figures).
- `simple`: the corpus used until December 2026 (about 60 domain words plus 20 fillers,
  every practice with an example number). It flatters the search index (a tiny vocabulary,
  huge posting lists) and is kept only to compare with older figures.
"""
import argparse
import os
import bisect
import random
import re
import shutil
from collections import Counter

MUNICIPALITIES = [
    "Aabenraa", "Aalborg", "Aarhus", "Albertslund", "Allerød", "Assens", "Ballerup", "Billund",
    "Bornholm", "Brøndby", "Brønderslev", "Dragør", "Egedal", "Esbjerg", "Faaborg-Midtfyn",
    "Fanø", "Favrskov", "Faxe", "Fredensborg", "Fredericia", "Frederiksberg", "Frederikshavn",
    "Frederikssund", "Furesø", "Gentofte", "Gladsaxe", "Glostrup", "Greve", "Gribskov",
    "Guldborgsund", "Haderslev", "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning",
    "Hillerød", "Hjørring", "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup",
    "Hørsholm", "Ikast-Brande", "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding",
    "København", "Køge", "Langeland", "Lejre", "Lemvig", "Lolland", "Lyngby-Taarbæk", "Læsø",
    "Mariagerfjord", "Middelfart", "Morsø", "Norddjurs", "Nordfyns", "Nyborg", "Næstved",
    "Odder", "Odense", "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted",
    "Roskilde", "Rudersdal", "Rødovre", "Samsø", "Silkeborg", "Skanderborg", "Skive",
    "Slagelse", "Solrød", "Sorø", "Stevns", "Struer", "Svendborg", "Syddjurs", "Sønderborg",
    "Thisted", "Tønder", "Tårnby", "Vallensbæk", "Varde", "Vejen", "Vejle", "Vesthimmerland",
    "Viborg", "Vordingborg", "Ærø",
]
TARGET_GROUPS = ["voldsudsatte", "voldsudoevere", "boern", "familier", "paaroerende", "medarbejdere", "ledere"]
WORDS = (
    "vold partnervold krisecenter rådgivning samtale forløb borger medarbejder kommune indsats "
    "opsporing tryghed familie barn behandling samarbejde politi sagsbehandler koordinering "
    "handleplan netværk sparring kursus viden kompetence psykolog gruppeforløb efterværn "
    "bolig beskæftigelse sundhedspleje skole anonym gratis hjælp støtte kontakt henvisning "
    "voldsudøver voldsudsat pårørende risikovurdering sikkerhed beredskab tværfaglig "
    "forebyggelse udredning evaluering målgruppe ophold udflytning hverdag relation"
).split()
FILLER = "og i at det en til som på er med for af der kan har de ikke om skal ved også".split()
HEADINGS = ["Indhold", "Målsætninger", "Organisering", "Erfaringer", "Samarbejde", "Resultater"]

SITE_YAML = """title: "Syntetisk vejviser"
description: "Benchmark-site genereret af bench/gensite.py."
base_url: "https://example.org"
municipality:
  name: "Benchmark Kommune"
  phones:
    - number: "11 22 33 44"
  verified: {{ on: "{today}", against: "bench" }}
  accessibility_statement: "https://example.org/was"
quick_exit: {{ url: "https://example.org/" }}
emergency:
  - {{ number: "112", label: "Ring 112 ved akut fare" }}
focus_areas: {{ 1: "Organisering og beredskab", 2: "Opsporing", 3: "Ambulante indsatser", 4: "Krisecenterophold", 5: "Voldsudøvere" }}
criteria: {{ 1: "Opkvalificering", 2: "Systematik", 3: "Koordineret indsats", 4: "Helhedsorienteret indsats", 5: "Forebyggende sigte", 6: "Specialiseret indsats" }}
target_groups: {{ voldsudsatte: "Voldsudsatte", voldsudoevere: "Voldsudøvere", boern: "Børn og unge", familier: "Familier", paaroerende: "Pårørende", medarbejdere: "Medarbejdere", ledere: "Ledere" }}
audiences: {{ udsat: "Udsat for vold", udoever: "Udøver vold", paaroerende: "Pårørende", boern-unge: "Børn og unge", fagperson: "Fagpersoner" }}
violence_forms: {{ fysisk: "Fysisk vold", psykisk: "Psykisk vold", digital: "Digital vold" }}
offers: {{ raadgivning: "Rådgivning", behandling: "Behandling" }}
partner_kinds: {{ ngo: "Frivillig organisation", kommune: "Kommunalt tilbud" }}
"""


def sentence(rng, n):
    words = []
    for i in range(n):
        words.append(rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(FILLER))
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


def paragraph(rng, words):
    out, count = [], 0
    while count < words:
        n = rng.randint(8, 18)
        out.append(sentence(rng, n))
        count += n
    return " ".join(out), count


def body(rng, slug, slugs, partners):
    target = rng.randint(500, 700)
    parts, count, h = [], 0, 0
    while count < target:
        parts.append("## " + HEADINGS[h % len(HEADINGS)] + "\n")
        h += 1
        p, n = paragraph(rng, rng.randint(60, 110))
        count += n
        parts.append(p + "\n")
        if rng.random() < 0.5:
            items = []
            for _ in range(rng.randint(3, 5)):
                k = rng.randint(4, 8)
                items.append("- " + sentence(rng, k))
                count += k
            parts.append("\n".join(items) + "\n")
        other = slugs[rng.randrange(len(slugs))]
        partner = partners[rng.randrange(len(partners))]
        parts.append(
            f"Læs også om [et andet eksempel](/praksis/{other}/) og om [{partner}](/partnere/{partner}/).\n"
        )
        count += 10
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------
# The realistic vocabulary model (default). Everything is drawn from one random.Random in a
# fixed order, and nothing iterates over a set, so the same seed gives the same bytes.

REAL_FUNCTION = (
    "og i at det en til som på er med for af der kan har de ikke om skal ved også den et "
    "men eller så fra efter når bliver være var have man vi sig hun han deres sin sit sine "
    "hvor hvis kun over under mellem mod uden meget mere andre alle både blev får hele nogle "
    "fx samt hvordan hvad hvem hinanden selv her nu igen først senere"
).split()

# Real domain lemmas by class: n = common-gender noun, t = neuter noun, v = verb stem,
# a = adjective. Irregular words are written out with all their forms after a `|`.
REAL_DOMAIN = {
    "n": (
        "vold partner krise rådgivning samtale borger medarbejder kommune indsats opsporing "
        "tryghed familie behandling sagsbehandler koordinering handleplan kompetence psykolog "
        "gruppe bolig beskæftigelse sundhedspleje skole hjælp støtte kontakt henvisning "
        "udøver risikovurdering sikkerhed forebyggelse udredning evaluering målgruppe relation "
        "hverdag kvinde afdeling leder opgave erfaring metode model visitation undersøgelse "
        "bekymring underretning anmeldelse trussel chikane kontrol jalousi skyld skam angst "
        "krænkelse konflikt skilsmisse samværssag forælder socialrådgiver pædagog sundhedsplejerske "
        "læge jordemoder politibetjent advokat frivillig rådgiver terapeut psykiater ordning "
        "ydelse bevilling afgørelse vurdering beslutning aftale plan strategi politik indsatsplan "
        "uddannelse undervisning temadag konference tværfaglighed koordinator netværksmøde "
        "samarbejdspartner organisation forening region styrelse institution skolelærer "
        "døgnvagt telefon hotline linje chat sms hjemmeside pjece folder plakat kampagne "
        "kvalitet standard dokumentation registrering journal statistik måling effekt "
        "udflytning indflytning lejlighed husleje økonomi gæld ansøgning"
    ).split(),
    "t": (
        "forløb ophold center efterværn netværk kursus tilbud møde projekt team job "
        "barnebarn hjem værelse hus samarbejde fællesskab forhold ægteskab parforhold "
        "overgreb slag spark mønster signal tegn symptom traume ansvar behov ønske håb "
        "tema emne område fokus mål resultat udbytte niveau omfang antal beløb tilskud "
        "sekretariat udvalg byråd ministerium politi krisecenter herberg værested "
        "forsøg initiativ redskab værktøj skema spørgeskema interview"
    ).split(),
    "v": (
        "behandl rådgiv hjælp støt samarbejd koordiner henvis vurder undersøg opspor "
        "forebygg dokumenter evaluer registrer visiter tilbyd samtal lytt tal spørg "
        "arbejd udvikl styrk skab ændr stop bryd beskytt sikr flytt bo lev føl oplev"
    ).split(),
    "a": (
        "anonym gratis tryg sikker voldelig psykisk fysisk digital seksuel økonomisk "
        "social faglig tværfaglig kommunal regional national lokal akut langvarig kort lang "
        "ny gammel stor lille ung voksen særlig almindelig vigtig svær let hurtig "
        "helhedsorienteret specialiseret systematisk forebyggende koordineret"
    ).split(),
    "x": [
        "barn barnet børn børnene barns børns børnenes",
        "mand manden mænd mændene mands mænds",
        "bror broren brødre brødrene",
        "søster søsteren søstre søstrene",
        "mor moren mødre mødrene mors",
        "far faren fædre fædrene fars",
        "øje øjet øjne øjnene",
        "viden vidensdeling",
        "pårørende",
        "voldsramt voldsramte",
        "voldsudsat voldsudsatte",
        "voldsudøver voldsudøveren voldsudøvere voldsudøverne voldsudøverens",
    ],
}
# Inflection endings and how often each form is written, by class.
INFLECTIONS = {
    "n": [("", 30), ("en", 20), ("er", 14), ("erne", 8), ("ens", 3), ("s", 3), ("ers", 1), ("ernes", 1)],
    "t": [("", 30), ("et", 20), ("er", 8), ("ene", 8), ("ets", 3), ("s", 3), ("enes", 1)],
    "v": [("e", 25), ("er", 25), ("ede", 12), ("et", 10), ("ende", 6), ("es", 6), ("edes", 2)],
    "a": [("", 35), ("e", 30), ("t", 12), ("ere", 6), ("este", 4)],
}
ONSETS = ("b b d d f f g g h h j k k l l m m n n p p r r s s t t v v - - bl br dr fl fr gl gr "
          "kl kn kr kv pl pr sk sl sm sn sp st str sv tr tv").split()
VOWELS = "a a a e e i i o o u y æ ø ø å".split()
CODAS = ("- - - n n r r l l d g k m s t nd ng ld rk st lt rt ft gt ns rn ll mm kk").split()
WEAK_CODAS = "r l n - d ls rs".split()
DERIVATIONS = "ing ning else hed skab dom".split()
TOWN_SUFFIXES = ("rup strup sted lev løse by bjerg holm skov høj ager vig bæk borg havn lund gård "
                 "bro torp ved næs").split()
TOWN_PREFIXES = ["Nørre", "Vester", "Øster", "Sønder", "Store", "Lille", "Ny", "Gammel"]
ORG_KINDS = ["Krisecenter", "Rådgivningscenter", "Familiehuset", "Foreningen", "Netværket",
             "Sundhedscenter", "Boligforeningen", "Fonden", "Kvindehuset", "Herberget",
             "Ungecentret", "Dialoghuset"]
REAL_HEADINGS = ["Indhold", "Målsætninger", "Organisering", "Erfaringer", "Samarbejde", "Resultater",
                 "Målgruppe", "Metode", "Baggrund", "Forløbet", "Økonomi", "Evaluering",
                 "Henvisning", "Praktiske oplysninger"]
BOOKLET = "001_9d617f8347943508.txt"


def join_ending(stem, ending):
    if ending and stem.endswith("e") and ending.startswith("e"):
        return stem + ending[1:]
    return stem + ending


class Vocabulary:
    """Lemmas ranked by a Zipf-Mandelbrot law; a lemma is written in one of its forms."""

    def __init__(self, rng, pseudo=4000, compounds=10000, towns=1500, orgs=1500,
                 exponent=1.05, offset=2.7, function_share=0.42, fresh_share=0.003):
        self.rng = rng
        self.function_share = function_share
        self.fresh_share = fresh_share
        seen = {}
        stems = {"n": [], "t": [], "v": [], "a": []}
        for cls in "ntva":
            for s in REAL_DOMAIN[cls]:
                stems[cls].append(s)
                seen[s] = 1
        # Danish-like generated stems: mostly one or two syllables, a second syllable often
        # an unstressed -e-, nouns often with a derivational ending.
        self.pseudo_stems = []
        while len(self.pseudo_stems) < pseudo:
            s = self.syllable()
            x = rng.random()
            if x < 0.45:
                s += "e" + rng.choice(WEAK_CODAS).replace("-", "")
            elif x < 0.6:
                s += self.syllable()
            cls = rng.choices("ntva", weights=[45, 20, 22, 13])[0]
            if cls == "n" and rng.random() < 0.25:
                s += rng.choice(DERIVATIONS)
            if len(s) < 3 or s in seen:
                continue
            seen[s] = 1
            stems[cls].append(s)
            self.pseudo_stems.append((cls, s))
        self.noun_stems = stems["n"] + stems["t"]
        self.first_parts = self.noun_stems + stems["v"]
        domain = [(cls, s) for cls in "ntva" for s in REAL_DOMAIN[cls]]
        domain += [("x", f) for f in REAL_DOMAIN["x"]]
        rng.shuffle(domain)
        rest = list(self.pseudo_stems)
        for _ in range(compounds):
            rest.append(self.compound(seen))
        self.towns = []
        while len(self.towns) < towns:
            t = self.syllable().capitalize()
            t += rng.choice(TOWN_SUFFIXES)
            if rng.random() < 0.15:
                t = rng.choice(TOWN_PREFIXES) + " " + t
            if t in seen:
                continue
            seen[t] = 1
            self.towns.append(t)
        names = [("x", t + " " + t + "s") for t in self.towns]
        names += [("x", m + " " + m + "s") for m in MUNICIPALITIES]
        self.orgs = []
        while len(self.orgs) < orgs:
            kind = rng.choice(ORG_KINDS)
            if kind in ("Foreningen", "Fonden", "Netværket"):
                o = kind + " " + rng.choice(self.noun_stems).capitalize()
            else:
                o = kind + " " + rng.choice(self.towns)
            if o in seen:
                continue
            seen[o] = 1
            self.orgs.append(o)
        names += [("o", o) for o in self.orgs]
        rest += names
        rng.shuffle(rest)
        self.lemmas = [self.forms(cls, s) for cls, s in domain + rest]
        cum, total = [], 0.0
        for r in range(len(self.lemmas)):
            total += 1.0 / (r + 1 + offset) ** exponent
            cum.append(total)
        self.cum, self.total = cum, total
        fcum, ftotal = [], 0.0
        for r in range(len(REAL_FUNCTION)):
            ftotal += 1.0 / (r + 1 + 1.0)
            fcum.append(ftotal)
        self.fcum, self.ftotal = fcum, ftotal

    def compound(self, seen):
        rng = self.rng
        while True:
            n = 3 if rng.random() < 0.2 else 2
            parts = [rng.choice(self.first_parts) for _ in range(n - 1)]
            parts.append(rng.choice(self.noun_stems))
            word = ""
            for i, p in enumerate(parts):
                if i:
                    if word[-1] in "aeiouyæøå":
                        pass
                    else:
                        word += rng.choices(["", "s", "e"], weights=[55, 35, 10])[0]
                word += p
            if word not in seen:
                seen[word] = 1
                last = parts[-1]
                cls = "t" if last in REAL_DOMAIN["t"] else "n"
                return cls, word

    def syllable(self):
        rng = self.rng
        return (rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)).replace("-", "")

    @staticmethod
    def forms(cls, s):
        """(forms, cumulative weights) of a lemma."""
        if cls == "x":
            fs = s.split()
            # Names of two words ("Nørre Hasserup Nørre Hasserups") are split in halves.
            if fs[0][0].isupper():
                half = len(fs) // 2
                fs = [" ".join(fs[:half]), " ".join(fs[half:])]
                ws = [85, 15]
            else:
                ws = [max(1, 40 >> i) for i in range(len(fs))]
        elif cls == "o":
            fs, ws = [s], [1]
        else:
            fs = [join_ending(s, e) for e, _ in INFLECTIONS[cls]]
            ws = [w for _, w in INFLECTIONS[cls]]
        cum, t = [], 0
        for w in ws:
            t += w
            cum.append(t)
        return fs, cum

    def fresh(self):
        """A word made on the spot (a rare compound in one of its forms): the long tail."""
        rng = self.rng
        a = rng.choice(self.first_parts)
        b = rng.choice(self.noun_stems)
        link = "" if a[-1] in "aeiouyæøå" else rng.choices(["", "s", "e"], weights=[55, 35, 10])[0]
        cls = "t" if b in REAL_DOMAIN["t"] else "n"
        e = rng.choices(INFLECTIONS[cls], weights=[w for _, w in INFLECTIONS[cls]])[0][0]
        return join_ending(a + link + b, e)

    def pick(self, lemma):
        fs, cum = lemma
        return fs[bisect.bisect_right(cum, self.rng.random() * cum[-1])] if len(fs) > 1 else fs[0]

    def lemma(self, lo=0):
        """A lemma by Zipf rank, at rank `lo` or rarer."""
        base = self.cum[lo - 1] if lo else 0.0
        x = base + self.rng.random() * (self.total - base)
        return self.lemmas[min(bisect.bisect_right(self.cum, x), len(self.lemmas) - 1)]

    def word(self, topic=None):
        rng = self.rng
        x = rng.random()
        if x < self.function_share:
            return REAL_FUNCTION[bisect.bisect_right(self.fcum, rng.random() * self.ftotal)]
        if topic and x < self.function_share + 0.05:
            return self.pick(topic[int(rng.random() * len(topic))])
        if x > 1.0 - self.fresh_share:
            return self.fresh()
        return self.pick(self.lemma())


class RealisticText:
    def __init__(self, rng, vocab):
        self.rng, self.vocab, self.topic = rng, vocab, None

    def sentence(self, n):
        rng, w = self.rng, self.vocab.word
        words = []
        count = 0
        while count < n:
            t = w(self.topic)
            count += t.count(" ") + 1
            if words and rng.random() < 0.07:
                words[-1] += ","
            words.append(t)
        s = " ".join(words)
        return s[0].upper() + s[1:] + ".", count

    def paragraph(self, words):
        out, count = [], 0
        while count < words:
            s, n = self.sentence(self.rng.randint(6, 24))
            out.append(s)
            count += n
        return " ".join(out), count


def realistic_body(rng, text, slugs, partners):
    target = rng.randint(500, 700)
    parts, count = [], 0
    headings = list(REAL_HEADINGS)
    rng.shuffle(headings)
    h = 0
    while count < target:
        parts.append("## " + headings[h % len(headings)] + "\n")
        h += 1
        p, n = text.paragraph(rng.randint(60, 110))
        count += n
        parts.append(p + "\n")
        if rng.random() < 0.5:
            items = []
            for _ in range(rng.randint(3, 5)):
                s, k = text.sentence(rng.randint(4, 9))
                items.append("- " + s)
                count += k
            parts.append("\n".join(items) + "\n")
        other = slugs[rng.randrange(len(slugs))]
        partner = partners[rng.randrange(len(partners))]
        parts.append(
            f"Læs også om [et andet eksempel](/praksis/{other}/) og om [{partner}](/partnere/{partner}/).\n"
        )
        count += 10
    return "\n".join(parts)


def realistic_site(a, rng):
    """Partners, knowledge pages and practice entries in the realistic vocabulary."""
    vocab = Vocabulary(rng)
    text = RealisticText(rng, vocab)
    partners = [f"partner-{i:02d}" for i in range(12)]
    for i, p in enumerate(partners):
        with open(os.path.join(a.out, "content", "partnere", p + ".md"), "w", encoding="utf-8") as f:
            f.write(
                f'---\ntitle: "Partner {i}"\nsummary: "{text.sentence(10)[0]}"\nsource:\n  document: "bench"\n'
                f"kind: {'kommune' if i % 4 == 0 else 'ngo'}\naudiences: [{['udsat', 'udoever', 'paaroerende', 'fagperson'][i % 4]}]\n"
                f"violence_forms: [fysisk, psykisk]\noffers: [raadgivning]\n---\n\n{text.paragraph(80)[0]}\n"
            )
    for i in range(3):
        with open(os.path.join(a.out, "content", "viden", f"viden-{i}.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "Viden {i}"\nsummary: "{text.sentence(10)[0]}"\nsource:\n  document: "bench"\n---\n\n{text.paragraph(200)[0]}\n')
    slugs = [f"praksis-{i:05d}" for i in range(a.entries)]
    per_area = {}
    booklet = {}
    entries = []
    for i, slug in enumerate(slugs):
        fa = rng.choices([1, 2, 3, 4, 5], weights=[4, 4, 7, 4, 3])[0]
        per_area[fa] = per_area.get(fa, 0) + 1
        # About one practice in 400 is from the booklet and has its example number there.
        example = None
        if i % 400 == 7:
            booklet[fa] = booklet.get(fa, 0) + 1
            example = booklet[fa]
        munis = sorted(set(rng.sample(MUNICIPALITIES, rng.choice([1, 1, 1, 2, 3]))))
        crit = sorted(rng.sample(range(1, 7), rng.randint(1, 4)))
        tg = sorted(rng.sample(TARGET_GROUPS, rng.randint(1, 3)))
        town = rng.choice(vocab.towns)
        orgs = [rng.choice(vocab.orgs) for _ in range(rng.choice([0, 1, 1, 2]))]
        # The entry's own topic: a few words it repeats, its town and its organisations.
        text.topic = [vocab.lemma(40) for _ in range(6)]
        text.topic += [Vocabulary.forms("x", town + " " + town + "s")]
        text.topic += [Vocabulary.forms("o", o) for o in orgs]
        title_words = [vocab.pick(vocab.lemma()) for _ in range(rng.randint(2, 4))]
        title_words.append(vocab.pick(rng.choice(text.topic[:6])))
        if rng.random() < 0.4:
            title_words += ["i", town]
        title = " ".join(title_words)
        title = title[0].upper() + title[1:]
        summary = text.sentence(rng.randint(14, 30))[0]
        text_body = realistic_body(rng, text, slugs, partners)
        text.topic = None
        entries.append((slug, title, fa, per_area[fa], munis, crit, tg, summary, text_body, example, orgs))
    for slug, title, fa, n, munis, crit, tg, summary, text_body, example, orgs in entries:
        if example is None:
            source = '  document: "bench"\n'
            ex = ""
        else:
            source = f'  document: "{BOOKLET}"\n  pages: "{example}"\n'
            ex = f"example: {example}\n"
        fm = (
            f'---\ntitle: "{title}"\nsummary: "{summary}"\nsource:\n{source}'
            f"weight: {fa * 100000 + n}\nfocus_area: {fa}\n{ex}"
            f"municipalities: [{', '.join(chr(34) + m + chr(34) for m in munis)}]\n"
            f"organisations: [{', '.join(chr(34) + o + chr(34) for o in orgs)}]\n"
            f"criteria: [{', '.join(map(str, crit))}]\ntarget_groups: [{', '.join(tg)}]\nevaluated: {str(n % 5 == 0).lower()}\n"
            f"partners: [{partners[n % len(partners)]}]\n---\n\n"
        )
        with open(os.path.join(a.out, "content", "praksis", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(fm + text_body)
    return [(s, t, fa, n, m, c, tg, su, b) for s, t, fa, n, m, c, tg, su, b, _, _ in entries], partners


WORD = re.compile(r"[^\W\d_]+(?:[.-][^\W\d_]+)*")
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def corpus_stats(out):
    """(total words, distinct words) of the titles, summaries and bodies under out/content,
    lower-cased, link targets left out."""
    counts = Counter()
    for sec in ["praksis", "partnere", "viden"]:
        d = os.path.join(out, "content", sec)
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                raw = f.read()
            _, fm, body = raw.split("---\n", 2)
            prose = [body]
            for line in fm.splitlines():
                if line.startswith(("title: ", "summary: ")):
                    prose.append(line.split(": ", 1)[1])
            counts.update(WORD.findall(LINK_TARGET.sub("]", " ".join(prose)).lower()))
    return sum(counts.values()), len(counts), sum(1 for c in counts.values() if c == 1)


def simple_site(a, rng):
    """Partners, knowledge pages and practice entries in the simple vocabulary (the corpus
    used until December 2026, byte for byte)."""
    partners = [f"partner-{i:02d}" for i in range(12)]
    for i, p in enumerate(partners):
        with open(os.path.join(a.out, "content", "partnere", p + ".md"), "w", encoding="utf-8") as f:
            f.write(
                f'---\ntitle: "Partner {i}"\nsummary: "{sentence(rng, 10)}"\nsource:\n  document: "bench"\n'
                f"kind: {'kommune' if i % 4 == 0 else 'ngo'}\naudiences: [{['udsat', 'udoever', 'paaroerende', 'fagperson'][i % 4]}]\n"
                f"violence_forms: [fysisk, psykisk]\noffers: [raadgivning]\n---\n\n{paragraph(rng, 80)[0]}\n"
            )
    for i in range(3):
        with open(os.path.join(a.out, "content", "viden", f"viden-{i}.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "Viden {i}"\nsummary: "{sentence(rng, 10)}"\nsource:\n  document: "bench"\n---\n\n{paragraph(rng, 200)[0]}\n')
    slugs = [f"praksis-{i:05d}" for i in range(a.entries)]
    examples = {}
    entries = []
    for i, slug in enumerate(slugs):
        fa = rng.choices([1, 2, 3, 4, 5], weights=[4, 4, 7, 4, 3])[0]
        examples[fa] = examples.get(fa, 0) + 1
        munis = sorted(set(rng.sample(MUNICIPALITIES, rng.choice([1, 1, 1, 2, 3]))))
        crit = sorted(rng.sample(range(1, 7), rng.randint(1, 4)))
        tg = sorted(rng.sample(TARGET_GROUPS, rng.randint(1, 3)))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6))).capitalize() + f" {i}"
        entries.append((slug, title, fa, examples[fa], munis, crit, tg, sentence(rng, 16), body(rng, slug, slugs, partners)))
    for slug, title, fa, ex, munis, crit, tg, summary, text in entries:
        fm = (
            f'---\ntitle: "{title}"\nsummary: "{summary}"\nsource:\n  document: "bench"\n  pages: "{ex}"\n'
            f"weight: {fa * 100000 + ex}\nfocus_area: {fa}\nexample: {ex}\n"
            f"municipalities: [{', '.join(chr(34) + m + chr(34) for m in munis)}]\norganisations: []\n"
            f"criteria: [{', '.join(map(str, crit))}]\ntarget_groups: [{', '.join(tg)}]\nevaluated: {str(ex % 5 == 0).lower()}\n"
            f"partners: [{partners[ex % len(partners)]}]\n---\n\n"
        )
        with open(os.path.join(a.out, "content", "praksis", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(fm + text)
    return entries, partners


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hugo")
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--today", default="2026-11-01")
    ap.add_argument("--vocabulary", choices=["realistic", "simple"], default="realistic")
    ap.add_argument("--stats", action="store_true",
                    help="print the number of words and of distinct words written")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    for sec in ["praksis", "partnere", "viden"]:
        os.makedirs(os.path.join(a.out, "content", sec))
    with open(os.path.join(a.out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML.format(today=a.today))
    site = simple_site if a.vocabulary == "simple" else realistic_site
    entries, partners = site(a, rng)
    if a.hugo:
        write_hugo(a.hugo, entries, partners)
    if a.stats:
        total, distinct, once = corpus_stats(a.out)
        print(f"corpus: {a.vocabulary} vocabulary, {a.entries} entries, seed {a.seed}: "
              f"{total} words, {distinct} distinct ({once} occurring once)")


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "da"
title = "Syntetisk vejviser"
disableKinds = ["RSS"]
[taxonomies]
  kommune = "kommuner"
  fokusomraade = "fokusomraader"
[markup.goldmark.renderer]
  unsafe = false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}<ul>{{ range .Params.kommuner }}<li><a href="{{ (printf "/kommuner/%s/" (urlize .)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n',
    "_default/terms.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n',
    "index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ end }}\n',
}


def write_hugo(out, entries, partners):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "content", "praksis"))
    os.makedirs(os.path.join(out, "content", "partnere"))
    with open(os.path.join(out, "config.toml"), "w", encoding="utf-8") as f:
        f.write(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        p = os.path.join(out, "layouts", name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
    for p in partners:
        with open(os.path.join(out, "content", "partnere", p + ".md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{p}"\n---\n\nPartner.\n')
    for slug, title, fa, ex, munis, crit, tg, summary, text in entries:
        fm = (
            f'---\ntitle: "{title}"\nsummary: "{summary}"\nweight: {fa * 100000 + ex}\n'
            f"kommuner: [{', '.join(chr(34) + m + chr(34) for m in munis)}]\nfokusomraader: [\"{fa}\"]\n---\n\n"
        )
        with open(os.path.join(out, "content", "praksis", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(fm + text)


if __name__ == "__main__":
    main()
