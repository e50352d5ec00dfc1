//! Query planning: a typed query becomes slots of weighted alternatives over index terms.
//! Only the vocabulary is consulted (never a stemmer), so the browser client, which fetches
//! the blocks of the same vocabulary that each lookup here needs (see `export::Dict`) and
//! has the same constants, plans every query identically. Keep
//! `themes/default/static/search-engine.js` (`plan()`) in step with this file.

use super::analyze::{edit_distance, loose, words, Analysis};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Weights of the ways a query word can reach a term; exported to the browser client.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Weights {
    pub exact: f32,
    pub suffix: f32,
    pub loose: f32,
    pub synonym: f32,
    pub split: f32,
    pub prefix_last: f32,
    pub prefix: f32,
    pub tail: f32,
    pub fuzzy1: f32,
    pub fuzzy2: f32,
    /// Most expansions per kind and query word, so a short prefix cannot flood a query.
    pub cap: usize,
}

pub const WEIGHTS: Weights = Weights {
    exact: 1.0,
    suffix: 0.95,
    loose: 0.9,
    synonym: 0.8,
    split: 0.8,
    prefix_last: 0.7,
    prefix: 0.6,
    tail: 0.5,
    fuzzy1: 0.6,
    fuzzy2: 0.45,
    cap: 40,
};

/// Typo candidates share this many leading letters with the query word.
pub const FUZZY_PREFIX: usize = 2;

/// The corpus vocabulary: every folded surface word and the term it was indexed as.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    /// How the words were analysed, and so how queries are read.
    pub analysis: Analysis,
    /// Sorted, unique.
    pub surfaces: Vec<String>,
    /// `surface_term[i]` is the term id of `surfaces[i]`.
    pub surface_term: Vec<u32>,
    /// Sorted, unique; a term's id is its position.
    pub terms: Vec<String>,
    surface_id: HashMap<String, u32>,
    term_id: HashMap<String, u32>,
    loose_ids: HashMap<String, Vec<u32>>,
    /// `(loose key, surface id)`, sorted, for prefixes typed without æ/ø/å.
    loose_sorted: Vec<(String, u32)>,
}

impl Vocab {
    pub fn new(pairs: BTreeMap<String, String>) -> Vocab {
        Vocab::with_analysis(pairs, Analysis::Danish)
    }

    pub fn with_analysis(pairs: BTreeMap<String, String>, analysis: Analysis) -> Vocab {
        use rayon::prelude::*;
        let (surfaces, pair_terms): (Vec<String>, Vec<String>) = pairs.into_iter().unzip();
        let mut terms: Vec<String> = pair_terms.clone();
        terms.par_sort_unstable();
        terms.dedup();
        // At 10,000 entries there are about 110,000 surfaces: the maps by surface and by
        // loose key are built side by side, the loose keys and their order in parallel.
        let ((term_id, surface_id), (loose_ids, loose_sorted)) = rayon::join(
            || {
                let term_id: HashMap<String, u32> = (terms.iter().enumerate())
                    .map(|(i, t)| (t.clone(), i as u32))
                    .collect();
                let surface_id: HashMap<String, u32> = (surfaces.iter().enumerate())
                    .map(|(i, s)| (s.clone(), i as u32))
                    .collect();
                (term_id, surface_id)
            },
            || {
                let mut loose_sorted: Vec<(String, u32)> = (surfaces.par_iter().enumerate())
                    .map(|(i, s)| (loose(s), i as u32))
                    .collect();
                let mut loose_ids: HashMap<String, Vec<u32>> = HashMap::new();
                for (key, i) in &loose_sorted {
                    match loose_ids.get_mut(key.as_str()) {
                        Some(ids) => ids.push(*i),
                        None => {
                            loose_ids.insert(key.clone(), vec![*i]);
                        }
                    }
                }
                loose_sorted.par_sort_unstable();
                (loose_ids, loose_sorted)
            },
        );
        Vocab {
            analysis,
            surface_term: pair_terms.iter().map(|t| term_id[t]).collect(),
            surfaces,
            terms,
            surface_id,
            term_id,
            loose_ids,
            loose_sorted,
        }
    }
    pub fn term_of_surface(&self, s: &str) -> Option<u32> {
        self.surface_id
            .get(s)
            .map(|&i| self.surface_term[i as usize])
    }
    pub fn term_id(&self, t: &str) -> Option<u32> {
        self.term_id.get(t).copied()
    }
}

/// One way to satisfy a query slot: all `terms` must occur; the score is `weight` times
/// the sum of their scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Alt {
    pub terms: Vec<u32>,
    pub weight: f32,
    /// Folded surface words that led here, for highlighting.
    pub words: Vec<String>,
}

/// A query word (or synonym phrase) and its alternatives; a document's slot score is its
/// best alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub text: String,
    pub alts: Vec<Alt>,
}

