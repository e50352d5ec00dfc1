//! Text analysis per language, shared by the index, the command-line search and (through
//! the exported vocabulary and constants) the browser client.
//!
//! Index side: a word is lower-cased, its stem taken with the language's Snowball stemmer
//! (Danish, English, Arabic), and both the word and the stem are folded: the Danish way
//! (æ→ae, ø→oe, å→aa) for every language, since names are Danish everywhere, plus Arabic
//! normalisation for Arabic. The folded word is the *surface* form, the folded stem the
//! *term* that tantivy indexes. Query side never stems: it looks words up in the surface
//! vocabulary, so the browser needs no stemmer and both sides agree exactly.

use std::sync::OnceLock;

/// How one language's text becomes index terms and how its queries are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Analysis {
    #[default]
    Danish,
    English,
    Arabic,
    /// A language without a stemmer here: words are lower-cased and folded only.
    Plain,
}

/// Each analysis once, for per-analysis tables.
const ANALYSES: usize = 4;

impl Analysis {
    /// The analysis of a language code from site.yaml (`da`, `en`, `ar`, …).
    pub fn for_language(code: &str) -> Analysis {
        match code {
            "da" => Analysis::Danish,
            "en" => Analysis::English,
            "ar" => Analysis::Arabic,
            _ => Analysis::Plain,
        }
    }

    fn slot(self) -> usize {
        self as usize
    }

    /// Words that carry no meaning for search, folded and sorted.
    pub fn stopwords(self) -> &'static [&'static str] {
        static WORDS: [OnceLock<Vec<&'static str>>; ANALYSES] =
            [const { OnceLock::new() }; ANALYSES];
        WORDS[self.slot()].get_or_init(|| {
            let text = match self {
                Analysis::Danish => include_str!("stopwords.txt"),
                Analysis::English => include_str!("stopwords.en.txt"),
                Analysis::Arabic => include_str!("stopwords.ar.txt"),
                Analysis::Plain => "",
            };
            let mut w: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        })
    }

    pub fn is_stopword(self, folded: &str) -> bool {
        self.stopwords().binary_search(&folded).is_ok()
    }

    /// Inflection endings tried when a query word is not in the vocabulary but its stem
    /// is ("voldsudøvere" → "voldsudøver"). Longest first. Exported to the browser client.
    pub fn suffixes(self) -> &'static [&'static str] {
        match self {
            Analysis::Danish => SUFFIXES,
            Analysis::English => &["ing", "es", "ed", "s", "d"],
            // After normalisation (ة → ه): feminine, dual, plural and pronoun endings.
            Analysis::Arabic => &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"],
            Analysis::Plain => &[],
        }
    }

    /// Prefixes a query word is tried with and without (the Arabic article and the
    /// conjunctions and prepositions written onto a word: "العنف" ~ "عنف"). The article
    /// first: a synonym's bare word takes the term of its first form found. Exported to
    /// the browser client.
    pub fn prefixes(self) -> &'static [&'static str] {
        match self {
            Analysis::Arabic => &[
                "ال", "وال", "بال", "كال", "فال", "لل", "و", "ب", "ل", "ك", "ف",
            ],
            _ => &[],
        }
    }

    /// The folding tables, first match wins. Exported to the browser client.
    pub fn fold_tables(self) -> &'static [&'static [(char, &'static str)]] {
        match self {
            Analysis::Arabic => &[crate::fold::DANISH, crate::fold::ARABIC],
            _ => &[crate::fold::DANISH],
        }
    }

    /// Fold a lower-case word.
    pub fn fold(self, lower: &str) -> String {
        crate::fold::fold_with(lower, self.fold_tables())
    }

    /// The index term of a lower-case word.
    pub fn term_of(self, lower: &str) -> String {
        thread_local! {
            static CACHE: std::cell::RefCell<[std::collections::HashMap<String, String>; ANALYSES]> =
                Default::default();
        }
        CACHE.with(|c| {
            if let Some(t) = c.borrow()[self.slot()].get(lower) {
                return t.clone();
            }
            let t = self.fold(&self.stem(lower));
            c.borrow_mut()[self.slot()].insert(lower.to_string(), t.clone());
            t
        })
    }

    fn stem(self, lower: &str) -> String {
        static STEMMERS: [OnceLock<Option<frostem::Stemmer>>; ANALYSES] =
            [const { OnceLock::new() }; ANALYSES];
        let stemmer = STEMMERS[self.slot()].get_or_init(|| match self {
            Analysis::Danish => Some(frostem::Stemmer::new(frostem::Algorithm::Danish)),
            Analysis::English => Some(frostem::Stemmer::new(frostem::Algorithm::English)),
            Analysis::Arabic => Some(frostem::Stemmer::new(frostem::Algorithm::Arabic)),
            Analysis::Plain => None,
        });
        // The Snowball Arabic stemmer leaves the article on short words ("الخط" stays,
        // "خط" is "خط"): the article and the article with a preposition come off first,
        // so a word meets its bare form.
        let word = match self {
            Analysis::Arabic => ["وال", "بال", "كال", "فال", "لل", "ال"]
                .iter()
                .find_map(|p| lower.strip_prefix(p).filter(|r| r.chars().count() >= 2))
                .unwrap_or(lower),
            _ => lower,
        };
        match stemmer {
            Some(s) => s.stem(word).to_string(),
            None => word.to_string(),
        }
    }
}

