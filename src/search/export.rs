//! The static index for the browser client, sized so that a first search downloads only
//! what its query needs:
//!
//! - `soeg/index.json`: planning constants, the synonyms, and small tables that say which
//!   file holds what (the separators of the vocabulary blocks, or of their groups on a very
//!   large site, and the runs of documents per section);
//! - the vocabulary in four sorted dictionaries cut into blocks (`vs<n>`, which also carry
//!   the loose dictionary's rows, `vr<n>`, `vf<n>`), see [`Dict`];
//! - per term, its best postings (the head: [`HEAD`] documents, plus any tied with the
//!   last of them) in head shards `h<n>`, and the rest in rest shards `p<n>`: the client
//!   ranks a first page from heads and score bounds, and loads the rest only when it must;
//! - titles, addresses and summaries in chunks `d<n>` of [`DOC_CHUNK`] documents, and those
//!   of a common term's head documents together (`r<term>`, see [`result_bundles`]);
//! - facets as postings, one file `facet-<key>` per facet key, loaded when the filters are used.
//!
//! Every file but index.json is named `<stem>.<hash>.json` with one hash over the whole
//! export, so index.json need not list file names.

use super::analyze::loose;
use super::docs::{facet_keys, facet_label, Corpus, SearchDoc, FACET_KEYS};
use super::plan::{Vocab, FUZZY_PREFIX, WEIGHTS};
use super::SearchIndex;
use crate::options::SearchShape;
use crate::output::OutputFile;
use crate::stages::Stages;
use rayon::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;

/// Rows per vocabulary block: about 0.7 KB gzip at realistic scale; a query word needs a
/// handful of blocks.
pub const DICT_BLOCK: usize = 128;

/// Words per row of a typo block ([`Dict::block_rows`]).
const TYPO_ROWS_PER: usize = 400;

/// Blocks per group of separators, on a site whose separators exceed
/// [`SearchShape::inline_separator_bytes`]: index.json then holds one separator per group,
/// and the client fetches the group's file (`v<dict>i<g>`) to find a block within it.
pub const DICT_GROUP: usize = 32;

/// Postings per term in its head: a first page of results.
pub const HEAD: usize = 20;

/// Terms per head shard: `h<n>` holds the heads of terms `n × HEAD_TERMS ..`, about 250
/// postings (most terms are rare), so that the scattered expansions of a query word each
/// cost a small file and index.json needs no table.
pub const HEAD_TERMS: usize = 16;

/// A head longer than this (many documents tied with the 20th: a word every entry has in
/// the same place) gets no file of its documents' rows: one was 2.7 MB at 10,000 entries.
pub const BUNDLE_HEAD_MAX: usize = 2 * HEAD;

/// Postings per rest shard (a long rest has a shard of its own).
pub const REST_SHARD_POSTINGS: usize = 500;

/// Documents per chunk of titles, addresses and summaries. The client fetches the chunks of
/// the 20 results it shows; on a large site the results are spread over the whole site, so
/// each shown result would cost a chunk of its own: one document per file (about 200 bytes
/// gzip), as Pagefind's fragments, costs the least.
pub const DOC_CHUNK: usize = 1;

pub const INDEX_FILE: &str = "soeg/index.json";

/// A file of the export before it is named: stem (`h12`) and body.
type Part = (String, Vec<u8>);

