//! Every term's BM25 scores, read straight from the index's postings: what the export
//! carries.
//!
//! The command line scores a term with tantivy's query `Should(Boost(b, field:term)…)`
//! ([`SearchIndex::postings`]). Running that query once per term for the export cost about
//! two seconds at 10,000 realistic entries (40,000 terms, five fields each: a weight, a
//! scorer and a boxed union per query). Here each field's posting list is read once and
//! scored with the same public [`Bm25Weight`] tantivy's term query builds, boosted the same
//! way, and the fields' scores are summed in field order starting from zero, as tantivy's
//! union scorer does: the scores are the same `f32`s, bit for bit (tested against the
//! query path for every term of a site).

use super::SearchIndex;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, InvertedIndexReader, Term, TERMINATED};

/// One segment's readers for the text fields, opened once for all terms.
struct SegmentFields {
    inverted: Vec<Arc<InvertedIndexReader>>,
    norms: Vec<FieldNormReader>,
}

/// One term's scores: (document in entry order, score).
type TermScores = Vec<(u32, f32)>;

/// Terms scored per rayon task: each task keeps its own weight cache.
const TERMS_PER_TASK: usize = 512;

impl SearchIndex {
    /// The BM25 scores of every term of the vocabulary (`result[t]` for term `t`), each in
    /// document (entry) order: equal to [`SearchIndex::postings`] for every term.
    pub fn all_postings(&self) -> tantivy::Result<Vec<Vec<(u32, f32)>>> {
        self.map_postings(|scores| scores)
    }

    /// `each` applied to every term's [`SearchIndex::all_postings`] as soon as it is scored
    /// (`result[t]` for term `t`): the export keeps what it writes of a term, never every
    /// term's scores at once (about 4 million pairs at 10,000 entries).
    pub fn map_postings<T: Send>(
        &self,
        each: impl Fn(TermScores) -> T + Sync,
    ) -> tantivy::Result<Vec<T>> {
        let segments: Vec<SegmentFields> = self
            .searcher
            .segment_readers()
            .iter()
            .map(|seg| {
                let mut inverted = Vec::with_capacity(self.fields.len());
                let mut norms = Vec::with_capacity(self.fields.len());
                for (field, _) in &self.fields {
                    inverted.push(seg.inverted_index(*field)?);
                    // What tantivy's term weight falls back to when a field has no norms.
                    norms.push(
                        seg.fieldnorms_readers()
                            .get_field(*field)?
                            .unwrap_or_else(|| FieldNormReader::constant(seg.max_doc(), 1)),
                    );
                }
                Ok(SegmentFields { inverted, norms })
            })
            .collect::<tantivy::Result<_>>()?;
        let terms = &self.vocab.terms;
        let tasks: Vec<tantivy::Result<Vec<T>>> = (0..terms.len())
            .collect::<Vec<usize>>()
            .par_chunks(TERMS_PER_TASK)
            .map(|chunk| {
                // A term's weight depends on its field and document frequency only: rare
                // terms share a handful of frequencies, so most weights are reused.
                let mut weights: HashMap<(usize, u64), Bm25Weight> = HashMap::new();
                let mut found = Vec::new();
                chunk
                    .iter()
                    .map(|&t| {
                        self.term_scores(&terms[t], &segments, &mut weights, &mut found)
                            .map(&each)
                    })
                    .collect()
            })
            .collect();
        let mut out = Vec::with_capacity(terms.len());
        for task in tasks {
            out.extend(task?);
        }
        Ok(out)
    }