/// Danish words that carry no meaning for search, folded.
pub fn stopwords() -> &'static [&'static str] {
    Analysis::Danish.stopwords()
}

pub fn is_stopword(folded: &str) -> bool {
    Analysis::Danish.is_stopword(folded)
}

/// Danish inflection endings (see [`Analysis::suffixes`]).
pub const SUFFIXES: &[&str] = &[
    "erne", "ende", "ene", "ere", "ers", "ets", "ens", "er", "en", "et", "es", "ne", "e", "s",
];

/// Split text into lower-cased words: runs of letters and digits (Unicode Alphabetic, which
/// includes Arabic vowel marks, and Numeric: `\p{Alphabetic}\p{N}` in the client).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

pub use crate::fold::fold;

/// A looser key for folded words, so that ASCII spellings without the Danish digraphs
/// ("radgivning", "modrehjalpen") meet the folded forms ("raadgivning", "moedrehjaelpen").
pub fn loose(folded: &str) -> String {
    folded
        .replace("aa", "a")
        .replace("ae", "a")
        .replace("oe", "o")
}

/// The Danish index term of a lower-case word.
pub fn term_of(lower: &str) -> String {
    Analysis::Danish.term_of(lower)
}

/// One analysed word of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub surface: String,
    pub term: String,
}

