//! Search: a tantivy index built from the model after rendering, queried from the command
//! line, and exported as a compact static index for the browser client
//! (`themes/default/static/search-engine.js`), which plans and ranks queries exactly like
//! [`SearchIndex::query`].
//!
//! How the two agree: tantivy scores every (term, document) pair with BM25 over the boosted
//! fields; the export carries those scores. A query is planned into slots of weighted
//! alternatives (see [`plan`]); tantivy runs it as
//! `Must(slot…)`, `slot = DisjunctionMax(Boost(w, Must(term…)))`, `term = Should(Boost(b, field:term)…)`,
//! which is exactly the sum and max the client computes from the exported scores.

pub mod analyze;
pub mod docs;
pub mod export;
pub mod plan;
mod scores;
pub mod synonyms;

use crate::diag::Diagnostics;
use crate::loaded::LoadedSite;
use analyze::Analysis;
use docs::SearchDoc;
use plan::{Slot, Vocab};
use rayon::prelude::*;
use std::collections::BTreeMap;
use tantivy::columnar::Column;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, EnableScoring, Occur, Query, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STRING,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, Searcher, TantivyDocument, Term};

/// Text fields and their boosts: a title hit outranks a passing mention in the body.
pub const FIELDS: [(&str, f32); 5] = [
    ("title", 5.0),
    ("names", 3.0),
    ("summary", 2.0),
    ("labels", 1.5),
    ("body", 1.0),
];

/// A document for tantivy and the (surface, term) pairs its analysis reported.
type AnalysedDoc = (TantivyDocument, Vec<(String, String)>);

/// Documents analysed at a time while the index writer works on the ones before.
const ANALYSIS_CHUNK: usize = 512;

pub struct SearchIndex {
    pub docs: Vec<SearchDoc>,
    pub vocab: Vocab,
    pub synonyms: Vec<Vec<Vec<String>>>,
    searcher: Searcher,
    /// Each segment's `ord` column (entry order), opened once: scoring every term for
    /// the export runs a query per term.
    ords: Vec<Column<u64>>,
    fields: Vec<(Field, f32)>,
    facet: Field,
    /// How long the build's stages took (`VEJVISER_PROFILE=1`).
    pub stages: crate::stages::Stages,
}

/// One ranked result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub slug: String,
    pub section: String,
    pub title: String,
    pub url: String,
    pub score: f64,
    pub snippet: String,
}

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub section: Option<String>,
    /// `key=value` facet filters, all of which must hold.
    pub filters: Vec<(String, String)>,
}

/// Scores are compared at this precision on both sides, so float noise cannot reorder ties.
pub fn rounded(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

fn internal(e: impl std::fmt::Display) -> crate::diag::Diagnostic {
    crate::diag::internal("søgeindeks", format!("søgeindekset kunne ikke bygges: {e}"))
}

/// Whether an index keeps its documents' texts (bodies, names, labels) once they are
/// indexed: `vejviser search` shows snippets from them; the build's export writes none,
/// and dropping each chunk's texts as soon as tantivy has them lowers the build's peak
/// memory (about 50 MB of text at 10,000 entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    Keep,
    Drop,
}

impl SearchIndex {
    /// Build the index from a loaded site and the rendered text of its entries
    /// (`texts[i]` belongs to `site.entries[i]`).
    pub fn build(
        loaded: &LoadedSite,
        texts: Vec<String>,
        root: &std::path::Path,
        keep: Texts,
        diags: &mut Diagnostics,
    ) -> Option<SearchIndex> {
        let synonyms = synonyms::load(root, diags);
        let docs = docs::collect(docs::Corpus::of(loaded), texts);
        match Self::build_analysed(docs, synonyms, Analysis::Danish, keep) {
            Ok(i) => Some(i),
            Err(e) => {
                diags.push(internal(e));
                None
            }
        }
    }

    /// The index of another language's documents (the driver collects them per language),
    /// analysed the way that language needs, with its own synonyms file.
    pub fn build_for_language(
        docs: Vec<SearchDoc>,
        code: &str,
        root: &std::path::Path,
        keep: Texts,
        diags: &mut Diagnostics,
    ) -> Option<SearchIndex> {
        let analysis = Analysis::for_language(code);
        let synonyms = synonyms::load_for(root, Some(code), analysis, diags);
        match Self::build_analysed(docs, synonyms, analysis, keep) {
            Ok(i) => Some(i),
            Err(e) => {
                diags.push(internal(e));
                None
            }
        }
    }

    /// A Danish index of `docs`.
    pub fn build_with(
        docs: Vec<SearchDoc>,
        synonyms: Vec<Vec<Vec<String>>>,
    ) -> tantivy::Result<SearchIndex> {
        Self::build_analysed(docs, synonyms, Analysis::Danish, Texts::Keep)
    }