/// Query words: folded, stopwords dropped. `prefix_last` when the user may still be typing.
pub fn query_words(q: &str, analysis: Analysis) -> (Vec<String>, bool) {
    let ws: Vec<String> = words(q)
        .map(|w| analysis.fold(&w))
        .filter(|w| !analysis.is_stopword(w))
        .collect();
    let typing = !q.ends_with(|c: char| c.is_whitespace());
    (ws, typing)
}

/// Plan a query. Synonym groups are lists of members, each member a list of folded words.
pub fn plan(q: &str, vocab: &Vocab, synonyms: &[Vec<Vec<String>>]) -> Vec<Slot> {
    let (ws, typing) = query_words(q, vocab.analysis);
    let mut slots = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let last = i + 1 == ws.len();
        if let Some((len, mut slot)) = synonym_slot(&ws[i..], vocab, synonyms) {
            // A one-word synonym keeps the word's own reach (inflections, typos, prefixes).
            if len == 1 {
                for a in word_slot(&ws[i], last && typing, vocab).alts {
                    push_alt(&mut slot.alts, a.terms, a.weight, a.words);
                }
            }
            slots.push(slot);
            i += len;
            continue;
        }
        slots.push(word_slot(&ws[i], last && typing, vocab));
        i += 1;
    }
    slots
}

/// The longest synonym member that starts the remaining words.
fn synonym_slot(
    rest: &[String],
    vocab: &Vocab,
    synonyms: &[Vec<Vec<String>>],
) -> Option<(usize, Slot)> {
    let mut best: Option<(usize, usize)> = None; // (len, group)
    for (g, group) in synonyms.iter().enumerate() {
        for m in group {
            if !m.is_empty()
                && m.len() <= rest.len()
                && rest[..m.len()] == m[..]
                && best.is_none_or(|(l, _)| m.len() > l)
            {
                best = Some((m.len(), g));
            }
        }
    }
    let (len, g) = best?;
    let typed = &rest[..len];
    let mut alts = Vec::new();
    for m in &synonyms[g] {
        let found: Option<Vec<(u32, String)>> = m.iter().map(|w| member_term(w, vocab)).collect();
        let Some(found) = found else { continue };
        let (terms, surfaces): (Vec<u32>, Vec<String>) = found.into_iter().unzip();
        let weight = if m[..] == typed[..] {
            WEIGHTS.exact
        } else {
            WEIGHTS.synonym
        };
        push_alt(&mut alts, terms, weight, surfaces);
    }
    // No member is in this corpus: the words are planned one by one instead.
    if alts.is_empty() {
        return None;
    }
    Some((
        len,
        Slot {
            text: typed.join(" "),
            alts,
        },
    ))
}

/// The term and surface of a synonym member's word: the word itself, or the word with a
/// prefix the language writes onto words (Arabic "خط" is only in the text as "الخط").
fn member_term(w: &str, vocab: &Vocab) -> Option<(u32, String)> {
    std::iter::once(w.to_string())
        .chain(vocab.analysis.prefixes().iter().map(|p| format!("{p}{w}")))
        .find_map(|s| vocab.term_of_surface(&s).map(|t| (t, s)))
}

fn push_alt(alts: &mut Vec<Alt>, mut terms: Vec<u32>, weight: f32, words: Vec<String>) {
    terms.sort_unstable();
    terms.dedup();
    if let Some(a) = alts.iter_mut().find(|a| a.terms == terms) {
        if weight > a.weight {
            a.weight = weight;
        }
        for w in words {
            if !a.words.contains(&w) {
                a.words.push(w);
            }
        }
        return;
    }
    alts.push(Alt {
        terms,
        weight,
        words,
    });
}

/// Surface ids ordered shortest first, then alphabetically, capped.
fn capped(mut ids: Vec<u32>, vocab: &Vocab) -> Vec<u32> {
    ids.sort_by(|&a, &b| {
        let (x, y) = (&vocab.surfaces[a as usize], &vocab.surfaces[b as usize]);
        x.chars()
            .count()
            .cmp(&y.chars().count())
            .then_with(|| x.cmp(y))
    });
    ids.truncate(WEIGHTS.cap);
    ids
}