    fn term_scores(
        &self,
        text: &str,
        segments: &[SegmentFields],
        weights: &mut HashMap<(usize, u64), Bm25Weight>,
        found: &mut Vec<(u32, usize, f32)>,
    ) -> tantivy::Result<Vec<(u32, f32)>> {
        found.clear();
        for (fi, (field, boost)) in self.fields.iter().enumerate() {
            let term = Term::from_field_text(*field, text);
            let mut infos = Vec::with_capacity(segments.len());
            let mut doc_freq = 0u64;
            for (si, seg) in segments.iter().enumerate() {
                if let Some(info) = seg.inverted[fi].get_term_info(&term)? {
                    doc_freq += u64::from(info.doc_freq);
                    infos.push((si, info));
                }
            }
            if infos.is_empty() {
                continue;
            }
            let weight = match weights.get(&(fi, doc_freq)) {
                Some(w) => w,
                None => {
                    // Built as tantivy's term query builds it: searcher-wide statistics,
                    // then the clause's boost.
                    let w = Bm25Weight::for_terms(&self.searcher, std::slice::from_ref(&term))?
                        .boost_by(*boost);
                    weights.entry((fi, doc_freq)).or_insert(w)
                }
            };
            for (si, info) in infos {
                let seg = &segments[si];
                let ords = &self.ords[si];
                let mut postings = seg.inverted[fi]
                    .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)?;
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    let score = weight.score(seg.norms[fi].fieldnorm_id(doc), postings.term_freq());
                    let ord = ords.first(doc).unwrap_or(0) as u32;
                    found.push((ord, fi, score));
                    doc = postings.advance();
                }
            }
        }
        // Per document, the fields' scores summed in field order from zero, as tantivy's
        // union sums its clauses.
        found.sort_unstable_by_key(|&(ord, fi, _)| (ord, fi));
        let mut out: Vec<(u32, f32)> = Vec::new();
        for &(ord, _, score) in found.iter() {
            match out.last_mut() {
                Some((o, s)) if *o == ord => *s += score,
                _ => out.push((ord, 0.0 + score)),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::docs::SearchDoc;
    use super::super::SearchIndex;

    fn doc(i: usize, title: &str, summary: &str, body: &str) -> SearchDoc {
        SearchDoc {
            section: "praksis".into(),
            section_label: "Praksis".into(),
            slug: format!("d{i}"),
            title: title.into(),
            url: format!("/praksis/d{i}/"),
            summary: summary.into(),
            names: if i.is_multiple_of(3) {
                "Dialog mod Vold".into()
            } else {
                String::new()
            },
            labels: if i.is_multiple_of(2) {
                "Rådgivning".into()
            } else {
                "Børn og unge".into()
            },
            body: body.into(),
            facets: vec![("focus_area".into(), (i % 4).to_string())],
        }
    }

    #[test]
    fn direct_scores_equal_the_query_scores_bit_for_bit() {
        // Uneven lengths and repeated words, so that field norms, frequencies and boosts
        // all vary; several fields per term so that the sums' order matters.
        let words = [
            "vold",
            "partner",
            "rådgivning",
            "krisecenter",
            "børn",
            "samtale",
            "hjælp",
            "politi",
            "familie",
            "bolig",
        ];
        let docs: Vec<SearchDoc> = (0..300)
            .map(|i| {
                let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
                let body: Vec<&str> = (0..(i % 37 + 3)).map(|k| w(k % (i % 5 + 1))).collect();
                doc(
                    i,
                    &format!("{} {}", w(0), w(i % 4)),
                    &format!("{} og {}", w(1), w(2)),
                    &body.join(" "),
                )
            })
            .collect();
        let kept = SearchIndex::build_with(docs.clone(), Vec::new()).unwrap();
        // The build's export drops the texts as each chunk is indexed: the scores must not
        // change, and the texts must be gone (they are the build's peak memory).
        let idx = SearchIndex::build_analysed(
            docs,
            Vec::new(),
            super::super::analyze::Analysis::Danish,
            super::super::Texts::Drop,
        )
        .unwrap();
        assert!(idx
            .docs
            .iter()
            .all(|d| d.body.is_empty() && d.names.is_empty()));
        assert!(kept.docs.iter().all(|d| !d.body.is_empty()));
        let direct = idx.all_postings().unwrap();
        assert_eq!(direct, kept.all_postings().unwrap());
        assert_eq!(direct.len(), idx.vocab.terms.len());
        assert!(
            direct.iter().any(|p| p.len() > 100),
            "common terms were scored"
        );
        for (t, got) in direct.iter().enumerate() {
            let want = idx.postings(t as u32).unwrap();
            assert_eq!(got.len(), want.len(), "term {}", idx.vocab.terms[t]);
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    g.0 == w.0 && g.1.to_bits() == w.1.to_bits(),
                    "term {}: direct {g:?}, query {w:?}",
                    idx.vocab.terms[t]
                );
            }
        }
    }
}