    pub fn build_analysed(
        mut docs: Vec<SearchDoc>,
        synonyms: Vec<Vec<Vec<String>>>,
        analysis: Analysis,
        keep: Texts,
    ) -> tantivy::Result<SearchIndex> {
        let mut sb = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("vv")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields: Vec<(Field, f32)> = FIELDS
            .iter()
            .map(|(n, b)| (sb.add_text_field(n, text.clone()), *b))
            .collect();
        let facet = sb.add_text_field("facet", STRING);
        let ord = sb.add_u64_field("ord", FAST);
        let index = Index::create_in_ram(sb.build());
        index
            .tokenizers()
            .register("vv", TextAnalyzer::from(WhitespaceTokenizer::default()));
        // Analysis (stemming above all) is the costly part: done per document in
        // parallel, with each thread remembering the words it has stemmed.
        let mut stages = crate::stages::Stages::start();
        let generation = analyze::new_generation();
        let mut pairs: BTreeMap<String, String> = BTreeMap::new();
        // One indexing thread beside the analysis's two: with two, four threads shared the
        // two cores for no gain in time, and the second thread's memory arena raised the
        // build's peak (10,000 entries, four interleaved builds each, 2026-12-03: analysis
        // and indexing 1,075-1,156 ms with one thread, 1,092-1,290 ms with two; peak 315-362
        // against 358-379 MiB). It also leaves one segment to score.
        let mut writer = index.writer_with_num_threads(1, 64 * 1024 * 1024)?;
        // Analysed a chunk at a time and handed to the writer's thread, which indexes one
        // chunk while the next is analysed: all documents analysed at once held the whole
        // corpus a second time (about 60 MB at 10,000 entries) at the build's peak.
        for (c, chunk) in docs.chunks_mut(ANALYSIS_CHUNK).enumerate() {
            // The tantivy documents are made by the analysing threads too: this thread
            // merges their pairs and hands the documents to the writer's.
            let analysed: Vec<AnalysedDoc> = chunk
                .par_iter()
                .enumerate()
                .map(|(j, d)| {
                    let mut pairs = Vec::new();
                    let mut td = TantivyDocument::default();
                    for ((field, _), text) in fields.iter().zip(d.field_texts()) {
                        let mut out = String::with_capacity(text.len());
                        analyze::analyse_into(analysis, text, generation, &mut out, &mut pairs);
                        td.add_text(*field, out);
                    }
                    for (k, v) in &d.facets {
                        td.add_text(facet, format!("{k}={v}"));
                    }
                    td.add_u64(ord, (c * ANALYSIS_CHUNK + j) as u64);
                    (td, pairs)
                })
                .collect();
            for (td, new_pairs) in analysed {
                for (s, t) in new_pairs {
                    pairs.entry(s).or_insert(t);
                }
                writer.add_document(td)?;
            }
            if keep == Texts::Drop {
                chunk.iter_mut().for_each(SearchDoc::drop_texts);
            }
        }
        stages.lap("analyse og indeksering");
        // The commit writes the segment on one thread; the vocabulary needs only the
        // analysis's pairs, so it is built beside it instead of after it.
        let (committed, vocab) =
            rayon::join(|| writer.commit(), || Vocab::with_analysis(pairs, analysis));
        committed?;
        let searcher = index.reader()?.searcher();
        let ords = (searcher.segment_readers().iter())
            .map(|seg| seg.fast_fields().u64("ord"))
            .collect::<tantivy::Result<_>>()?;
        stages.lap("tantivy commit og ordforråd");
        Ok(SearchIndex {
            docs,
            vocab,
            synonyms,
            searcher,
            ords,
            fields,
            facet,
            stages,
        })
    }