fn word_slot(w: &str, typing: bool, vocab: &Vocab) -> Slot {
    let mut alts = Vec::new();
    let n = w.chars().count();
    let add_surface = |alts: &mut Vec<Alt>, id: u32, weight: f32| {
        let s = vocab.surfaces[id as usize].clone();
        push_alt(alts, vec![vocab.surface_term[id as usize]], weight, vec![s]);
    };
    // 1. The word itself.
    if let Some(&id) = vocab.surface_id.get(w) {
        add_surface(&mut alts, id, WEIGHTS.exact);
    }
    // 2. An inflection of a known word or stem.
    for suf in vocab.analysis.suffixes() {
        if let Some(base) = w.strip_suffix(suf) {
            if base.chars().count() >= 3 {
                if let Some(&id) = vocab.surface_id.get(base) {
                    add_surface(&mut alts, id, WEIGHTS.suffix);
                }
            }
        }
    }
    // 2b. The word with or without a prefix written onto it (Arabic "ال", "و", …).
    for pre in vocab.analysis.prefixes() {
        if let Some(base) = w.strip_prefix(pre) {
            if base.chars().count() >= 3 {
                if let Some(&id) = vocab.surface_id.get(base) {
                    add_surface(&mut alts, id, WEIGHTS.suffix);
                }
            }
        }
        if let Some(&id) = vocab.surface_id.get(&format!("{pre}{w}")) {
            add_surface(&mut alts, id, WEIGHTS.suffix);
        }
    }
    // 3. ASCII spellings of Danish letters.
    if let Some(ids) = vocab.loose_ids.get(&loose(w)) {
        for &id in ids {
            add_surface(&mut alts, id, WEIGHTS.loose);
        }
    }
    // 4. A compound the corpus only knows in parts ("krisecenterophold").
    if alts.is_empty() && n >= 6 {
        if let Some(parts) = split_compound(w, vocab) {
            let words = parts.iter().map(|s| s.to_string()).collect();
            let terms = parts
                .iter()
                .filter_map(|p| vocab.term_of_surface(p))
                .collect();
            push_alt(&mut alts, terms, WEIGHTS.split, words);
        }
    }
    // 5. Prefix: search as you type, and the head of a compound.
    if n >= 3 || (typing && n >= 2) {
        let start = vocab.surfaces.partition_point(|s| s.as_str() < w);
        let ids: Vec<u32> = vocab.surfaces[start..]
            .iter()
            .take_while(|s| s.starts_with(w))
            .enumerate()
            .filter(|(_, s)| s.as_str() != w)
            .map(|(i, _)| (start + i) as u32)
            .collect();
        let weight = if typing {
            WEIGHTS.prefix_last
        } else {
            WEIGHTS.prefix
        };
        for id in capped(ids, vocab) {
            add_surface(&mut alts, id, weight);
        }
        // The same typed without the Danish letters ("voldsudov" → "voldsudøver").
        let lw = loose(w);
        let start = vocab
            .loose_sorted
            .partition_point(|(k, _)| k.as_str() < lw.as_str());
        let ids: Vec<u32> = vocab.loose_sorted[start..]
            .iter()
            .take_while(|(k, _)| k.starts_with(lw.as_str()))
            .filter(|(k, id)| *k != lw && !vocab.surfaces[*id as usize].starts_with(w))
            .map(|(_, id)| *id)
            .collect();
        for id in capped(ids, vocab) {
            add_surface(&mut alts, id, weight * WEIGHTS.loose);
        }
    }
    // 6. The tail of a compound ("vold" in "partnervold").
    if n >= 4 {
        let ids: Vec<u32> = vocab
            .surfaces
            .iter()
            .enumerate()
            .filter(|(_, s)| s.chars().count() >= n + 3 && s.ends_with(w))
            .map(|(i, _)| i as u32)
            .collect();
        for id in capped(ids, vocab) {
            add_surface(&mut alts, id, WEIGHTS.tail);
        }
    }
    // 7. Small typos, among the words that share the first two letters (Lucene's
    // `prefixLength` 2): their candidates then live in one key range of the browser's
    // typo dictionary instead of the whole vocabulary.
    if n >= 5 {
        let max = if n >= 9 { 2 } else { 1 };
        let wc: Vec<char> = w.chars().collect();
        let head = &w[..wc[..FUZZY_PREFIX]
            .iter()
            .map(|c| c.len_utf8())
            .sum::<usize>()];
        let start = vocab.surfaces.partition_point(|s| s.as_str() < head);
        let mut found: Vec<(usize, u32)> = vocab.surfaces[start..]
            .iter()
            .take_while(|s| s.starts_with(head))
            .enumerate()
            .filter(|(_, s)| s.as_str() != w)
            .filter_map(|(i, s)| {
                let sc: Vec<char> = s.chars().collect();
                edit_distance(&wc, &sc, max).map(|d| (d, (start + i) as u32))
            })
            .collect();
        found.sort_by(|a, b| {
            let (x, y) = (&vocab.surfaces[a.1 as usize], &vocab.surfaces[b.1 as usize]);
            a.0.cmp(&b.0).then_with(|| x.cmp(y))
        });
        found.truncate(WEIGHTS.cap);
        for (d, id) in found {
            let weight = if d == 1 {
                WEIGHTS.fuzzy1
            } else {
                WEIGHTS.fuzzy2
            };
            add_surface(&mut alts, id, weight);
        }
    }
    Slot {
        text: w.to_string(),
        alts,
    }
}

