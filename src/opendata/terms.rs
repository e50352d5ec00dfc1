//! The three vocabularies of the directory as HSDS taxonomies: who an offer is for
//! (`audiences`), the forms of violence it helps with (`violence_forms`) and what it offers
//! (`offers`), each term with its label from site.yaml and, where the site has one, the URL
//! of its page.

use super::ids::uuid;
use super::Export;
use crate::config::Labels;
use crate::urls;
use serde_json::{json, Value};

/// One vocabulary: its key in site.yaml, the UI strings naming and describing it, and where
/// a term's page is (none for offers).
pub struct Vocabulary {
    pub key: &'static str,
    name: &'static str,
    description: &'static str,
    page: Option<fn(&str) -> String>,
}

pub const VOCABULARIES: [Vocabulary; 3] = [
    Vocabulary {
        key: "audiences",
        name: "facet_audience",
        description: "data_taxonomy_audiences",
        page: Some(urls::audience_dir),
    },
    Vocabulary {
        key: "violence_forms",
        name: "facet_violence_form",
        description: "data_taxonomy_violence_forms",
        page: Some(urls::violence_form_dir),
    },
    Vocabulary {
        key: "offers",
        name: "facet_offer",
        description: "data_taxonomy_offers",
        page: None,
    },
];

impl Vocabulary {
    pub fn labels<'c>(&self, x: &Export<'c>) -> &'c Labels {
        let c = x.config();
        match self.key {
            "audiences" => &c.audiences,
            "violence_forms" => &c.violence_forms,
            _ => &c.offers,
        }
    }

    pub fn id(&self, x: &Export) -> String {
        uuid(x.base_url(), "taxonomy", self.key)
    }

    /// The HSDS `taxonomy` record.
    pub fn taxonomy(&self, x: &Export) -> Value {
        json!({
            "id": self.id(x),
            "name": x.s(self.name),
            "description": x.s(self.description),
            "version": "1",
        })
    }

    /// The HSDS `taxonomy_term` record of `key`, with its taxonomy nested.
    pub fn term(&self, x: &Export, key: &str) -> Value {
        let label = self.labels(x).get(key).unwrap_or(key);
        let mut t = json!({
            "id": uuid(x.base_url(), "taxonomy_term", &format!("{}/{key}", self.key)),
            "code": key,
            "name": label,
            "description": format!("{label} ({})", x.s(self.name)),
            "taxonomy": x.s(self.name),
            "taxonomy_detail": self.taxonomy(x),
            "language": x.config().language,
            "taxonomy_id": self.id(x),
        });
        if let Some(page) = self.page {
            t["term_uri"] = json!(urls::absolute(x.base_url(), &page(key)));
        }
        t
    }

    /// An HSDS `attribute` linking service `service_id` to term `key`.
    pub fn attribute(&self, x: &Export, service_id: &str, key: &str) -> Value {
        let term = self.term(x, key);
        json!({
            "id": uuid(x.base_url(), "attribute", &format!("{service_id}/{}/{key}", self.key)),
            "link_id": service_id,
            "link_type": self.key,
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        })
    }

    /// Every term of this vocabulary, in site.yaml order.
    pub fn terms(&self, x: &Export) -> Vec<Value> {
        self.labels(x).keys().map(|k| self.term(x, k)).collect()
    }
}