/// The files of an index under `<prefix>soeg/` (`prefix` is `""` or `"en/"`), cut as
/// `shape` says, timing its stages in `stages`. Takes the index: once every term is scored,
/// the engine is let go (at 10,000 entries, tens of MB less at the build's peak). The
/// export writes none of the documents' texts: an index built with
/// [`super::Texts::Drop`] has already let them go.
pub fn export(
    idx: SearchIndex,
    corpus: Corpus,
    prefix: &str,
    shape: SearchShape,
    stages: &mut Stages,
) -> tantivy::Result<Vec<OutputFile>> {
    let analysis = idx.vocab.analysis;
    // Each term's scores are dropped as soon as they are split: at 10,000 entries they
    // are about 4 million (document, score) pairs.
    let split: Vec<Split> = idx.map_postings(|p| Split::new(&p))?;
    let Exported {
        docs,
        vocab,
        synonyms,
    } = idx.into_exported();
    stages.lap("scorer");
    let mut parts: Vec<Part> = Vec::new();
    let maxes: Vec<u32> = split.iter().map(|s| s.max).collect();
    // The dictionaries are independent: sorted and written side by side.
    let written: Vec<(&str, Vec<String>, Vec<Part>)> = Dict::WRITTEN
        .par_iter()
        .map(|d| {
            let mut own = Vec::new();
            let seps = d.write(&vocab, &maxes, &mut own);
            (d.name(), seps, own)
        })
        .collect();
    let separator_bytes: usize = (written.iter())
        .flat_map(|(_, seps, _)| seps.iter().map(|s| s.len() + 3))
        .sum();
    // Index.json is fetched when the search field gets focus, so its size is mostly spent
    // while the query is typed, whereas group files cost a first query a round trip and
    // three or four requests. Measured 2026-12-03 at 10,000 entries in headless Chromium:
    // cold median 267-319 ms with group files, 189-233 ms inline, for 17 KB more gzip at
    // the median query.
    let inline = separator_bytes <= shape.inline_separator_bytes;
    let mut dicts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut dicts_inline: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (name, seps, own) in written {
        parts.extend(own);
        if inline {
            dicts.insert(name, Vec::new());
            dicts_inline.insert(name, seps);
        } else {
            dicts.insert(name, separator_groups(name, &seps, &mut parts));
        }
    }
    stages.lap("ordbøger");
    posting_files(&split, &mut parts);
    let bundle_min = shape.bundle_threshold(docs.len());
    result_bundles(&split, &docs, bundle_min, &mut parts);
    drop(split);
    stages.lap("postings");
    doc_chunks(&docs, &mut parts);
    let facet_files = facet_files(&docs, corpus, &mut parts);
    let mut sections: Vec<(String, usize)> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if sections.last().is_none_or(|(s, _)| *s != d.section) {
            sections.push((d.section.clone(), i));
        }
    }
    let section_labels: BTreeMap<String, String> = docs
        .iter()
        .map(|d| (d.section.clone(), d.section_label.clone()))
        .collect();
    let mut hasher = Sha256::new();
    for (stem, body) in &parts {
        hasher.update(stem.as_bytes());
        hasher.update((body.len() as u64).to_le_bytes());
        hasher.update(body);
    }
    let hash: String = hasher.finalize()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let main = json!({
        "v": 2,
        "hash": hash,
        "weights": WEIGHTS,
        "lang": corpus.site.config.language,
        "suffixes": analysis.suffixes(),
        "prefixes": analysis.prefixes(),
        "stopwords": analysis.stopwords(),
        "fuzzyPrefix": FUZZY_PREFIX,
        "synonyms": synonyms,
        "dicts": dicts,
        "dictGroup": DICT_GROUP,
        "dictInline": dicts_inline,
        "headTerms": HEAD_TERMS,
        "bundleMin": bundle_min,
        "bundleHeadMax": BUNDLE_HEAD_MAX,
        "docs": docs.len(),
        "docChunk": DOC_CHUNK,
        "sections": sections,
        "sectionLabels": section_labels,
        "facetKeys": facet_keys(corpus),
        "facetFiles": facet_files,
        // The language's folding rule (src/fold.rs), so the client keeps no copy of its
        // own; the first table holding a letter wins.
        "fold": analysis
            .fold_tables()
            .iter()
            .rev()
            .flat_map(|t| t.iter())
            .map(|(from, to)| (from.to_string(), *to))
            .collect::<BTreeMap<String, &str>>(),
    });
    let mut files: Vec<OutputFile> = parts
        .into_iter()
        .map(|(stem, bytes)| OutputFile {
            path: format!("{prefix}soeg/{stem}.{hash}.json"),
            bytes,
        })
        .collect();
    files.push(OutputFile {
        path: format!("{prefix}{INDEX_FILE}"),
        bytes: serde_json::to_vec(&main).expect("json"),
    });
    stages.lap("dokumenter og index.json");
    Ok(files)
}

fn deltas(xs: impl Iterator<Item = i64>) -> Vec<i64> {
    xs.scan(0i64, |prev, x| {
        let d = x - *prev;
        *prev = x;
        Some(d)
    })
    .collect()
}

/// One term's postings, scores × 1000 as the client sees them, split into head and rest
/// (each in document order).
struct Split {
    head: Vec<(u32, u32)>,
    rest: Vec<(u32, u32)>,
    /// The best score: what an unloaded term can add at most.
    max: u32,
}

