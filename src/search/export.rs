//! The static index for the browser client: `soeg/index.json` (documents, facets,
//! vocabulary, planning constants) and posting shards `soeg/p<n>.<hash>.json` holding the
//! tantivy scores of each term, fetched only for the terms a query needs.

use super::docs::{facet_keys, facet_label, Corpus, FACET_KEYS};
use super::plan::WEIGHTS;
use super::SearchIndex;
use crate::output::OutputFile;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Postings per shard: small enough that a query fetches little, large enough that a
/// small site is one or two files.
pub const SHARD_POSTINGS: usize = 1500;

/// Documents per chunk of titles, addresses and summaries. The client fetches the chunks of
/// the 20 results it shows; results are spread over the whole site, so on a large site each
/// shown result tends to cost a chunk of its own: small chunks keep that cheap (~1.5 KB
/// gzip each), while a small site still needs only a handful.
pub const DOC_CHUNK: usize = 25;

pub const INDEX_FILE: &str = "soeg/index.json";

/// The search index of the source language, in `soeg/`.
pub fn export(idx: &SearchIndex, corpus: Corpus) -> tantivy::Result<Vec<OutputFile>> {
    export_to(idx, corpus, "")
}

/// The files of an index under `<prefix>soeg/` (`prefix` is `""` or `"en/"`).
pub fn export_to(
    idx: &SearchIndex,
    corpus: Corpus,
    prefix: &str,
) -> tantivy::Result<Vec<OutputFile>> {
    let (facets, docs) = facet_table(idx, corpus);
    let mut files = Vec::new();
    let doc_chunks = doc_chunks(idx, &mut files);
    let shards = posting_shards(idx, &mut files)?;
    let analysis = idx.vocab.analysis;
    let sections: BTreeMap<String, String> = idx
        .docs
        .iter()
        .map(|d| (d.section.clone(), d.section_label.clone()))
        .collect();
    let main = json!({
        "v": 1,
        "weights": WEIGHTS,
        "lang": corpus.site.config.language,
        "suffixes": analysis.suffixes(),
        "prefixes": analysis.prefixes(),
        "stopwords": analysis.stopwords(),
        "surfaces": idx.vocab.surfaces.join(" "),
        // Term ids rise with the sorted surfaces, so differences are small and compress well.
        "st": idx.vocab.surface_term.iter().scan(0i64, |prev, &t| {
            let d = t as i64 - *prev;
            *prev = t as i64;
            Some(d)
        }).collect::<Vec<i64>>(),
        "synonyms": idx.synonyms,
        "shards": shards,
        "docs": docs,
        "docChunk": DOC_CHUNK,
        "docChunks": doc_chunks,
        "facets": facets,
        "facetKeys": facet_keys(corpus),
        // The language's folding rule (src/fold.rs), so the client keeps no copy of its
        // own; the first table holding a letter wins.
        "fold": analysis
            .fold_tables()
            .iter()
            .rev()
            .flat_map(|t| t.iter())
            .map(|(from, to)| (from.to_string(), *to))
            .collect::<BTreeMap<String, &str>>(),
        "sections": sections,
    });
    files.push(OutputFile {
        path: INDEX_FILE.into(),
        bytes: serde_json::to_vec(&main).expect("json"),
    });
    for f in &mut files {
        f.path.insert_str(0, prefix);
    }
    Ok(files)
}