    /// `Should(Boost(b, field:term))` over the text fields.
    fn term_query(&self, term: u32) -> Box<dyn Query> {
        let t = &self.vocab.terms[term as usize];
        Box::new(BooleanQuery::new(
            self.fields
                .iter()
                .map(|(f, b)| {
                    let q: Box<dyn Query> = Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(
                            Term::from_field_text(*f, t),
                            IndexRecordOption::WithFreqs,
                        )),
                        *b,
                    ));
                    (Occur::Should, q)
                })
                .collect(),
        ))
    }

    fn slot_query(&self, slot: &Slot) -> Box<dyn Query> {
        Box::new(DisjunctionMaxQuery::new(
            slot.alts
                .iter()
                .map(|a| {
                    let all: Vec<(Occur, Box<dyn Query>)> = a
                        .terms
                        .iter()
                        .map(|&t| (Occur::Must, self.term_query(t)))
                        .collect();
                    Box::new(BoostQuery::new(Box::new(BooleanQuery::new(all)), a.weight))
                        as Box<dyn Query>
                })
                .collect(),
        ))
    }

    /// Every document `q` matches, with its score, in document order.
    fn run(&self, q: &dyn Query) -> tantivy::Result<Vec<(u32, f32)>> {
        let weight = q.weight(EnableScoring::enabled_from_searcher(&self.searcher))?;
        let mut out = Vec::new();
        for (seg, ords) in self.searcher.segment_readers().iter().zip(&self.ords) {
            weight.for_each(seg, &mut |doc, score| {
                let o = ords.first(doc).unwrap_or(0) as u32;
                out.push((o, score));
            })?;
        }
        out.sort_by_key(|p| p.0);
        Ok(out)
    }

    /// The BM25 score of `term` in every document holding it: what the export carries.
    pub fn postings(&self, term: u32) -> tantivy::Result<Vec<(u32, f32)>> {
        self.run(self.term_query(term).as_ref())
    }

    /// Planned slots of a query (exposed for tests and `--explain`).
    pub fn plan(&self, q: &str) -> Vec<Slot> {
        plan::plan(q, &self.vocab, &self.synonyms)
    }

    /// Ranked results. All slots must match; when no document matches them all, any may.
    pub fn query(&self, req: &SearchRequest) -> tantivy::Result<Vec<Hit>> {
        let slots: Vec<Slot> = self
            .plan(&req.query)
            .into_iter()
            .filter(|s| !s.alts.is_empty() || !s.text.is_empty())
            .collect();
        if slots.is_empty() {
            return Ok(Vec::new());
        }
        let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut fs = req.filters.clone();
        if let Some(s) = &req.section {
            fs.push(("section".into(), s.clone()));
        }
        for (k, v) in &fs {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(self.facet, &format!("{k}={v}")),
                IndexRecordOption::Basic,
            ));
            // A filter must hold but adds nothing to the score.
            filters.push((Occur::Must, Box::new(BoostQuery::new(q, 0.0))));
        }
        let mut hits = Vec::new();
        for occur in [Occur::Must, Occur::Should] {
            if occur == Occur::Must && slots.iter().any(|s| s.alts.is_empty()) {
                continue;
            }
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = slots
                .iter()
                .filter(|s| !s.alts.is_empty())
                .map(|s| (occur, self.slot_query(s)))
                .collect();
            if clauses.is_empty() {
                break;
            }
            if occur == Occur::Should {
                clauses = vec![(
                    Occur::Must,
                    Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
                )];
            }
            clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
            hits = self.run(&BooleanQuery::new(clauses))?;
            if !hits.is_empty() {
                break;
            }
        }
        let mut ranked: Vec<(f64, u32)> = hits.into_iter().map(|(o, s)| (rounded(s), o)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let limit = if req.limit == 0 {
            usize::MAX
        } else {
            req.limit
        };
        let words: Vec<&str> = slots
            .iter()
            .flat_map(|s| {
                s.alts
                    .iter()
                    .flat_map(|a| a.words.iter().map(String::as_str))
            })
            .collect();
        Ok(ranked
            .into_iter()
            .take(limit)
            .map(|(score, o)| {
                let d = &self.docs[o as usize];
                Hit {
                    slug: d.slug.clone(),
                    section: d.section.clone(),
                    title: d.title.clone(),
                    url: d.url.clone(),
                    score,
                    snippet: docs::snippet(d, &words, self.vocab.analysis),
                }
            })
            .collect())
    }
}

/// `key=value` from the command line, with the key checked against the known facets.
pub fn parse_filter(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("--filter `{s}`: skriv nøgle=værdi, fx focus_area=3"))?;
    if !docs::FACET_KEYS.contains(&k) {
        let keys: Vec<&str> = docs::FACET_KEYS.to_vec();
        return Err(format!(
            "--filter `{s}`: `{k}` er ikke et filter; brug en af {}",
            keys.join(", ")
        ));
    }
    Ok((k.to_string(), v.to_string()))
}

/// Results as plain text for the terminal; marks shown as »word«.
pub fn render_text(query: &str, hits: &[Hit]) -> String {
    if hits.is_empty() {
        return format!("Ingen resultater for »{query}«. Prøv et andet eller kortere ord.\n");
    }
    let mut out = String::new();
    for (i, h) in hits.iter().enumerate() {
        let snippet = h
            .snippet
            .replace("<mark>", "»")
            .replace("</mark>", "«")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        out.push_str(&format!(
            "{:>2}. {}  ({}, {:.3})\n    {}\n    {}\n",
            i + 1,
            h.title,
            h.section,
            h.score,
            h.url,
            snippet
        ));
    }
    out
}