/// Split `w` into two known words, longest head first; the head may end in a linking
/// "s" or "e" ("voldsudsat" = "vold" + s + "udsat").
fn split_compound<'a>(w: &'a str, vocab: &Vocab) -> Option<[&'a str; 2]> {
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    for k in (3..=chars.len().saturating_sub(3)).rev() {
        let (head, tail) = w.split_at(chars[k].0);
        if !vocab.surface_id.contains_key(tail) {
            continue;
        }
        if vocab.surface_id.contains_key(head) {
            return Some([head, tail]);
        }
        if let Some(h) = head.strip_suffix(['s', 'e']) {
            if h.chars().count() >= 3 && vocab.surface_id.contains_key(h) {
                return Some([h, tail]);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[(&str, &str)]) -> Vocab {
        Vocab::new(
            words
                .iter()
                .map(|(s, t)| (s.to_string(), t.to_string()))
                .collect(),
        )
    }

    #[test]
    fn exact_word_outranks_ascii_spelling() {
        let v = vocab(&[
            ("raadgivning", "raadgivning"),
            ("for", "for"),
            ("foer", "foer"),
        ]);
        let s = &plan("raadgivning ", &v, &[])[0];
        assert_eq!(s.alts[0].weight, WEIGHTS.exact);
        let s = &plan("radgivning ", &v, &[])[0];
        assert_eq!(s.alts.len(), 1);
        assert_eq!(s.alts[0].weight, WEIGHTS.loose);
    }

    #[test]
    fn inflections_typos_prefixes_and_compounds_reach_terms() {
        let v = vocab(&[
            ("voldsudoever", "voldsudoev"),
            ("kvindegrupper", "kvindegrupp"),
            ("krisecenter", "krisecent"),
            ("ophold", "ophold"),
            ("partnervold", "partnervold"),
            ("vold", "vold"),
        ]);
        let t = |s: &str| v.term_id(s).unwrap();
        let has = |q: &str, term: u32, w: f32| {
            let p = plan(q, &v, &[]);
            p[0].alts.iter().any(|a| a.terms == [term] && a.weight == w)
        };
        assert!(has("voldsudøvere ", t("voldsudoev"), WEIGHTS.suffix));
        assert!(has("kvindegruper ", t("kvindegrupp"), WEIGHTS.fuzzy1));
        assert!(has("krisec", t("krisecent"), WEIGHTS.prefix_last));
        assert!(has("vold ", t("partnervold"), WEIGHTS.tail));
        let p = plan("krisecenterophold ", &v, &[]);
        assert_eq!(p[0].alts[0].terms.len(), 2, "{p:?}");
    }

    #[test]
    fn arabic_words_meet_their_forms_with_the_article() {
        let ar = Analysis::Arabic;
        let pairs = ["العنف", "الاسري", "مركز"]
            .iter()
            .map(|w| (ar.fold(w), ar.term_of(w)))
            .collect();
        let v = Vocab::with_analysis(pairs, ar);
        // Typed without the article, with a hamza, and with a conjunction.
        for q in ["عنف ", "الأسري ", "ومركز "] {
            let p = plan(q, &v, &[]);
            assert_eq!(p.len(), 1, "{q}: {p:?}");
            assert!(!p[0].alts.is_empty(), "{q} finds nothing: {p:?}");
        }
        // "على" is a stopword in every spelling.
        assert!(plan("على", &v, &[]).is_empty());
    }

    #[test]
    fn typo_candidates_share_the_first_two_letters() {
        let v = vocab(&[("soege", "soeg"), ("koebe", "koeb")]);
        let words = |q: &str| -> Vec<String> {
            plan(q, &v, &[])[0]
                .alts
                .iter()
                .flat_map(|a| a.words.clone())
                .collect()
        };
        // "koege" is one edit from both; only the one starting "ko" is a candidate.
        assert_eq!(words("koege "), ["koebe"]);
    }

    #[test]
    fn synonym_phrases_become_one_slot() {
        let v = vocab(&[
            ("partnervold", "partnervold"),
            ("vold", "vold"),
            ("naere", "naer"),
            ("relationer", "relation"),
        ]);
        let syn = vec![vec![
            vec!["partnervold".to_string()],
            vec!["vold".into(), "naere".into(), "relationer".into()],
        ]];
        let p = plan("vold i nære relationer ", &v, &syn);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].alts.len(), 2);
        assert!(
            p[0].alts
                .iter()
                .any(|a| a.terms == [v.term_id("partnervold").unwrap()]
                    && a.weight == WEIGHTS.synonym)
        );
    }
}