/// The facet table (every (key, value) once, in display order, with its label) and, per
/// document, what ranking and facet counts need: its section and its facets' ids. Title,
/// address and summary go into chunks fetched only for the results shown.
fn facet_table(idx: &SearchIndex, corpus: Corpus) -> (Vec<Value>, Vec<Value>) {
    let key_pos = |k: &str| {
        FACET_KEYS
            .iter()
            .position(|fk| *fk == k)
            .unwrap_or(usize::MAX)
    };
    let mut facet_ids: BTreeMap<(usize, String, String), usize> = BTreeMap::new();
    for d in &idx.docs {
        for (k, v) in &d.facets {
            facet_ids.insert((key_pos(k), k.clone(), v.clone()), 0);
        }
    }
    let mut facets = Vec::new();
    for (i, ((_, k, v), id)) in facet_ids.iter_mut().enumerate() {
        *id = i;
        facets.push(json!([k, v, facet_label(corpus, k, v)]));
    }
    let docs = idx
        .docs
        .iter()
        .map(|d| {
            let f: Vec<usize> = d
                .facets
                .iter()
                .map(|(k, v)| facet_ids[&(key_pos(k), k.clone(), v.clone())])
                .collect();
            json!([d.section, f])
        })
        .collect();
    (facets, docs)
}

/// `body` as `soeg/<stem>.<hash>.json`; returns the file name without `soeg/`.
fn push_hashed(files: &mut Vec<OutputFile>, stem: &str, body: Vec<u8>) -> String {
    let hashed = crate::theme::hashed_name(&format!("{stem}.json"), &body);
    let file = hashed.rsplit('/').next().unwrap_or_default().to_string();
    files.push(OutputFile {
        path: format!("soeg/{file}"),
        bytes: body,
    });
    file
}

/// Titles, addresses and summaries in chunks of [`DOC_CHUNK`] documents; their file names.
fn doc_chunks(idx: &SearchIndex, files: &mut Vec<OutputFile>) -> Vec<String> {
    idx.docs
        .chunks(DOC_CHUNK)
        .enumerate()
        .map(|(n, chunk)| {
            let rows: Vec<Value> = chunk
                .iter()
                .map(|d| json!([d.title, d.url, d.summary]))
                .collect();
            let body = serde_json::to_vec(&rows).expect("json");
            push_hashed(files, &format!("d{n}"), body)
        })
        .collect()
}

/// The postings, term by term (document gaps and scores × 1000), cut into shards of about
/// [`SHARD_POSTINGS`]; returns each shard's first term and file name.
fn posting_shards(idx: &SearchIndex, files: &mut Vec<OutputFile>) -> tantivy::Result<Vec<Value>> {
    // Scoring every term is the bulk of the work; terms are independent.
    let all: Vec<Vec<(u32, f32)>> = (0..idx.vocab.terms.len() as u32)
        .into_par_iter()
        .map(|t| idx.postings(t))
        .collect::<tantivy::Result<_>>()?;
    // Cut into shards of about SHARD_POSTINGS postings: (first term, end term).
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let (mut first, mut count) = (0usize, 0usize);
    for (t, post) in all.iter().enumerate() {
        if count >= SHARD_POSTINGS {
            cuts.push((first, t));
            first = t;
            count = 0;
        }
        count += post.len();
    }
    if first < all.len() || cuts.is_empty() {
        cuts.push((first, all.len()));
    }
    // Each shard is written straight as JSON text, `{"p":[[gap,score,…],…]}` (the bytes
    // serde_json gives for the same numbers), without a serde_json::Value per number.
    let bodies: Vec<Vec<u8>> = cuts
        .par_iter()
        .map(|&(from, to)| shard_json(&all[from..to]))
        .collect();
    let mut shards = Vec::with_capacity(cuts.len());
    for ((first, _), body) in cuts.iter().zip(bodies) {
        let file = push_hashed(files, &format!("p{}", shards.len()), body);
        shards.push(json!([first, file]));
    }
    Ok(shards)
}

/// One shard: per term, document gaps and scores × 1000, interleaved.
fn shard_json(lists: &[Vec<(u32, f32)>]) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::with_capacity(16 + lists.iter().map(|p| p.len() * 8 + 3).sum::<usize>());
    out.extend_from_slice(b"{\"p\":[");
    for (i, post) in lists.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        let mut prev = 0u32;
        for (j, (d, s)) in post.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            let score = (s * 1000.0).round() as u32;
            write!(out, "{},{}", d - prev, score).expect("write to a Vec");
            prev = *d;
        }
        out.push(b']');
    }
    out.extend_from_slice(b"]}");
    out
}