/// A new vocabulary generation: each build of an index takes one, and every thread reports
/// each distinct word once per generation (see [`analyse_into`]).
pub fn new_generation() -> u64 {
    static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

/// Text of up to [`SmallText::INLINE`] bytes kept in place, longer text on the heap: the
/// words of the analysis cache are short, and a hit then reads no memory but its entry.
#[derive(Clone)]
enum SmallText {
    Inline {
        len: u8,
        bytes: [u8; SmallText::INLINE],
    },
    Heap(Box<[u8]>),
}

impl SmallText {
    const INLINE: usize = 22;

    fn new(s: &str) -> SmallText {
        let b = s.as_bytes();
        if b.len() <= Self::INLINE {
            let mut bytes = [0; Self::INLINE];
            bytes[..b.len()].copy_from_slice(b);
            SmallText::Inline {
                len: b.len() as u8,
                bytes,
            }
        } else {
            SmallText::Heap(b.into())
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            SmallText::Inline { len, bytes } => &bytes[..usize::from(*len)],
            SmallText::Heap(b) => b,
        }
    }
}

/// A word as written, analysed once per thread: one 64-byte entry of the thread's table.
struct CachedWord {
    /// The hash of the word as written (the table grows by it).
    hash: u64,
    raw: SmallText,
    /// The index term; `None` for stopwords.
    term: Option<SmallText>,
    /// The generation in which this thread last reported the word.
    reported: u64,
}

/// Words as written and their analysis, per thread and analysis. Nearly every word at
/// scale is a hit, which reads the table's control bytes and one entry: the word and its
/// term are kept in the entry. (With the word and its term on the heap, `Box<str>` keys
/// of a `HashMap`, each hit cost two cache misses: the key comparison alone was a third
/// of the analysis at 10,000 entries, 2026-12-03.)
#[derive(Default)]
struct WordCache {
    table: hashbrown::HashTable<CachedWord>,
    // FxHash: the keys are short words hashed millions of times at scale.
    hasher: rustc_hash::FxBuildHasher,
}

/// Analyse text for the index in one pass: the terms, space-separated, for tantivy, and
/// the (surface, term) pair of each word this thread has not yet reported in `generation`.
/// Words are looked up in a per-thread cache keyed by the word as written, so each
/// distinct word is lower-cased, folded and stemmed once per thread, across builds too.
pub fn analyse_into(
    analysis: Analysis,
    text: &str,
    generation: u64,
    terms: &mut String,
    pairs: &mut Vec<(String, String)>,
) {
    use std::hash::BuildHasher;
    thread_local! {
        static CACHE: std::cell::RefCell<[WordCache; ANALYSES]> = Default::default();
    }
    // Terms are appended as bytes (the entries hold bytes) and made a string once.
    let mut out = std::mem::take(terms).into_bytes();
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let WordCache { table, hasher } = &mut c[analysis.slot()];
        for raw in text.split(|ch: char| !ch.is_alphanumeric()) {
            if raw.is_empty() {
                continue;
            }
            let hash = hasher.hash_one(raw);
            let w = match table.find_mut(hash, |w| w.raw.bytes() == raw.as_bytes()) {
                Some(w) => w,
                // A new word: analysed and inserted.
                None => {
                    let lower = raw.to_lowercase();
                    let surface = analysis.fold(&lower);
                    let term = (!analysis.is_stopword(&surface))
                        .then(|| SmallText::new(&analysis.term_of(&lower)));
                    let w = CachedWord {
                        hash,
                        raw: SmallText::new(raw),
                        term,
                        reported: 0,
                    };
                    table.insert_unique(hash, w, |w| w.hash).into_mut()
                }
            };
            let Some(term) = &w.term else { continue };
            if w.reported != generation {
                w.reported = generation;
                // The surface again, rather than kept in every entry: once per word.
                let surface = analysis.fold(&raw.to_lowercase());
                let term = String::from_utf8_lossy(term.bytes()).into_owned();
                pairs.push((surface, term));
            }
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(term.bytes());
        }
    });
    // Whole words of `str`s: always UTF-8.
    *terms = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Analyse text for the index: stopwords dropped, every word with its surface and term.
pub fn analyse(text: &str) -> Vec<Token> {
    words(text)
        .filter_map(|w| {
            let surface = fold(&w);
            if is_stopword(&surface) {
                return None;
            }
            Some(Token {
                term: term_of(&w),
                surface,
            })
        })
        .collect()
}