impl Split {
    fn new(post: &[(u32, f32)]) -> Split {
        let mut by: Vec<(u32, u32)> = post
            .iter()
            .map(|&(d, s)| (d, (s * 1000.0).round() as u32))
            .collect();
        let max = by.iter().map(|p| p.1).max().unwrap_or(0);
        if by.len() <= HEAD {
            return Split {
                head: by,
                rest: Vec::new(),
                max,
            };
        }
        by.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // Ties with the last of the head join it, so the rest scores strictly below the
        // head's lowest score: that is the bound the client uses for the unloaded rest.
        let cut = by[HEAD - 1].1;
        let k = by.partition_point(|p| p.1 >= cut);
        let mut rest = by.split_off(k);
        by.sort_unstable();
        rest.sort_unstable();
        Split {
            head: by,
            rest,
            max,
        }
    }
}

/// Document gaps and scores, interleaved: `gap,score,gap,score…`.
fn write_postings(out: &mut Vec<u8>, post: &[(u32, u32)]) {
    let mut prev = 0u32;
    for (j, (d, s)) in post.iter().enumerate() {
        if j > 0 {
            out.push(b',');
        }
        write!(out, "{},{}", d - prev, s).expect("write to a Vec");
        prev = *d;
    }
}

/// What the export keeps of an index once every term is scored: the documents (it writes
/// their titles, addresses, summaries and facets), the vocabulary and the synonyms.
struct Exported {
    docs: Vec<SearchDoc>,
    vocab: Vocab,
    synonyms: Vec<Vec<Vec<String>>>,
}

impl SearchIndex {
    /// Done with the engine: every term is scored.
    fn into_exported(self) -> Exported {
        let SearchIndex {
            docs,
            vocab,
            synonyms,
            ..
        } = self;
        Exported {
            docs,
            vocab,
            synonyms,
        }
    }
}

/// Head shards `h<n>` (`{"p":[[rest shard or -1, document count, postings…],…]}` for a
/// run of terms) and rest shards `p<n>` (`{"t":[term ids as differences],"p":[[postings…],…]}`).
fn posting_files(split: &[Split], parts: &mut Vec<Part>) {
    // Rest shards first: the heads name them.
    let mut rest_of = vec![-1i64; split.len()];
    let mut rest_cuts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut count = 0;
    for (t, s) in split.iter().enumerate() {
        if s.rest.is_empty() {
            continue;
        }
        if count >= REST_SHARD_POSTINGS {
            rest_cuts.push(Vec::new());
            count = 0;
        }
        rest_of[t] = (rest_cuts.len() - 1) as i64;
        rest_cuts.last_mut().expect("one").push(t);
        count += s.rest.len();
    }
    rest_cuts.retain(|c| !c.is_empty());
    let bodies: Vec<Vec<u8>> = rest_cuts
        .par_iter()
        .map(|terms| {
            let mut out = Vec::new();
            let ids = deltas(terms.iter().map(|&t| t as i64));
            out.extend_from_slice(b"{\"t\":");
            out.extend_from_slice(&serde_json::to_vec(&ids).expect("json"));
            out.extend_from_slice(b",\"p\":[");
            for (i, &t) in terms.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'[');
                write_postings(&mut out, &split[t].rest);
                out.push(b']');
            }
            out.extend_from_slice(b"]}");
            out
        })
        .collect();
    for (n, body) in bodies.into_iter().enumerate() {
        parts.push((format!("p{n}"), body));
    }
    let cuts: Vec<(usize, usize)> = (0..split.len().div_ceil(HEAD_TERMS).max(1))
        .map(|n| (n * HEAD_TERMS, ((n + 1) * HEAD_TERMS).min(split.len())))
        .collect();
    let bodies: Vec<Vec<u8>> = cuts
        .par_iter()
        .map(|&(from, to)| {
            let mut out = Vec::new();
            out.extend_from_slice(b"{\"p\":[");
            for t in from..to {
                if t > from {
                    out.push(b',');
                }
                let s = &split[t];
                write!(out, "[{},{}", rest_of[t], s.head.len() + s.rest.len())
                    .expect("write to a Vec");
                if !s.head.is_empty() {
                    out.push(b',');
                }
                write_postings(&mut out, &s.head);
                out.push(b']');
            }
            out.extend_from_slice(b"]}");
            out
        })
        .collect();
    for (n, body) in bodies.into_iter().enumerate() {
        parts.push((format!("h{n}"), body));
    }
}

