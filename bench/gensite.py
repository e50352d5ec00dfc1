#!/usr/bin/env python3
"""Deterministic synthetic Vejviser site for benchmarks.

    python3 bench/gensite.py --entries N --out DIR [--hugo DIR]

Writes a site valid under CONTENT-MODEL.md: N practice entries with Danish-like bodies of
500-700 words (headings, lists, links to other entries), spread over municipalities, focus
areas, criteria and target groups, plus a handful of partners and knowledge pages. The same
seed always gives the same bytes. With --hugo DIR it also writes the same entries as a Hugo
site with equivalent minimal templates (entry page, section list, taxonomy pages for
municipality and focus area), for the side-by-side timing in bench/build.sh.
"""
import argparse
import os
import random
import shutil

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hugo")
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--today", default="2026-11-01")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    for sec in ["praksis", "partnere", "viden"]:
        os.makedirs(os.path.join(a.out, "content", sec))
    with open(os.path.join(a.out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML.format(today=a.today))
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
    if a.hugo:
        write_hugo(a.hugo, entries, partners)


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