/// Optimal-string-alignment distance (Damerau with adjacent transpositions), giving up
/// above `max`. Mirrored exactly in the browser client.
pub fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let mut prev2 = vec![0usize; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0usize; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let w = stopwords();
        assert!(
            w.windows(2).all(|p| p[0] < p[1]),
            "stopwords.txt must be sorted"
        );
        assert!(is_stopword("paa") && is_stopword("og") && !is_stopword("vold"));
    }

    #[test]
    fn folding_and_stemming_meet_inflections() {
        assert_eq!(fold("rådgivning"), "raadgivning");
        assert_eq!(loose("raadgivning"), loose("radgivning"));
        assert_eq!(loose("moedrehjaelpen"), loose("modrehjalpen"));
        assert_eq!(term_of("voldsudøvere"), term_of("voldsudøver"));
        assert_eq!(term_of("samtaleforløbene"), term_of("samtaleforløb"));
    }

    #[test]
    fn analyse_drops_stopwords_and_keeps_surfaces() {
        let t = analyse("Vold i nære relationer");
        let s: Vec<_> = t.iter().map(|t| t.surface.as_str()).collect();
        assert_eq!(s, ["vold", "naere", "relationer"]);
    }

    #[test]
    fn the_cache_gives_long_and_short_words_the_terms_of_the_uncached_analysis() {
        // Words around the inline size of the cache's entries (22 bytes; "æ" takes two),
        // twice each so that the second is a hit, with a stopword between.
        let text = "vold og voldsforebyggelsesindsatsernes krisecentrenes \
                    partnervoldsrådgivningen abcdefghijklmnopqrstuv abcdefghijklmnopqrstuvw";
        let want: Vec<String> = analyse(text).into_iter().map(|t| t.term).collect();
        assert!(want.iter().any(|t| t.len() > SmallText::INLINE));
        for _ in 0..2 {
            let (mut terms, mut pairs) = (String::new(), Vec::new());
            analyse_into(
                Analysis::Danish,
                text,
                new_generation(),
                &mut terms,
                &mut pairs,
            );
            let got: Vec<&str> = terms.split(' ').collect();
            assert_eq!(got, want);
            assert_eq!(pairs.len(), want.len(), "{pairs:?}");
        }
    }

    #[test]
    fn analyse_into_reports_each_word_once_per_generation() {
        for _ in 0..2 {
            let generation = new_generation();
            let (mut terms, mut pairs) = (String::new(), Vec::new());
            analyse_into(
                Analysis::Danish,
                "Krisecentre og krisecentre",
                generation,
                &mut terms,
                &mut pairs,
            );
            assert_eq!(pairs.len(), 2, "Krisecentre and krisecentre: {pairs:?}");
            assert_eq!(terms.split(' ').count(), 2);
            // The same words again in this generation: terms, but no new pairs.
            analyse_into(
                Analysis::Danish,
                "krisecentre",
                generation,
                &mut terms,
                &mut pairs,
            );
            assert_eq!(pairs.len(), 2);
            assert_eq!(terms.split(' ').count(), 3);
        }
    }

    #[test]
    fn english_and_arabic_stem_their_own_words() {
        let en = Analysis::English;
        assert_eq!(en.term_of("violence"), en.term_of("violences"));
        assert_eq!(en.term_of("abused"), en.term_of("abuse"));
        assert_eq!(en.term_of("hits"), en.term_of("hit"));
        assert!(en.is_stopword("my") && !en.is_stopword("partner"));
        let ar = Analysis::Arabic;
        // The article and a hamza spelling meet the bare word.
        assert_eq!(ar.term_of("العنف"), ar.term_of("عنف"));
        assert_eq!(ar.term_of("الخط"), ar.term_of("خط"));
        assert_eq!(ar.term_of("بالخط"), ar.term_of("خط"));
        assert_eq!(ar.fold("أسرة"), ar.fold("اسره"));
        assert!(ar.is_stopword(&ar.fold("على")));
        // Latin names in Arabic text fold the Danish way.
        assert_eq!(ar.fold("mødrehjælpen"), "moedrehjaelpen");
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        let d = |a: &str, b: &str, m| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            edit_distance(&a, &b, m)
        };
        assert_eq!(d("kvindegruper", "kvindegrupper", 2), Some(1));
        assert_eq!(d("raadgivnign", "raadgivning", 2), Some(1));
        assert_eq!(d("abc", "xyz", 1), None);
    }
}