/// The four orders of the vocabulary. Each holds every surface once, with its term and
/// that term's best score; the key decides the order and so which block a lookup needs.
#[derive(Clone, Copy)]
enum Dict {
    /// The surface itself: exact words, suffix bases, compound heads, synonyms, prefixes.
    Surface,
    /// `loose(surface) + " " + surface`: ASCII spellings and loose prefixes.
    Loose,
    /// The surface reversed: compound tails, and words ending in the query word.
    Reversed,
    /// First [`FUZZY_PREFIX`] letters, length (3 digits), surface, space-separated: the
    /// typo candidates of a word are one key range.
    Typo,
}

impl Dict {
    /// The dictionaries with files and separators of their own: the loose dictionary's
    /// rows travel in the surface dictionary's blocks.
    const WRITTEN: [Dict; 3] = [Dict::Surface, Dict::Reversed, Dict::Typo];

    fn name(self) -> &'static str {
        match self {
            Dict::Surface => "s",
            Dict::Loose => "l",
            Dict::Reversed => "r",
            Dict::Typo => "f",
        }
    }

    /// Rows per block. A typo lookup reads every word with the same first letters and a
    /// length within reach, a range that grows with the vocabulary: the typo dictionary's
    /// blocks grow with it (one row per [`TYPO_ROWS_PER`] words, up to four times the
    /// others'), so that range stays one or two files. At 10,000 entries (111,747 words)
    /// blocks of 279 rows took the median query from 20.5 to 19.5 files and its bytes from
    /// 44.0 to 41.9 KB (fewer separators in index.json); on the default site nothing
    /// changes.
    fn block_rows(self, words: usize) -> usize {
        match self {
            Dict::Typo => (words / TYPO_ROWS_PER).clamp(DICT_BLOCK, 4 * DICT_BLOCK),
            _ => DICT_BLOCK,
        }
    }

    fn key(self, s: &str) -> String {
        match self {
            Dict::Surface => s.to_string(),
            Dict::Loose => format!("{} {s}", loose(s)),
            Dict::Reversed => s.chars().rev().collect(),
            Dict::Typo => {
                let head: String = s.chars().take(FUZZY_PREFIX).collect();
                format!("{head} {:03} {s}", s.chars().count().min(999))
            }
        }
    }

    /// Every surface's row `(key, surface index)`, sorted by key.
    fn rows(self, v: &Vocab) -> Vec<(String, usize)> {
        let mut rows: Vec<(String, usize)> = (v.surfaces.iter().enumerate())
            .map(|(i, s)| (self.key(s), i))
            .collect();
        rows.sort_unstable();
        rows
    }

    /// One block's rows: `{"s":"surface …","t":[term ids as differences],"m":[best scores
    /// in tenths, rounded up]}`; the reversed dictionary holds the surfaces reversed, as
    /// its keys, which compress better.
    fn block(self, v: &Vocab, maxes: &[u32], block: &[(String, usize)]) -> serde_json::Value {
        let surfaces: Vec<&str> = (block.iter())
            .map(|(key, i)| match self {
                Dict::Reversed => key.as_str(),
                _ => v.surfaces[*i].as_str(),
            })
            .collect();
        let terms = block.iter().map(|(_, i)| v.surface_term[*i]);
        json!({
            "s": surfaces.join(" "),
            "t": deltas(terms.clone().map(i64::from)),
            "m": terms.map(|t| maxes[t as usize].div_ceil(100)).collect::<Vec<u32>>(),
        })
    }

    /// Write the blocks (`v<name><n>`, see [`Dict::block`]) and return the separators of
    /// the blocks after the first. A block's separator is the shortest prefix of its first
    /// key above the previous block's last key. The surface dictionary's blocks also carry
    /// the loose dictionary's rows whose keys fall in their range (`"l"`, see
    /// [`loose_by_surface_blocks`]); the loose dictionary has no files of its own.
    fn write(self, v: &Vocab, maxes: &[u32], parts: &mut Vec<Part>) -> Vec<String> {
        let rows = self.rows(v);
        let size = self.block_rows(rows.len());
        let seps: Vec<String> = (1..rows.len().div_ceil(size))
            .map(|n| separator(&rows[n * size - 1].0, &rows[n * size].0).to_string())
            .collect();
        let loose_rows = matches!(self, Dict::Surface).then(|| Dict::Loose.rows(v));
        let loose = loose_rows
            .as_deref()
            .map(|l| loose_by_surface_blocks(l, &seps));
        for (n, block) in rows.chunks(size).enumerate() {
            let mut body = self.block(v, maxes, block);
            if let Some(l) = loose.as_ref().map(|l| l[n]).filter(|l| !l.is_empty()) {
                body["l"] = Dict::Loose.block(v, maxes, l);
            }
            parts.push((
                format!("v{}{n}", self.name()),
                serde_json::to_vec(&body).expect("json"),
            ));
        }
        seps
    }
}

