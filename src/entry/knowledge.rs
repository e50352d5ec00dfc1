//! `viden`: a knowledge page, tagged with the violence forms and audiences it is about.

use super::keys::{key, KNOWLEDGE};
use super::reader::EntryReader;
use super::{EntryKind, KnowledgeMeta};

pub(super) fn knowledge(r: &mut EntryReader) -> Option<EntryKind> {
    let violence_forms = r.read_labels(key!(KNOWLEDGE, "violence_forms"));
    let audiences = r.read_labels(key!(KNOWLEDGE, "audiences"));
    let related = r
        .read::<Vec<String>>(key!(KNOWLEDGE, "related"))
        .unwrap_or_default();
    Some(EntryKind::Knowledge(KnowledgeMeta {
        violence_forms,
        audiences,
        related,
    }))
}