/// The loose dictionary's rows (sorted by loose key) cut at the surface dictionary's
/// separators: block n holds the keys at or above separator n and below separator n + 1,
/// the block a lookup of that key by surface finds. A word written without æ, ø and å
/// (folded aa, ae, oe) has its loose key where its surface is, so its loose lookups read
/// the file of its surface lookups instead of a file of their own: at 10,000 entries one
/// request less for most query words, and index.json without a quarter of its separators.
fn loose_by_surface_blocks<'a>(
    rows: &'a [(String, usize)],
    seps: &[String],
) -> Vec<&'a [(String, usize)]> {
    let mut out = Vec::with_capacity(seps.len() + 1);
    let mut start = 0;
    for sep in seps {
        let end = start + rows[start..].partition_point(|(k, _)| k.as_str() < sep.as_str());
        out.push(&rows[start..end]);
        start = end;
    }
    out.push(&rows[start..]);
    out
}

/// The separators of a dictionary's blocks (after its first) in group files of
/// [`DICT_GROUP`] (`v<name>i<g>`, the separators of the blocks after the group's first);
/// returns what index.json carries: the separator of each group's first block, for every
/// group after the first.
fn separator_groups(name: &str, seps: &[String], parts: &mut Vec<Part>) -> Vec<String> {
    let mut firsts = Vec::new();
    // The first block has no separator: it holds everything below the second's.
    let all: Vec<&str> = std::iter::once("")
        .chain(seps.iter().map(String::as_str))
        .collect();
    for (g, group) in all.chunks(DICT_GROUP).enumerate() {
        if g > 0 {
            firsts.push(group[0].to_string());
        }
        let inner = serde_json::to_vec(&group[1..]).expect("json");
        parts.push((format!("v{name}i{g}"), inner));
    }
    firsts
}

/// The shortest prefix of `first` that sorts above `prev` (`prev < first`): every key of
/// the block that starts with `first` is at or above it, every key before is below.
fn separator<'a>(prev: &str, first: &'a str) -> &'a str {
    (first.char_indices().map(|(i, c)| i + c.len_utf8()))
        .map(|end| &first[..end])
        .find(|p| *p > prev)
        .unwrap_or(first)
}

/// The titles, addresses and summaries of the documents in the head of every term found
/// in at least `min_documents` documents (`r<term>`: `[[title, url, summary],…]` in the
/// head's order), unless ties make its head longer than [`BUNDLE_HEAD_MAX`]. The first
/// page of a common word comes mostly from the heads the client loaded to rank it: a few of
/// these files show it, where one file per result cost a request each. Measured
/// 2026-12-03 on 10,000 entries (the 9 benchmark queries with results): 180 document
/// files before the first pages → 87 files, 37.3 → 35.3 KB gzip.
fn result_bundles(
    split: &[Split],
    docs: &[SearchDoc],
    min_documents: usize,
    parts: &mut Vec<Part>,
) {
    let bodies: Vec<(usize, Vec<u8>)> = (split.par_iter().enumerate())
        .filter(|(_, s)| {
            s.head.len() + s.rest.len() >= min_documents && s.head.len() <= BUNDLE_HEAD_MAX
        })
        .map(|(t, s)| {
            let rows: Vec<Row> = (s.head.iter())
                .map(|&(d, _)| row(&docs[d as usize]))
                .collect();
            (t, serde_json::to_vec(&rows).expect("json"))
        })
        .collect();
    for (t, body) in bodies {
        parts.push((format!("r{t}"), body));
    }
}

/// What the client shows of a result: `[title, url, summary]` (a tuple serializes as an
/// array, without a copy of the strings).
type Row<'a> = (&'a str, &'a str, &'a str);

fn row(d: &SearchDoc) -> Row<'_> {
    (&d.title, &d.url, &d.summary)
}

/// Titles, addresses and summaries in chunks of [`DOC_CHUNK`] documents (`d<n>`).
fn doc_chunks(docs: &[SearchDoc], parts: &mut Vec<Part>) {
    for (n, chunk) in docs.chunks(DOC_CHUNK).enumerate() {
        let rows: Vec<Row> = chunk.iter().map(row).collect();
        parts.push((format!("d{n}"), serde_json::to_vec(&rows).expect("json")));
    }
}

/// Facets as postings: per facet key (but the section, which index.json gives as runs), a
/// file `facet-<key>` with `[[value, label, document gaps…],…]` in display order. Returns the
/// keys that have a file.
fn facet_files(docs: &[SearchDoc], corpus: Corpus, parts: &mut Vec<Part>) -> Vec<String> {
    let mut by_key: BTreeMap<usize, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for (k, v) in &d.facets {
            let Some(pos) = FACET_KEYS.iter().position(|fk| fk == k) else {
                continue;
            };
            if *k == "section" {
                continue;
            }
            let docs = by_key.entry(pos).or_default().entry(v.clone()).or_default();
            if docs.last() != Some(&(i as u32)) {
                docs.push(i as u32);
            }
        }
    }
    let mut keys = Vec::new();
    for (pos, values) in by_key {
        let key = FACET_KEYS[pos];
        let rows: Vec<Value> = values
            .into_iter()
            .map(|(v, docs)| {
                let mut row = vec![json!(v), json!(facet_label(corpus, key, &v))];
                row.extend(
                    deltas(docs.iter().map(|&d| i64::from(d)))
                        .into_iter()
                        .map(Value::from),
                );
                Value::Array(row)
            })
            .collect();
        parts.push((
            format!("facet-{key}"),
            serde_json::to_vec(&rows).expect("json"),
        ));
        keys.push(key.to_string());
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_keeps_its_ties_and_its_rest_scores_below_it() {
        // 25 documents: scores 1000 down to 760, with the 20th to 23rd tied.
        let post: Vec<(u32, f32)> = (0..25u32)
            .map(|d| {
                let s = if (19..23).contains(&d) {
                    0.81
                } else {
                    1.0 - d as f32 * 0.01
                };
                (d, s)
            })
            .collect();
        let s = Split::new(&post);
        assert_eq!(s.max, 1000);
        assert_eq!(s.head.len(), 23, "the ties with the 20th join the head");
        let head_min = s.head.iter().map(|p| p.1).min().unwrap();
        assert!(s.rest.iter().all(|p| p.1 < head_min));
        assert!(s.head.windows(2).all(|w| w[0].0 < w[1].0), "document order");
        assert_eq!(s.head.len() + s.rest.len(), 25);
        let short = Split::new(&post[..5]);
        assert!(short.rest.is_empty() && short.head.len() == 5);
    }

    #[test]
    fn loose_rows_land_in_the_surface_block_their_key_falls_in() {
        let rows: Vec<(String, usize)> = ["a x", "ab y", "b z", "bb w", "c v", "d u"]
            .iter()
            .enumerate()
            .map(|(i, k)| (k.to_string(), i))
            .collect();
        // Separators of surface blocks 1 and 2: block 0 below "b", block 1 from "b" to
        // below "c", block 2 from "c".
        let seps = vec!["b".to_string(), "c".to_string()];
        let blocks = loose_by_surface_blocks(&rows, &seps);
        let keys: Vec<Vec<&str>> = (blocks.iter())
            .map(|b| b.iter().map(|(k, _)| k.as_str()).collect())
            .collect();
        assert_eq!(
            keys,
            [vec!["a x", "ab y"], vec!["b z", "bb w"], vec!["c v", "d u"]]
        );
        // No separators: one block holds every row.
        assert_eq!(loose_by_surface_blocks(&rows, &[]).len(), 1);
    }

    #[test]
    fn separators_are_the_shortest_prefix_above_the_block_before() {
        assert_eq!(separator("krise", "kvinde"), "kv");
        assert_eq!(separator("vold", "volds"), "volds");
        assert_eq!(separator("aa", "b"), "b");
        assert_eq!(separator("ø", "øl"), "øl");
        for (prev, first) in [("krise", "kvinde"), ("vold", "volds"), ("a b", "a c")] {
            let sep = separator(prev, first);
            assert!(prev < sep && sep <= first && first.starts_with(sep));
        }
    }

    #[test]
    fn dictionary_keys_put_each_lookup_in_one_key_range() {
        // Loose: the exact loose key is the prefix `loose + " "`.
        assert!(Dict::Loose.key("raadgivning").starts_with("radgivning "));
        // Reversed: a tail is a prefix of the reversed word.
        assert!(Dict::Reversed.key("partnervold").starts_with("dlov"));
        // Typos: first two letters and the length, three digits.
        assert_eq!(Dict::Typo.key("kvindegrupper"), "kv 013 kvindegrupper");
        assert!(Dict::Typo.key("kvinde") < Dict::Typo.key("kvindegrupper"));
    }
}
